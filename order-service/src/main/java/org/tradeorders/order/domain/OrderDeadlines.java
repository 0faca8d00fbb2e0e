package org.tradeorders.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.tradeorders.platform.deadline.Deadlines;

/**
 * An order's timers, by kind, and when each is set, moved or cleared (the numbers: {@link OrderRules}).
 * Each kind has its handler in the {@code timer} room; scheduling again replaces the pending one.
 */
@ApplicationScoped
public class OrderDeadlines {
    /** The supplier must confirm a buyer-initiated order in time (order.supplier-confirmation-timeout). */
    public static final String CONFIRMATION_TIMEOUT = "ORDER_CONFIRMATION_TIMEOUT";
    /** The initial payment must arrive in time (rule "unpaid auto-cancel", order.unpaid-cancel-after). */
    public static final String PAYMENT_TIMEOUT = "ORDER_PAYMENT_TIMEOUT";
    /** The shipment reminder (order.shipment-reminder-before) and the shipment deadline itself. */
    public static final String SHIPMENT_REMINDER = "ORDER_SHIPMENT_REMINDER";
    public static final String SHIPMENT_DUE = "ORDER_SHIPMENT_DUE";
    /** The receiving window ends and receipt is confirmed automatically (order.receiving-window). */
    public static final String RECEIPT_TIMEOUT = "ORDER_RECEIPT_TIMEOUT";
    /** Remind the buyer before the receiving window ends (order.receiving-window-reminder-before). */
    public static final String RECEIPT_REMINDER = "ORDER_RECEIPT_REMINDER";
    /** The next balance due after shipment (an installment due AFTER_SHIPMENT, dueDays after shipping). */
    public static final String BALANCE_DUE = "ORDER_BALANCE_DUE";

    @Inject
    Deadlines deadlines;
    @Inject
    OrderRules rules;
    @Inject
    Clock clock;

    /** A buyer-initiated order was submitted: the supplier has until the timeout to confirm it. */
    void awaitSupplierConfirmation(Order order) {
        deadlines.schedule(order.id, CONFIRMATION_TIMEOUT, order.updatedAt.plus(rules.supplierConfirmationTimeout()));
    }

    void confirmationAnswered(Order order) {
        deadlines.cancel(order.id, CONFIRMATION_TIMEOUT);
    }

    /** Credit is reserved: the initial payment has until the unpaid timeout. */
    void awaitInitialPayment(Order order) {
        deadlines.schedule(order.id, PAYMENT_TIMEOUT, order.updatedAt.plus(rules.unpaidCancelAfter()));
    }

    void initialPaymentArrived(Order order) {
        deadlines.cancel(order.id, PAYMENT_TIMEOUT);
    }

    /** The shipment deadline runs (or moved): a reminder before it, unless that time has passed, and the deadline. */
    void shipmentDeadline(Order order) {
        Instant due = order.shipment.dueAt();
        remindOrClear(order, SHIPMENT_REMINDER, due.minus(rules.shipmentReminderBefore()));
        deadlines.schedule(order.id, SHIPMENT_DUE, due);
    }

    /** The goods shipped: the shipment timers end, the receiving window's and the balances' begin. */
    void shipped(Order order) {
        deadlines.cancel(order.id, SHIPMENT_REMINDER, SHIPMENT_DUE);
        receivingWindow(order);
        balanceDue(order);
    }

    /** Auto-confirmation at the end of the receiving window, and the buyer's reminder before it. */
    void receivingWindow(Order order) {
        deadlines.schedule(order.id, RECEIPT_TIMEOUT, order.receiving.dueAt);
        remindOrClear(order, RECEIPT_REMINDER, order.receiving.dueAt.minus(rules.receivingWindowReminderBefore()));
    }

    void receiptConfirmed(Order order) {
        deadlines.cancel(order.id, RECEIPT_TIMEOUT, RECEIPT_REMINDER);
    }

    /** The next unpaid balance after shipment, or none. */
    void balanceDue(Order order) {
        order.plan().nextBalanceDue().ifPresentOrElse(at -> deadlines.schedule(order.id, BALANCE_DUE, at),
                () -> deadlines.cancel(order.id, BALANCE_DUE));
    }

    void cancelled(Order order) {
        deadlines.cancelAll(order.id);
    }

    /** What is pending for the order and when it falls due. */
    public Map<String, Instant> pending(String orderId) {
        return deadlines.pending(orderId);
    }

    private void remindOrClear(Order order, String kind, Instant remindAt) {
        if (remindAt.isAfter(clock.instant())) {
            deadlines.schedule(order.id, kind, remindAt);
        } else {
            deadlines.cancel(order.id, kind);
        }
    }
}
