package org.tradeorders.order.refund.domain;

/** What moves a refund case, and who may do it. */
public enum RefundTrigger {
    /** supplier: pays what the buyer asked */
    ACCEPT,
    /** supplier: refuses, with a reason */
    REJECT,
    /** supplier: offers another (smaller) amount */
    COUNTER_OFFER,
    /** buyer: takes the supplier's offer */
    ACCEPT_COUNTER_OFFER,
    /** buyer: changes its request (amount, description); the supplier answers again */
    REVISE,
    /** buyer: takes the request back */
    WITHDRAW,
    /** buyer: asks the platform to decide, from escalation-allowed-after on */
    ESCALATE,
    /** timer: not agreed by auto-escalate-after */
    AUTO_ESCALATE,
    /** operator: a full or partial refund */
    DECIDE_REFUND,
    /** operator: no refund */
    DECIDE_NO_REFUND,
    /** payment-service paid the agreed or decided amount */
    PAY
}
