package org.tradeorders.order.refund.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.order.domain.Party;
import org.tradeorders.order.refund.domain.RefundCase;
import org.tradeorders.order.refund.domain.RefundCases;
import org.tradeorders.order.refund.rest.RefundRequests.CounterOffer;
import org.tradeorders.order.refund.rest.RefundRequests.Decision;
import org.tradeorders.order.refund.rest.RefundRequests.Open;
import org.tradeorders.order.refund.rest.RefundRequests.Rejection;
import org.tradeorders.order.refund.rest.RefundRequests.Revision;
import org.tradeorders.order.rest.OrderAccess;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;

/**
 * Refund cases over REST: the buyer opens, revises, withdraws or escalates; the supplier accepts,
 * rejects or counter-offers; an operator decides escalated cases from its queue. Only the order's
 * parties (in their own role) and operators see a case; anyone else gets 404.
 */
@Path("/refund-cases")
@Produces(MediaType.APPLICATION_JSON)
public class RefundCaseResource {
    @Inject
    RefundCases cases;
    @Inject
    OrderAccess access;
    @Inject
    Caller caller;
    @Inject
    CaseAccess caseAccess;

    @Operation(description = "The buyer asks for a refund on its order: a reason, an amount within what the case "
            + "covers, and what happened.")
    @POST
    @RolesAllowed(Roles.BUYER)
    @APIResponse(responseCode = "201", description = "the case", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RefundCaseView.class)))
    public Response open(@Valid @NotNull Open request) {
        Party by = access.partyFor(request.orderId());
        RefundCase c = cases.open(request.orderId(), by, request.reason(), request.amount().money(), request.description());
        return Response.created(URI.create("/refund-cases/" + c.id)).entity(RefundCaseView.of(c)).build();
    }

    @Operation(description = "An order's refund cases, newest first.")
    @GET
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<RefundCaseView> ofOrder(@QueryParam("orderId") @NotBlank @Size(max = 64) String orderId,
            @BeanParam @Valid PageRequest page) {
        access.requireVisible(orderId);
        return page.slice(cases.casesOf(orderId)).map(RefundCaseView::of);
    }

    @Operation(description = "The operators' queue: escalated cases, oldest first, each with its evidence due time.")
    @GET
    @Path("/escalated")
    @RolesAllowed(Roles.OPERATOR)
    @Transactional
    public Page<RefundCaseView> escalated(@BeanParam @Valid PageRequest page) {
        return cases.escalated(page).map(RefundCaseView::of);
    }

    @Operation(description = "One refund case, to its order's parties and operators.")
    @GET
    @Path("/{caseId}")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    public RefundCaseView get(@PathParam("caseId") String caseId) {
        RefundCase c = visible(caseId);
        return RefundCaseView.of(c);
    }

    @Operation(description = "The supplier pays what the buyer asks: the refund is agreed.")
    @POST
    @Path("/{caseId}/accept")
    @RolesAllowed(Roles.SUPPLIER)
    public RefundCaseView accept(@PathParam("caseId") String caseId) {
        return RefundCaseView.of(cases.accept(caseId, partyIn(caseId)));
    }

    @Operation(description = "The supplier refuses, with its reason.")
    @POST
    @Path("/{caseId}/reject")
    @RolesAllowed(Roles.SUPPLIER)
    public RefundCaseView reject(@PathParam("caseId") String caseId, @Valid @NotNull Rejection request) {
        return RefundCaseView.of(cases.reject(caseId, partyIn(caseId), request.note()));
    }

    @Operation(description = "The supplier offers a smaller amount, with its reason (Trade Assurance).")
    @POST
    @Path("/{caseId}/counter-offer")
    @RolesAllowed(Roles.SUPPLIER)
    public RefundCaseView counterOffer(@PathParam("caseId") String caseId, @Valid @NotNull CounterOffer request) {
        return RefundCaseView.of(cases.counterOffer(caseId, partyIn(caseId), request.amount().money(), request.note()));
    }

    @Operation(description = "The buyer takes the supplier's counter-offer: the refund is agreed.")
    @POST
    @Path("/{caseId}/accept-counter-offer")
    @RolesAllowed(Roles.BUYER)
    public RefundCaseView acceptCounterOffer(@PathParam("caseId") String caseId) {
        return RefundCaseView.of(cases.acceptCounterOffer(caseId, partyIn(caseId)));
    }

    @Operation(description = "The buyer changes its request; the supplier answers it anew.")
    @POST
    @Path("/{caseId}/revise")
    @RolesAllowed(Roles.BUYER)
    public RefundCaseView revise(@PathParam("caseId") String caseId, @Valid @NotNull Revision request) {
        return RefundCaseView.of(cases.revise(caseId, partyIn(caseId), request.amount().money(), request.description()));
    }

    @Operation(description = "The buyer takes its request back.")
    @POST
    @Path("/{caseId}/withdraw")
    @RolesAllowed(Roles.BUYER)
    public RefundCaseView withdraw(@PathParam("caseId") String caseId) {
        return RefundCaseView.of(cases.withdraw(caseId, partyIn(caseId)));
    }

    @Operation(description = "The buyer asks the platform to decide (Trade Assurance, from escalation-allowed-after on).")
    @POST
    @Path("/{caseId}/escalate")
    @RolesAllowed(Roles.BUYER)
    public RefundCaseView escalate(@PathParam("caseId") String caseId) {
        return RefundCaseView.of(cases.escalate(caseId, partyIn(caseId)));
    }

    @Operation(description = "An operator decides an escalated case, finally: an amount (0 for no refund) and why.")
    @POST
    @Path("/{caseId}/decision")
    @RolesAllowed(Roles.OPERATOR)
    public RefundCaseView decide(@PathParam("caseId") String caseId, @Valid @NotNull Decision request) {
        visible(caseId);
        return RefundCaseView.of(cases.decide(caseId, caller.companyId(), request.amount().money(), request.note()));
    }

    private RefundCase visible(String caseId) {
        return caseAccess.visible(caseId);
    }

    private Party partyIn(String caseId) {
        return caseAccess.partyIn(caseId);
    }
}
