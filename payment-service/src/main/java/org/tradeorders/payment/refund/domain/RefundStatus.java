package org.tradeorders.payment.refund.domain;

/** Where a refund owed to a buyer stands in payment-service. */
public enum RefundStatus {
    /** e-Collection: the supplier's money does not cover it yet; paid, whole, once settled funds do */
    WAITING_FOR_FUNDS,
    /** paid to the buyer */
    PAID,
    /** more than the order's money received for the supplier (less earlier refunds): nothing moved */
    REFUSED
}
