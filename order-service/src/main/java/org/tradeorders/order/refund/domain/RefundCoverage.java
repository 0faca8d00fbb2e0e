package org.tradeorders.order.refund.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.tradeorders.order.domain.Installment;
import org.tradeorders.order.domain.InstallmentDue;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.OrderState;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;

/**
 * When a buyer may open a refund case on an order, and the most it may claim (shared/domain.md,
 * "Refunds and disputes"). Trade Assurance: a late shipment once the shipment deadline (as extended
 * by the buyer's agreement) passed unshipped, or a cancellation asked in production, covering what
 * was paid before shipment; the other
 * reasons after shipment, until claim-window after receipt was confirmed, covering all that was
 * paid. The PI's shipping cost (freight) is never covered, and payments made outside the platform
 * were never recorded here. e-Collection (its refund portal): what the remittances paid. What the
 * order's earlier cases refund is never covered twice.
 */
public final class RefundCoverage {
    private final RefundRules rules;
    /** what the order's earlier cases already refund (agreed, decided or paid): never claimed twice */
    private final BigDecimal alreadyRefunded;

    public RefundCoverage(RefundRules rules, BigDecimal alreadyRefunded) {
        this.rules = rules;
        this.alreadyRefunded = alreadyRefunded;
    }

    public RefundCoverage(RefundRules rules) {
        this(rules, BigDecimal.ZERO);
    }

    /** The most a case for {@code reason} may claim on {@code order} at {@code now}, or why none may open. */
    public Money of(Order order, RefundReason reason, Instant now) {
        if (!order.plan().anythingPaid()) {
            throw new RuleViolation("nothing-paid", "order " + order.id + " has received no payment: cancel it instead");
        }
        if (order.state == OrderState.CANCELLED) {
            throw new RuleViolation("order-cancelled", "order " + order.id + " is cancelled");
        }
        BigDecimal covered = order.kind == OrderKind.E_COLLECTION ? order.plan().paid()
                : (reason.beforeShipment() ? paidBeforeShipment(order, reason, now) : paidAfterShipment(order, now))
                        .min(order.total.subtract(order.shippingCost));
        BigDecimal left = covered.subtract(alreadyRefunded);
        if (left.signum() <= 0) {
            throw new RuleViolation("nothing-left-to-refund", "order " + order.id + "'s earlier refund cases already refund "
                    + order.money(alreadyRefunded) + ", all that a case for " + reason + " covers");
        }
        return order.money(left);
    }

    private BigDecimal paidBeforeShipment(Order order, RefundReason reason, Instant now) {
        Instant due = order.shipment.dueAt();
        if (reason == RefundReason.CANCEL_BEFORE_SHIPMENT && !order.state.awaitsShipment()) {
            throw new RuleViolation("not-in-production", "order " + order.id + " is " + order.state
                    + ": a cancellation is asked while the order is in production");
        }
        if (reason == RefundReason.LATE_SHIPMENT && (!order.state.awaitsShipment() || due == null || now.isBefore(due))) {
            throw new RuleViolation("not-late", "order " + order.id + " is " + order.state + " with shipment deadline "
                    + order.shipment.deadline + ": a late shipment is claimed once that deadline (as extended with the "
                    + "buyer's agreement) has passed without a shipment");
        }
        return order.installments.stream().filter(i -> i.due != InstallmentDue.AFTER_SHIPMENT).map(i -> i.paid)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal paidAfterShipment(Order order, Instant now) {
        if (order.state == OrderState.COMPLETED) {
            Instant closes = order.receiving.confirmedAt == null ? null : order.receiving.confirmedAt.plus(rules.claimWindow());
            if (closes == null || now.isAfter(closes)) {
                throw new RuleViolation("claim-window-closed", "order " + order.id + " completed at "
                        + order.receiving.confirmedAt + "; claims were possible until " + closes);
            }
        } else if (order.state != OrderState.SHIPPED) {
            throw new RuleViolation("not-shipped", "order " + order.id + " is " + order.state
                    + ": this reason is claimed once the goods shipped (before that, a late shipment)");
        }
        return order.installments.stream().map((Installment i) -> i.paid).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
