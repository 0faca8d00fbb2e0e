package org.tradeorders.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.review.domain.SupplierScore;
import org.tradeorders.review.domain.SupplierScores;
import org.tradeorders.review.persistence.PublicReviews;
import org.tradeorders.review.rest.ReviewViews.PublicReview;

/** What anyone signed in sees of a supplier (shop pages, search): its reviews and its score. */
@Path("/suppliers/{supplierId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
public class SupplierReviewsResource {

    @Inject
    PublicReviews publicReviews;
    @Inject
    SupplierScores scores;

    @Operation(description = "The supplier's reviews, newest first, in pages, with its replies; each buyer shown only by country and a masked name.")
    @GET
    @Path("reviews")
    public Page<PublicReview> reviews(@PathParam("supplierId") String supplierId, @BeanParam @Valid PageRequest page) {
        return publicReviews.of(supplierId, page).map(PublicReview::of);
    }

    @Operation(description = "The supplier's score over the last 180 days, as stored: kept current as reviews arrive, change and age out.")
    @GET
    @Path("score")
    public SupplierScore score(@PathParam("supplierId") String supplierId) {
        return scores.current(supplierId);
    }
}
