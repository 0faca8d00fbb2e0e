package org.tradeorders.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.tradeorders.order.domain.BuyerContact;
import org.tradeorders.order.domain.DeliveryAddress;
import org.tradeorders.order.domain.ECollectionWorkflow;
import org.tradeorders.order.domain.Installment;
import org.tradeorders.order.domain.InstallmentDue;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.OrderLine;
import org.tradeorders.order.domain.OrderRules;
import org.tradeorders.order.domain.OrderState;
import org.tradeorders.order.domain.OrderWorkflow;
import org.tradeorders.order.domain.Party;
import org.tradeorders.order.domain.OrderRepository;
import org.tradeorders.platform.deadline.Deadlines;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.Formats;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    OrderWorkflow workflow;
    @Inject
    OrderRepository orders;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    OrderRules rules;
    @Inject
    Clock clock;
    @Inject
    Deadlines deadlines;
    @Inject
    ECollectionWorkflow eCollection;

    @Operation(description = "A supplier drafts an order for a buyer.")
    @POST
    @RolesAllowed(Roles.SUPPLIER)
    @APIResponse(responseCode = "201", description = "the drafted order", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    public Response draft(@Valid @NotNull DraftOrderRequest request) {
        Order order = toOrder(request);
        workflow.draft(order);
        return Response.created(URI.create("/orders/" + order.id)).entity(view(order.id)).build();
    }

    @Operation(description = "A buyer drafts an order for a supplier: products, quantities and prices. The supplier "
            + "completes shipping cost, delivery time and payment terms (PUT) before it confirms.")
    @POST
    @Path("/buyer-initiated")
    @RolesAllowed(Roles.BUYER)
    @APIResponse(responseCode = "201", description = "the drafted order", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderView.class)))
    public Response draftByBuyer(@Valid @NotNull BuyerDraftRequest request) {
        if (request.kind() == OrderKind.E_COLLECTION) {
            throw ProblemException.forbidden("e-Collection orders are drafted by the supplier only: it sends you a payment "
                    + "reminder to confirm; ask the supplier, or draft a Trade Assurance order");
        }
        validate(request);
        Order o = new Order();
        o.supplierId = request.supplierCompanyId();
        o.buyerId = caller.companyId();
        o.buyerEmail = request.buyerEmail();
        o.initiator = Party.BUYER;
        o.supplierCompletedTerms = false;
        o.shippingCost = BigDecimal.ZERO;
        applyBuyerTerms(o, request);
        workflow.draft(o);
        return Response.created(URI.create("/orders/" + o.id)).entity(view(o.id)).build();
    }

    @Operation(description = "The buyer edits its own draft (or the draft the supplier sent back with a modification "
            + "request): a new version of the terms. The supplier keeps its shipping cost, delivery "
            + "time and payment terms.")
    @PUT
    @Path("/{id}/buyer-initiated")
    @RolesAllowed(Roles.BUYER)
    public OrderView reviseByBuyer(@PathParam("id") String id, @Valid @NotNull BuyerDraftRequest request) {
        if (partyFor(id) != Party.BUYER) {
            throw ProblemException.forbidden("only the buyer edits its own draft of order " + id);
        }
        validate(request);
        workflow.reviseByBuyer(id, order -> {
            requireUnchanged(order, "supplierCompanyId", order.supplierId, request.supplierCompanyId(), request.buyerEmail());
            applyBuyerTerms(order, request);
        });
        return view(id);
    }

    @Operation(description = "The caller's orders (a supplier's or a buyer's; an operator sees all), newest first, "
            + "filtered by state, kind, initiator, counterparty and creation date, in pages.")
    @GET
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public Page<OrderSummary> list(@QueryParam("state") String state,
            @QueryParam("kind") String kind,
            @QueryParam("initiator") String initiator,
            @QueryParam("counterparty") String counterparty,
            @QueryParam("createdFrom") String createdFrom,
            @QueryParam("createdTo") String createdTo, @BeanParam @Valid PageRequest page) {
        List<FieldViolation> errors = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!caller.isOperator()) {
            where.append(caller.is(Roles.SUPPLIER) ? " and supplierId = :me" : " and buyerId = :me");
            params.put("me", caller.companyId());
        }
        enumFilter("state", state, OrderState.class, where, params, errors);
        enumFilter("kind", kind, OrderKind.class, where, params, errors);
        enumFilter("initiator", initiator, Party.class, where, params, errors);
        if (counterparty != null) {
            where.append(caller.is(Roles.SUPPLIER) ? " and buyerId = :other" : " and supplierId = :other");
            params.put("other", counterparty);
        }
        dateFilter("createdFrom", createdFrom, " and createdAt >= :from", "from", 0, where, params, errors);
        dateFilter("createdTo", createdTo, " and createdAt < :to", "to", 1, where, params, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var query = orders.find(where + " order by createdAt desc, id", params);
        List<OrderSummary> items = query.page(page.page(), page.size()).list().stream().map(OrderSummary::of).toList();
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    private static <E extends Enum<E>> void enumFilter(String field, String value, Class<E> type, StringBuilder where,
            Map<String, Object> params, List<FieldViolation> errors) {
        if (value == null) {
            return;
        }
        try {
            params.put(field, Enum.valueOf(type, value));
            where.append(" and ").append(field).append(" = :").append(field);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
        }
    }

    /** A calendar day (UTC): from its start, or up to the start of the next day. */
    private static void dateFilter(String field, String value, String clause, String param, int plusDays,
            StringBuilder where, Map<String, Object> params, List<FieldViolation> errors) {
        if (value == null) {
            return;
        }
        try {
            params.put(param, LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant());
            where.append(clause);
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(field, "must be a date like 2026-11-21"));
        }
    }

    @Operation(description = "The order with its terms, installments, deadlines and events, to its supplier, its buyer "
            + "and operators.")
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    public OrderView get(@PathParam("id") String id) {
        return view(id);
    }

    @Operation(description = "The initiator submits the draft to the counterparty for confirmation: DRAFT to "
            + "AWAITING_CONFIRMATION.")
    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    public OrderView submit(@PathParam("id") String id) {
        workflow.submit(id, partyFor(id));
        return view(id);
    }

    public record ConfirmRequest(@NotNull @Positive Integer version) {
    }

    @Operation(description = "The counterparty confirms the version of the terms it read: {\"version\": 2}.")
    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    public OrderView confirm(@PathParam("id") String id, @Valid @NotNull ConfirmRequest request) {
        workflow.confirm(id, partyFor(id), request.version());
        return view(id);
    }

    public record ModificationRequest(@NotBlank @Size(max = 1000) String note) {
    }

    @Operation(description = "The counterparty sends the order back to DRAFT with what should change.")
    @POST
    @Path("/{id}/request-modification")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    public OrderView requestModification(@PathParam("id") String id, @Valid @NotNull ModificationRequest request) {
        workflow.requestModification(id, partyFor(id), request.note());
        return view(id);
    }

    @Operation(description = "The supplier revises the terms before confirmation: a new version. Its own identity and "
            + "the buyer's e-mail cannot change.")
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SUPPLIER)
    public OrderView revise(@PathParam("id") String id, @Valid @NotNull DraftOrderRequest request) {
        if (partyFor(id) != Party.SUPPLIER) {
            throw ProblemException.forbidden("only the supplier revises the terms of order " + id);
        }
        validate(request, kindOf(id));
        workflow.revise(id, order -> {
            requireUnchanged(order, "buyerCompanyId", order.buyerId, request.buyerCompanyId(), request.buyerEmail());
            if (order.collectionAccount != null && !order.currency.equals(request.currency())) {
                throw ProblemException.invalid("currency", "cannot change: the order's collection account is in "
                        + order.currency);
            }
            applyTerms(order, request);
            if (order.supplierEmail == null) {
                order.supplierEmail = caller.email();
            }
        });
        return view(id);
    }

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    @Operation(description = "Either party cancels before any payment arrived.")
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    public OrderView cancel(@PathParam("id") String id,
            @RequestBody(required = false, description = "the reason, if any; no body cancels without one") @Valid CancelRequest request) {
        workflow.cancel(id, partyFor(id), request == null ? null : request.reason());
        return view(id);
    }

    public record ExtensionRequest(@NotNull @Positive Integer days) {
    }

    @Operation(description = "Either party extends the receiving window once (at most "
            + "order.receiving-window-max-extension).")
    @POST
    @Path("/{id}/extend-receiving-window")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    public OrderView extendReceivingWindow(@PathParam("id") String id, @Valid @NotNull ExtensionRequest request) {
        workflow.extendReceivingWindow(id, partyFor(id), request.days());
        return view(id);
    }

    @Operation(description = "The supplier proposes to move the shipment deadline by {\"days\": n} (at most 90 days in "
            + "total).")
    @POST
    @Path("/{id}/shipment-extension")
    @RolesAllowed(Roles.SUPPLIER)
    public OrderView proposeShipmentExtension(@PathParam("id") String id, @Valid @NotNull ExtensionRequest request) {
        if (partyFor(id) != Party.SUPPLIER) {
            throw ProblemException.forbidden("only the supplier proposes a shipment extension");
        }
        workflow.proposeShipmentExtension(id, request.days());
        return view(id);
    }

    public record ExtensionAnswer(@NotNull Boolean accept) {
    }

    @Operation(description = "The buyer answers the proposal: {\"accept\": true} moves the deadline, false keeps it.")
    @POST
    @Path("/{id}/shipment-extension/answer")
    @RolesAllowed(Roles.BUYER)
    public OrderView answerShipmentExtension(@PathParam("id") String id, @Valid @NotNull ExtensionAnswer answer) {
        if (partyFor(id) != Party.BUYER) {
            throw ProblemException.forbidden("only the buyer answers a shipment extension");
        }
        workflow.answerShipmentExtension(id, answer.accept());
        return view(id);
    }

    @Operation(description = "e-Collection: the supplier sends the buyer the payment reminder again, with a new signed "
            + "link (the first goes out by itself once the order's collection account is open).")
    @POST
    @Path("/{id}/payment-reminders")
    @RolesAllowed(Roles.SUPPLIER)
    public OrderView resendPaymentReminder(@PathParam("id") String id) {
        if (partyFor(id) != Party.SUPPLIER) {
            throw ProblemException.forbidden("only the supplier sends payment reminders");
        }
        eCollection.resendReminder(id);
        return view(id);
    }

    @Operation(description = "The buyer confirms the goods arrived: the order completes.")
    @POST
    @Path("/{id}/confirm-receipt")
    @RolesAllowed(Roles.BUYER)
    public OrderView confirmReceipt(@PathParam("id") String id) {
        if (partyFor(id) != Party.BUYER) {
            throw ProblemException.forbidden("only the buyer confirms receipt");
        }
        workflow.confirmReceipt(id);
        return view(id);
    }

    @Transactional
    OrderView view(String id) {
        Order order = visible(id);
        return OrderView.of(order, deadlines.pending(id), outbox.eventsOf(id));
    }

    /** The caller's side of the order, from its verified company and role; non-parties see 404. */
    @Transactional
    Party partyFor(String id) {
        Order order = visible(id);
        Party party = order.partyOf(caller.companyId());
        boolean roleMatches = party == Party.SUPPLIER ? caller.is(Roles.SUPPLIER) : caller.is(Roles.BUYER);
        if (!roleMatches) {
            throw ProblemException.forbidden("company " + caller.companyId() + " is the " + party + " of order " + id
                    + " and must act in that role");
        }
        return party;
    }

    @Transactional
    OrderKind kindOf(String id) {
        return visible(id).kind;
    }

    private Order visible(String id) {
        Order order = orders.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("order", id));
        caller.requireParty("order", id, order.supplierId, order.buyerId);
        return order;
    }

    private Order toOrder(DraftOrderRequest r) {
        validate(r, r.kindOrDefault());
        if (r.buyerCompanyId().equals(caller.companyId())) {
            throw ProblemException.invalid("buyerCompanyId", "a supplier cannot order from itself");
        }
        if (r.kindOrDefault() == OrderKind.E_COLLECTION) {
            eCollection.requireActivated(caller.companyId());
        }
        Order o = new Order();
        o.kind = r.kindOrDefault();
        o.supplierId = caller.companyId();
        o.buyerId = r.buyerCompanyId();
        o.buyerEmail = r.buyerEmail();
        o.supplierEmail = caller.email();
        o.initiator = Party.SUPPLIER;
        applyTerms(o, r);
        return o;
    }

    private void validate(BuyerDraftRequest r) {
        List<FieldViolation> errors = new ArrayList<>();
        checkCommon(r.currency(), r.lines(), r.deliveryAddress(), errors);
        if (r.supplierCompanyId().equals(caller.companyId())) {
            errors.add(new FieldViolation("supplierCompanyId", "a buyer cannot order from itself"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** An edit never changes the counterparty ({@code partyField}) or the buyer's e-mail. */
    private static void requireUnchanged(Order order, String partyField, String party, String requestedParty,
            String requestedBuyerEmail) {
        List<FieldViolation> fixed = new ArrayList<>();
        if (!party.equals(requestedParty)) {
            fixed.add(new FieldViolation(partyField, "cannot change once the order is drafted"));
        }
        if (!order.buyerEmail.equalsIgnoreCase(requestedBuyerEmail)) {
            fixed.add(new FieldViolation("buyerEmail", "cannot change once the order is drafted"));
        }
        if (!fixed.isEmpty()) {
            throw ProblemException.invalid(fixed);
        }
    }

    /** The rules Bean Validation cannot express: configured limits, sums and dates. */
    private void validate(DraftOrderRequest r, OrderKind kind) {
        List<FieldViolation> errors = new ArrayList<>();
        checkCommon(r.currency(), r.lines(), r.deliveryAddress(), errors);
        if ((r.shipmentDeadline() == null) == (r.shipWithinDays() == null)) {
            errors.add(new FieldViolation("shipmentDeadline", "give either shipmentDeadline (a date) or shipWithinDays"));
        } else if (r.shipmentDeadline() != null && !r.shipmentDeadline().isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            errors.add(new FieldViolation("shipmentDeadline", "must be in the future"));
        }
        if (r.kind() != null && r.kind() != kind) {
            errors.add(new FieldViolation("kind", "cannot change once the order is drafted (it is " + kind + ")"));
        }
        validateInstallments(kind, r, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * Trade Assurance: an installment plan adding up to 100% with an initial payment. e-Collection:
     * paid in full by remittance before shipment, so no plan is given.
     */
    private static void validateInstallments(OrderKind kind, DraftOrderRequest r,
            List<FieldViolation> errors) {
        if (kind == OrderKind.E_COLLECTION) {
            if (r.installments() != null && !r.installments().isEmpty()) {
                errors.add(new FieldViolation("installments", "an e-Collection order is paid in full by remittance before "
                        + "it ships: leave installments out"));
            }
            return;
        }
        if (r.installments() == null || r.installments().isEmpty()) {
            errors.add(new FieldViolation("installments", "must not be empty"));
            return;
        }
        for (int i = 0; i < r.installments().size(); i++) {
            DraftOrderRequest.InstallmentTerm t = r.installments().get(i);
            if ((t.due() == InstallmentDue.AFTER_SHIPMENT) != (t.dueDays() != null)) {
                errors.add(new FieldViolation("installments[" + i + "].dueDays", t.dueDays() == null
                        ? "is required for an installment due AFTER_SHIPMENT (days after shipment)"
                        : "applies only to an installment due AFTER_SHIPMENT"));
            }
        }
        BigDecimal percent = r.installments().stream().map(DraftOrderRequest.InstallmentTerm::percent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (percent.compareTo(BigDecimal.valueOf(100)) != 0) {
            errors.add(new FieldViolation("installments", "percentages add up to " + percent.toPlainString() + ", not 100"));
        }
        if (r.installments().stream().noneMatch(i -> i.due() == InstallmentDue.BEFORE_PRODUCTION)) {
            errors.add(new FieldViolation("installments", "need an initial payment (an installment due BEFORE_PRODUCTION)"));
        }
    }

    /** Configured limits every draft obeys, whoever drafts it: the nine currencies, lines, quantities; a real country. */
    private void checkCommon(String currency, List<DraftOrderRequest.Line> lines, DraftOrderRequest.Address address,
            List<FieldViolation> errors) {
        if (!Formats.isCountry(address.country())) {
            errors.add(new FieldViolation("deliveryAddress.country", "is not an ISO 3166-1 country code"));
        }
        if (!rules.currencies().contains(currency)) {
            errors.add(new FieldViolation("currency", "must be one of " + rules.currencies()));
        }
        if (lines.size() > rules.maxLines()) {
            errors.add(new FieldViolation("lines", "at most " + rules.maxLines() + " lines"));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).quantity() > rules.maxLineQuantity()) {
                errors.add(new FieldViolation("lines[" + i + "].quantity", "at most " + rules.maxLineQuantity()));
            }
        }
    }

    private static List<OrderLine> lines(List<DraftOrderRequest.Line> requested) {
        return requested.stream().map(l -> {
            OrderLine line = new OrderLine();
            line.productName = l.productName();
            line.model = l.model();
            line.specification = l.specification();
            line.color = l.color();
            line.packaging = l.packaging();
            line.unitPrice = l.unitPrice();
            line.quantity = l.quantity();
            return line;
        }).toList();
    }

    private static void applyBuyer(Order o, DraftOrderRequest.Contact contact, DraftOrderRequest.Address address) {
        o.buyerContact = new BuyerContact();
        o.buyerContact.companyName = contact.companyName();
        o.buyerContact.contactName = contact.contactName();
        o.buyerContact.phone = contact.phone();
        o.deliveryAddress = new DeliveryAddress();
        o.deliveryAddress.street = address.street();
        o.deliveryAddress.city = address.city();
        o.deliveryAddress.zipCode = address.zipCode();
        o.deliveryAddress.country = address.country();
    }

    /** What a buyer's draft says: products, prices, where to deliver, preferred Incoterm and transport. */
    private static void applyBuyerTerms(Order o, BuyerDraftRequest r) {
        applyBuyer(o, r.buyerContact(), r.deliveryAddress());
        o.currency = r.currency();
        o.incoterm = r.incoterm();
        o.transportMethod = r.transportMethod();
        o.lines.clear();
        o.lines.addAll(lines(r.lines()));
    }

    /** The terms (everything but the parties) from the request; the caller reprices. */
    private static void applyTerms(Order o, DraftOrderRequest r) {
        BigDecimal remitted = o.remitted();
        applyBuyer(o, r.buyerContact(), r.deliveryAddress());
        o.incoterm = r.incoterm();
        o.transportMethod = r.transportMethod();
        o.currency = r.currency();
        o.shippingCost = r.shippingCost();
        o.shipmentDeadline = r.shipmentDeadline();
        o.shipWithinDays = r.shipWithinDays();
        o.lines.clear();
        o.installments.clear();
        o.lines.addAll(lines(r.lines()));
        if (o.kind == OrderKind.E_COLLECTION) {
            // what remittances paid stays with the order through a revision
            Installment in = new Installment();
            in.paid = remitted;
            in.seq = 1;
            in.name = "Remittance";
            in.percent = BigDecimal.valueOf(100);
            in.due = InstallmentDue.BEFORE_SHIPMENT;
            o.installments.add(in);
            return;
        }
        int seq = 1;
        for (DraftOrderRequest.InstallmentTerm t : r.installments()) {
            Installment in = new Installment();
            in.seq = seq++;
            in.name = t.name();
            in.percent = t.percent();
            in.due = t.due();
            in.dueDays = t.dueDays();
            o.installments.add(in);
        }
    }
}
