package org.tradeorders.order.domain;

/** What can happen to an order: a party's action, another service's event, or a deadline passing. */
public enum OrderTrigger {
    SUBMIT,
    REQUEST_MODIFICATION,
    CONFIRM,
    CANCEL,
    /** a buyer-initiated order the supplier did not confirm in time */
    CONFIRMATION_TIMEOUT,
    CREDIT_RESERVED,
    CREDIT_REJECTED,
    /** every installment due before production is paid */
    INITIAL_PAYMENT_COVERED,
    /** the initial payment did not arrive in time */
    PAYMENT_TIMEOUT,
    /** a full refund agreed before shipment */
    REFUND_BEFORE_SHIPMENT,
    /** e-Collection: the remittances associated with the order cover its total */
    REMITTANCE_COVERED,
    SHIP,
    CONFIRM_RECEIPT,
    /** the receiving window expired: receipt is confirmed automatically */
    RECEIPT_TIMEOUT
}
