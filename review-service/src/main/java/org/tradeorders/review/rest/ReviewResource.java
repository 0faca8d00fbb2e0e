package org.tradeorders.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.review.domain.Review;
import org.tradeorders.review.domain.ReviewWorkflow;
import org.tradeorders.review.domain.SupplierScore;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewWorkflow reviews;
    @Inject
    Caller caller;

    public record ReviewRequest(
            @NotNull @Min(1) @Max(5) Integer serviceAttitude,
            @NotNull @Min(1) @Max(5) Integer deliverySpeed,
            @NotNull @Min(1) @Max(5) Integer descriptionAccuracy,
            @Size(max = 4000) String text) {
    }

    public record ReplyRequest(@NotBlank @Size(max = 2000) String text) {
    }

    public record ReviewView(String orderId, String supplierId, int serviceAttitude, int deliverySpeed,
            int descriptionAccuracy, String text, Instant submittedAt, String replyText, Instant repliedAt) {
        static ReviewView of(Review r) {
            return new ReviewView(r.orderId, r.supplierId, r.serviceAttitude, r.deliverySpeed, r.descriptionAccuracy, r.text,
                    r.submittedAt, r.replyText, r.repliedAt);
        }
    }

    @Operation(description = "The buyer of a completed order reviews its supplier.")
    @POST
    @Path("orders/{orderId}/review")
    @RolesAllowed(Roles.BUYER)
    @APIResponse(responseCode = "201", description = "the review", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    public Response review(@PathParam("orderId") String orderId, @Valid @NotNull ReviewRequest r) {
        Review saved = reviews.submit(caller.companyId(), orderId, r.serviceAttitude(), r.deliverySpeed(),
                r.descriptionAccuracy(), r.text());
        return Response.status(201).entity(ReviewView.of(saved)).build();
    }

    @Operation(description = "The order's supplier replies to its review, once, within the reply window (30 days of the review).")
    @POST
    @Path("orders/{orderId}/review/reply")
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "200", description = "the review with its reply", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    public ReviewView reply(@PathParam("orderId") String orderId, @Valid @NotNull ReplyRequest r) {
        return ReviewView.of(reviews.reply(caller.companyId(), orderId, r.text()));
    }

    @Operation(description = "A supplier's current score, readable by anyone signed in (shop pages, search).")
    @GET
    @Path("suppliers/{supplierId}/score")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    public SupplierScore score(@PathParam("supplierId") String supplierId) {
        return reviews.score(supplierId);
    }
}
