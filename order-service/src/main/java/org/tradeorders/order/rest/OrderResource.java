package org.tradeorders.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.order.domain.ECollectionWorkflow;
import org.tradeorders.order.domain.Negotiation;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.OrderState;
import org.tradeorders.order.domain.Party;
import org.tradeorders.order.domain.Receipt;
import org.tradeorders.order.domain.Shipping;
import org.tradeorders.order.rest.OrderRequests.CancelRequest;
import org.tradeorders.order.rest.OrderRequests.ConfirmRequest;
import org.tradeorders.order.rest.OrderRequests.ExtensionAnswer;
import org.tradeorders.order.rest.OrderRequests.ExtensionRequest;
import org.tradeorders.order.rest.OrderRequests.ModificationRequest;
import org.tradeorders.order.persistence.OrderQueries;
import org.tradeorders.order.persistence.OrderQueries.OrderFilter;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.persistence.ReadOnlyTransaction;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.waiting.WaitRequest;
import org.tradeorders.platform.waiting.WaitingReads;

/**
 * The order's REST API, thin: it checks who acts ({@link OrderAccess}) and what a draft must satisfy
 * ({@link DraftChecks}), maps the request to domain arguments, and hands each step to its room. A change
 * is one transaction from the check to the answer, as with an {@code Idempotency-Key}: one commit, and
 * the answer is the order as changed.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    Negotiation negotiation;
    @Inject
    Shipping shipping;
    @Inject
    Receipt receipt;
    @Inject
    ECollectionWorkflow eCollection;
    @Inject
    OrderQueries queries;
    @Inject
    OrderAccess access;
    @Inject
    DraftChecks checks;
    @Inject
    Caller caller;
    @Inject
    WaitingReads reads;

    @Operation(description = "A supplier drafts an order for a buyer.")
    @POST
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "201", description = "the drafted order", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @Transactional
    public Response draft(@Valid @NotNull DraftOrderRequest request) {
        OrderKind kind = request.kindOrDefault();
        checks.supplierDraft(request, kind);
        if (request.buyerCompanyId().equals(caller.companyId())) {
            throw ProblemException.invalid("buyerCompanyId", "a supplier cannot order from itself");
        }
        if (kind == OrderKind.E_COLLECTION) {
            eCollection.requireActivated(caller.companyId());
        }
        OrderView drafted = access.drafted(request.newOrder(kind, caller.companyId(), caller.email()), negotiation::draft);
        return Response.created(URI.create("/orders/" + drafted.id())).entity(drafted).build();
    }

    @Operation(description = "A buyer drafts an order for a supplier: products, quantities and prices. The supplier "
            + "completes shipping cost, delivery time and payment terms (PUT) before it confirms.")
    @POST
    @Path("/buyer-initiated")
    @RolesAllowed(Roles.BUYER)
    @APIResponse(responseCode = "201", description = "the drafted order", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    @Transactional
    public Response draftByBuyer(@Valid @NotNull BuyerDraftRequest request) {
        if (request.kind() == OrderKind.E_COLLECTION) {
            throw ProblemException.forbidden("e-Collection orders are drafted by the supplier only: it sends you a payment "
                    + "reminder to confirm; ask the supplier, or draft a Trade Assurance order");
        }
        checks.buyerDraft(request, caller.companyId());
        OrderView drafted = access.drafted(request.newOrder(caller.companyId()), negotiation::draft);
        return Response.created(URI.create("/orders/" + drafted.id())).entity(drafted).build();
    }

    @Operation(description = "The buyer edits its own draft (or the draft the supplier sent back with a modification "
            + "request): a new version of the terms. The supplier keeps its shipping cost, delivery "
            + "time and payment terms.")
    @PUT
    @Path("/{id}/buyer-initiated")
    @RolesAllowed(Roles.BUYER)
    @Transactional
    public OrderView reviseByBuyer(@PathParam("id") String id, @Valid @NotNull BuyerDraftRequest request) {
        access.require(id, Party.BUYER, "edits its own draft");
        checks.buyerDraft(request, caller.companyId());
        negotiation.reviseByBuyer(id, order -> {
            DraftChecks.unchanged(order, "supplierCompanyId", order.supplierId, request.supplierCompanyId(),
                    request.buyerEmail());
            request.applyTo(order);
        });
        return access.view(id);
    }

    @Operation(description = "The caller's orders (a supplier's or a buyer's; an operator sees all), newest first, "
            + "filtered by state, kind, initiator, counterparty and creation date, in pages.")
    @GET
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @ReadOnlyTransaction
    public Page<OrderSummary> list(@QueryParam("state") String state,
            @QueryParam("kind") String kind,
            @QueryParam("initiator") String initiator,
            @QueryParam("counterparty") String counterparty,
            @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo, @BeanParam @Valid PageRequest page) {
        List<FieldViolation> errors = new ArrayList<>();
        // a party sees its own orders (an operator all); the counterparty is on the other side
        boolean supplier = caller.is(Roles.SUPPLIER);
        String me = caller.isOperator() ? null : caller.companyId();
        OrderFilter filter = new OrderFilter(supplier ? me : counterparty, supplier ? counterparty : me,
                ListParameters.enumOf("state", state, OrderState.class, errors),
                ListParameters.enumOf("kind", kind, OrderKind.class, errors),
                ListParameters.enumOf("initiator", initiator, Party.class, errors),
                ListParameters.dayStart("createdFrom", createdFrom, 0, errors),
                ListParameters.dayStart("createdTo", createdTo, 1, errors));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return queries.orders(filter, page).map(OrderSummary::of);
    }

    @Operation(description = "The order with its terms, installments, deadlines and events, to its supplier, its buyer "
            + "and operators. With its ETag in If-None-Match and Prefer: wait=N, the answer waits up to N seconds for "
            + "the order to change: no polling.")
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @APIResponse(responseCode = "200", description = "the order", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    public Response get(@PathParam("id") String id, @BeanParam WaitRequest wait) {
        return reads.answer(id, wait, () -> access.view(id));
    }

    @Operation(description = "The initiator submits the draft to the counterparty for confirmation: DRAFT to "
            + "AWAITING_CONFIRMATION.")
    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    @Transactional
    public OrderView submit(@PathParam("id") String id) {
        negotiation.submit(id, access.partyFor(id));
        return access.view(id);
    }

    @Operation(description = "The counterparty confirms the version of the terms it read: {\"version\": 2}.")
    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    @Transactional
    public OrderView confirm(@PathParam("id") String id, @Valid @NotNull ConfirmRequest request) {
        negotiation.confirm(id, access.partyFor(id), request.version());
        return access.view(id);
    }

    @Operation(description = "The counterparty sends the order back to DRAFT with what should change.")
    @POST
    @Path("/{id}/request-modification")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    @Transactional
    public OrderView requestModification(@PathParam("id") String id, @Valid @NotNull ModificationRequest request) {
        negotiation.requestModification(id, access.partyFor(id), request.note());
        return access.view(id);
    }

    @Operation(description = "The supplier revises the terms before confirmation: a new version. Its own identity and "
            + "the buyer's e-mail cannot change.")
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SUPPLIER)
    @Transactional
    public OrderView revise(@PathParam("id") String id, @Valid @NotNull DraftOrderRequest request) {
        checks.supplierDraft(request, access.require(id, Party.SUPPLIER, "revises the terms").kind);
        negotiation.revise(id, order -> {
            DraftChecks.unchanged(order, "buyerCompanyId", order.buyerId, request.buyerCompanyId(), request.buyerEmail());
            if (order.collectionAccount != null && !order.currency.equals(request.currency())) {
                throw ProblemException.invalid("currency", "cannot change: the order's collection account is in "
                        + order.currency);
            }
            request.applyTo(order);
            if (order.supplierEmail == null) {
                order.supplierEmail = caller.email();
            }
        });
        return access.view(id);
    }

    @Operation(description = "Either party cancels before any payment arrived.")
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    @Transactional
    public OrderView cancel(@PathParam("id") String id,
            @RequestBody(required = false, description = "the reason, if any; no body cancels without one") @Valid CancelRequest request) {
        negotiation.cancel(id, access.partyFor(id), request == null ? null : request.reason());
        return access.view(id);
    }

    @Operation(description = "Either party extends the receiving window once (at most "
            + "order.receiving-window-max-extension).")
    @POST
    @Path("/{id}/extend-receiving-window")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    @Transactional
    public OrderView extendReceivingWindow(@PathParam("id") String id, @Valid @NotNull ExtensionRequest request) {
        receipt.extendReceivingWindow(id, access.partyFor(id), request.days());
        return access.view(id);
    }

    @Operation(description = "The supplier proposes to move the shipment deadline by {\"days\": n} (at most 90 days in "
            + "total).")
    @POST
    @Path("/{id}/shipment-extension")
    @RolesAllowed(Roles.SUPPLIER)
    @Transactional
    public OrderView proposeShipmentExtension(@PathParam("id") String id, @Valid @NotNull ExtensionRequest request) {
        access.require(id, Party.SUPPLIER, "proposes a shipment extension");
        shipping.proposeShipmentExtension(id, request.days());
        return access.view(id);
    }

    @Operation(description = "The buyer answers the proposal: {\"accept\": true} moves the deadline, false keeps it.")
    @POST
    @Path("/{id}/shipment-extension/answer")
    @RolesAllowed(Roles.BUYER)
    @Transactional
    public OrderView answerShipmentExtension(@PathParam("id") String id, @Valid @NotNull ExtensionAnswer answer) {
        access.require(id, Party.BUYER, "answers a shipment extension");
        shipping.answerShipmentExtension(id, answer.accept());
        return access.view(id);
    }

    @Operation(description = "e-Collection: the supplier sends the buyer the payment reminder again, with a new signed "
            + "link (the first goes out by itself once the order's collection account is open).")
    @POST
    @Path("/{id}/payment-reminders")
    @RolesAllowed(Roles.SUPPLIER)
    @Transactional
    public OrderView resendPaymentReminder(@PathParam("id") String id) {
        access.require(id, Party.SUPPLIER, "sends payment reminders");
        eCollection.resendReminder(id);
        return access.view(id);
    }

    @Operation(description = "The buyer confirms the goods arrived: the order completes.")
    @POST
    @Path("/{id}/confirm-receipt")
    @RolesAllowed(Roles.BUYER)
    @Transactional
    public OrderView confirmReceipt(@PathParam("id") String id) {
        access.require(id, Party.BUYER, "confirms receipt");
        receipt.confirmReceipt(id);
        return access.view(id);
    }
}
