package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;

/**
 * A confirmed Trade Assurance order until production starts: credit-limit-service reserves (or
 * refuses) the supplier's credit, then payment-service's payments accumulate per installment until
 * the initial payment is covered. Called inside the inbox transaction of the event that caused it.
 */
@ApplicationScoped
public class Payments {
    private static final Logger LOG = Logger.getLogger(Payments.class);
    public static final String CREDIT_LIMIT_EXCEEDED = "CREDIT_LIMIT_EXCEEDED";

    @Inject
    OrderRepository orders;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    OrderDeadlines deadlines;
    @Inject
    Production production;

    /** The credit is reserved: the buyer may pay, and the initial payment has until the unpaid timeout. */
    public void creditReserved(String orderId) {
        Order order = orders.lockIfPresent(orderId);
        if (order == null || !order.canApply(OrderTrigger.CREDIT_RESERVED)) {
            LOG.warnf("CreditReserved for order %s in state %s ignored", orderId, order == null ? "unknown" : order.state);
            return;
        }
        order.apply(OrderTrigger.CREDIT_RESERVED, clock.instant());
        deadlines.awaitInitialPayment(order);
        outbox.append(ORDER_AWAITING_PAYMENT, order.id, OrderAwaitingPayment.of(order));
    }

    /** The reservation was refused: back to DRAFT with the reason and the credit available (USD). */
    public void creditRejected(String orderId, String reason, Money available) {
        Order order = orders.lockIfPresent(orderId);
        if (order == null || !order.canApply(OrderTrigger.CREDIT_REJECTED)) {
            LOG.warnf("CreditReservationRejected for order %s ignored", orderId);
            return;
        }
        order.apply(OrderTrigger.CREDIT_REJECTED, clock.instant());
        order.returnReason = reason == null ? CREDIT_LIMIT_EXCEEDED : reason;
        order.returnAvailableUsd = available == null ? null : available.amount();
        outbox.append(ORDER_RETURNED_TO_DRAFT, order.id, OrderReturnedToDraft.of(order, available));
    }

    /** A payment adds to its installment; covering the initial payment starts production. */
    public void paymentReceived(String paymentId, String orderId, int installmentSeq, Money amount) {
        Order order = orders.lockIfPresent(orderId);
        Installment installment = order == null || order.kind != OrderKind.TRADE_ASSURANCE ? null
                : order.recordPayment(installmentSeq, amount, clock.instant());
        if (installment == null) {
            // Never lost: payment-service keeps the money; it is reconciled there (refund or buyer credit).
            LOG.errorf("payment %s does not match order %s installment %d", paymentId, orderId, installmentSeq);
            return;
        }
        outbox.append(ORDER_PAYMENT_RECORDED, order.id, OrderPaymentRecorded.of(order, paymentId, installment, amount));
        if (order.state == OrderState.AWAITING_PAYMENT && order.plan().initialPaymentCovered()) {
            deadlines.initialPaymentArrived(order);
            production.start(order, OrderTrigger.INITIAL_PAYMENT_COVERED);
            outbox.append(ORDER_PRODUCTION_STARTED, order.id, OrderProductionStarted.of(order));
        }
        production.announceReadyToShip(order);
    }
}
