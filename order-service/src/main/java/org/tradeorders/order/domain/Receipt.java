package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.tradeorders.platform.outbox.Outbox;

/**
 * A shipped order until it completes: the receiving window (its extensions, its reminder, and the
 * automatic confirmation when it ends), the buyer's confirmation of receipt, and the balances due
 * after shipment falling due.
 */
@ApplicationScoped
public class Receipt {
    @Inject
    OrderRepository orders;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    OrderRules rules;
    @Inject
    OrderDeadlines deadlines;
    @Inject
    OrderNotifier notify;
    @Inject
    ReceiptHold hold;

    @Transactional
    public Order confirmReceipt(String orderId) {
        Order order = orders.lock(orderId);
        complete(order, OrderTrigger.CONFIRM_RECEIPT, Party.BUYER.name());
        return order;
    }

    /** The receiving window ended without the buyer's confirmation: receipt is confirmed automatically, unless held. */
    public void receiptTimedOut(String orderId) {
        Order order = orders.lockIfPresent(orderId);
        // held by an open "not received" dispute: its resolution sets the timer again
        if (order != null && order.canApply(OrderTrigger.RECEIPT_TIMEOUT) && !hold.holds(order.id)) {
            complete(order, OrderTrigger.RECEIPT_TIMEOUT, "TIMEOUT");
        }
    }

    private void complete(Order order, OrderTrigger trigger, String confirmedBy) {
        order.apply(trigger, clock.instant());
        order.receiving.confirmed(order.updatedAt);
        deadlines.receiptConfirmed(order);
        outbox.append(ORDER_COMPLETED, order.id, OrderCompleted.of(order, confirmedBy));
    }

    /** Each party may extend the receiving window once, by at most order.receiving-window-max-extension. */
    @Transactional
    public Order extendReceivingWindow(String orderId, Party by, int days) {
        Order order = orders.lock(orderId);
        order.extendReceivingWindow(by, days, rules.receivingWindowMaxExtension().toDays(), clock.instant());
        deadlines.receivingWindow(order);
        outbox.append(RECEIVING_WINDOW_EXTENDED, order.id, ReceivingWindowExtended.of(order, by, days));
        return order;
    }

    /** The buyer is reminded to confirm receipt (or extend, or claim) before it happens automatically. */
    public void receivingWindowClosing(String orderId) {
        Order order = orders.lockIfPresent(orderId);
        if (order != null && order.state == OrderState.SHIPPED && order.receiving.dueAt != null) {
            outbox.append(RECEIVING_WINDOW_CLOSING, order.id, ReceivingWindowClosing.of(order));
            notify.receivingWindowClosing(order, order.receiving.dueAt);
        }
    }

    /**
     * A balance due after shipment fell due: each one still unpaid is announced once (event and
     * e-mails to both parties); the timer moves on to the next balance. The order is not blocked by it:
     * collecting it is between the parties, or a claim.
     */
    public void balanceFellDue(String orderId) {
        Order order = orders.lockIfPresent(orderId);
        if (order == null) {
            return;
        }
        Instant now = clock.instant();
        for (Installment in : order.plan().overdueBalances(now)) {
            in.overdueAnnounced = true;
            outbox.append(INSTALLMENT_OVERDUE, order.id, InstallmentOverdue.of(order, in));
            notify.balanceOverdue(order, in);
        }
        order.updatedAt = now;
        deadlines.balanceDue(order);
    }
}
