package org.tradeorders.order.domain;

/** When an installment of the payment terms falls due. */
public enum InstallmentDue {
    /** part of the initial payment: production starts once all of these are paid */
    BEFORE_PRODUCTION,
    /** the balance: must be paid before the supplier can ship */
    BEFORE_SHIPMENT,
    /** the balance after shipment: due {@code dueDays} after the goods shipped; it does not hold the shipment up */
    AFTER_SHIPMENT
}
