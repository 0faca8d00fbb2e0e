package org.tradeorders.order.refund.domain;

/** Why a buyer asks for its money back (shared/domain.md, "Refunds and disputes"). */
public enum RefundReason {
    /** The shipment deadline (as the buyer may have extended it) passed without a complete shipment. */
    LATE_SHIPMENT,
    /**
     * Before shipment: the buyer asks to cancel an order in production; the supplier's acceptance
     * refunds what was paid and, when that is all of it, cancels the order.
     */
    CANCEL_BEFORE_SHIPMENT,
    /** After shipment: the goods did not arrive. */
    NOT_RECEIVED,
    /** After shipment: quality or specification not as agreed. */
    NOT_AS_AGREED,
    /** After shipment: fewer goods than ordered. */
    QUANTITY_SHORT;

    /** A late shipment and a cancellation are claimed before the goods ship; every other reason once they have. */
    public boolean beforeShipment() {
        return this == LATE_SHIPMENT || this == CANCEL_BEFORE_SHIPMENT;
    }
}
