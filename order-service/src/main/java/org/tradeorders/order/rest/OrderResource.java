package org.tradeorders.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.tradeorders.order.domain.Installment;
import org.tradeorders.order.domain.InstallmentDue;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderLine;
import org.tradeorders.order.domain.OrderRules;
import org.tradeorders.order.domain.OrderWorkflow;
import org.tradeorders.order.domain.Party;
import org.tradeorders.order.persistence.OrderRepository;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;

@Path("/orders")
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
    org.tradeorders.platform.deadline.Deadlines deadlines;

    /** A supplier drafts an order for a buyer. */
    @POST
    @RolesAllowed(Roles.SUPPLIER)
    public Response draft(@Valid @NotNull DraftOrderRequest request) {
        Order order = toOrder(request);
        workflow.draft(order);
        return Response.created(URI.create("/orders/" + order.id)).entity(view(order.id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    public OrderView get(@PathParam("id") String id) {
        return view(id);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    public OrderView submit(@PathParam("id") String id) {
        workflow.submit(id, partyFor(id));
        return view(id);
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    public OrderView confirm(@PathParam("id") String id) {
        workflow.confirm(id, partyFor(id));
        return view(id);
    }

    public record CancelRequest(@jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    /** Either party cancels before any payment arrived. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER })
    public OrderView cancel(@PathParam("id") String id, @Valid CancelRequest request) {
        workflow.cancel(id, partyFor(id), request == null ? null : request.reason());
        return view(id);
    }

    /** The buyer confirms the goods arrived: the order completes. */
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

    private Order visible(String id) {
        Order order = orders.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("order", id));
        caller.requireParty("order", id, order.supplierId, order.buyerId);
        return order;
    }

    private Order toOrder(DraftOrderRequest r) {
        List<FieldViolation> errors = new ArrayList<>();
        if (!rules.currencies().contains(r.currency())) {
            errors.add(new FieldViolation("currency", "must be one of " + rules.currencies()));
        }
        if (r.lines().size() > rules.maxLines()) {
            errors.add(new FieldViolation("lines", "at most " + rules.maxLines() + " lines"));
        }
        BigDecimal percent = r.installments().stream().map(DraftOrderRequest.InstallmentTerm::percent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (percent.compareTo(BigDecimal.valueOf(100)) != 0) {
            errors.add(new FieldViolation("installments", "percentages add up to " + percent.toPlainString() + ", not 100"));
        }
        if (r.installments().stream().noneMatch(i -> i.due() == InstallmentDue.BEFORE_PRODUCTION)) {
            errors.add(new FieldViolation("installments", "need an initial payment (an installment due BEFORE_PRODUCTION)"));
        }
        if (!r.shipmentDeadline().isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            errors.add(new FieldViolation("shipmentDeadline", "must be in the future"));
        }
        if (r.buyerCompanyId().equals(caller.companyId())) {
            errors.add(new FieldViolation("buyerCompanyId", "a supplier cannot order from itself"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Order o = new Order();
        o.supplierId = caller.companyId();
        o.buyerId = r.buyerCompanyId();
        o.buyerEmail = r.buyerEmail();
        o.initiator = Party.SUPPLIER;
        o.currency = r.currency();
        o.shippingCost = r.shippingCost();
        o.shipmentDeadline = r.shipmentDeadline();
        for (DraftOrderRequest.Line l : r.lines()) {
            OrderLine line = new OrderLine();
            line.productName = l.productName();
            line.model = l.model();
            line.specification = l.specification();
            line.unitPrice = l.unitPrice();
            line.quantity = l.quantity();
            o.lines.add(line);
        }
        int seq = 1;
        for (DraftOrderRequest.InstallmentTerm t : r.installments()) {
            Installment in = new Installment();
            in.seq = seq++;
            in.name = t.name();
            in.percent = t.percent();
            in.due = t.due();
            o.installments.add(in);
        }
        return o;
    }
}
