package org.tradeorders.order.domain;

import java.time.Instant;

/**
 * What the order tells the party who has to act next, as the workflows decide it; how it is said
 * (e-mail through the mail outbox, in the transaction of the change) is the notification room's.
 */
public interface OrderNotifier {
    void sentForConfirmation(Order o);

    void modificationRequested(Order o, Party by);

    void confirmed(Order o, Party by);

    void cancelled(Order o, String by, String reason);

    void shipmentDeadlineApproaching(Order o);

    void receivingWindowClosing(Order o, Instant receiptDueAt);

    void balanceOverdue(Order o, Installment in);

    void paymentReminder(Order o, String link, Instant expiresAt);

    void paymentDetailsConfirmed(Order o);

    void paid(Order o);

    void goodsDelivered(Order o, String shipmentId, Instant deliveredAt, String location, boolean allShipmentsDelivered);

    void reviewInvited(Order o, Instant closesAt);
}
