package org.tradeorders.payment.refund.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tradeorders.payment.ledger.domain.OrderFunds;
import org.tradeorders.payment.refund.domain.Refund;
import org.tradeorders.payment.refund.domain.Refunds;
import org.tradeorders.platform.identity.Caller;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.problem.ProblemException;

/** The refunds of an order as payment-service pays them: whose money, which channel, or what they wait for. */
@Path("/orders/{orderId}/refunds")
@Produces(MediaType.APPLICATION_JSON)
public class RefundResource {

    @Inject
    Refunds refunds;
    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    public record PayoutView(String paymentId, String channel, Money amount, String paidTo) {
    }

    /**
     * status: WAITING_FOR_FUNDS (shortBy: what the supplier's money lacks), PAID or REFUSED (refusedReason).
     * fromAvailable and advanced are in the supplier's settlement currency; advanced is part of fromAvailable.
     */
    public record RefundView(String caseId, String orderId, String status, Money amount, Instant payBy, Money fromPending,
            Money fromAvailable, Money advanced, Money shortBy, String refusedReason, List<PayoutView> payouts,
            Instant owedAt, Instant paidAt) {
        static RefundView of(Refund r) {
            String availableIn = r.availableCurrency == null ? r.currency : r.availableCurrency;
            return new RefundView(r.caseId, r.orderId, r.status.name(), r.money(), r.payBy, new Money(r.fromPending, r.currency),
                    new Money(r.fromAvailable, availableIn), new Money(r.advanced, availableIn),
                    r.shortBy == null ? null : new Money(r.shortBy, availableIn), r.refusedReason,
                    r.payouts.stream().map(p -> new PayoutView(p.paymentId, p.channel, p.money(), p.paidTo)).toList(),
                    r.owedAt, r.paidAt);
        }
    }

    @Operation(description = "The order's refunds (its parties and operators), oldest first: paid, or waiting for the "
            + "supplier's money (e-Collection).")
    @GET
    @RolesAllowed({ Roles.BUYER, Roles.SUPPLIER, Roles.OPERATOR })
    @Transactional
    public List<RefundView> ofOrder(@PathParam("orderId") String orderId) {
        OrderFunds funds = em.find(OrderFunds.class, orderId);
        if (funds == null) {
            throw ProblemException.notFound("refunds of order", orderId);
        }
        caller.requireParty("refunds of order", orderId, funds.supplierId, funds.buyerId);
        return refunds.ofOrder(orderId).stream().map(RefundView::of).toList();
    }
}
