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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.review.domain.Review;
import org.tradeorders.review.domain.ReviewWorkflow;
import org.tradeorders.review.domain.Stars;
import org.tradeorders.review.rest.ReviewViews.InvitationView;
import org.tradeorders.review.rest.ReviewViews.ReviewView;

/** An order's review: the supplier's invitation, the buyer's review and one edit, the supplier's one reply. */
@Path("/orders/{orderId}/review")
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
        Stars stars() {
            return new Stars(serviceAttitude, deliverySpeed, descriptionAccuracy);
        }
    }

    public record ReplyRequest(@NotBlank @Size(max = 2000) String text) {
    }

    @Operation(description = "The buyer of a completed order reviews its supplier, once, inside the review window (30 days from completion).")
    @POST
    @RolesAllowed(Roles.BUYER)
    @APIResponse(responseCode = "201", description = "the review", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    public Response review(@PathParam("orderId") String orderId, @Valid @NotNull ReviewRequest r) {
        Review saved = reviews.submit(caller.companyId(), orderId, r.stars(), r.text());
        return Response.status(201).entity(view(saved)).build();
    }

    @Operation(description = "The buyer edits its review, once, inside the review window; the first version stays in the history.")
    @PUT
    @RolesAllowed(Roles.BUYER)
    @APIResponse(responseCode = "200", description = "the edited review with its history", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    public ReviewView edit(@PathParam("orderId") String orderId, @Valid @NotNull ReviewRequest r) {
        return view(reviews.edit(caller.companyId(), orderId, r.stars(), r.text()));
    }

    @Operation(description = "The order's review with its history and reply, for the order's buyer, its supplier and operators.")
    @GET
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @APIResponse(responseCode = "200", description = "the review", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    public ReviewView get(@PathParam("orderId") String orderId) {
        Review r = reviews.review(orderId);
        if (r == null) {
            throw ProblemException.notFound("review of order", orderId);
        }
        caller.requireParty("review of order", orderId, r.buyerId, r.supplierId);
        return view(r);
    }

    @Operation(description = "The order's supplier invites the buyer to review, once, inside the review window; the buyer gets an e-mail.")
    @POST
    @Path("invitation")
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "200", description = "the invitation", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InvitationView.class)))
    public InvitationView invite(@PathParam("orderId") String orderId) {
        return InvitationView.of(reviews.invite(caller.companyId(), orderId));
    }

    @Operation(description = "The order's supplier replies to its review, once, within the reply window (30 days of the review or of its edit).")
    @POST
    @Path("reply")
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "200", description = "the review with its reply", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    public ReviewView reply(@PathParam("orderId") String orderId, @Valid @NotNull ReplyRequest r) {
        return view(reviews.reply(caller.companyId(), orderId, r.text()));
    }

    private ReviewView view(Review r) {
        return ReviewView.of(r, reviews.history(r.orderId));
    }
}
