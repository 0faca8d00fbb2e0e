package org.tradeorders.order.refund.domain;

/** Where a refund case stands; which states a kind of order uses, and how it moves, is {@link RefundStateMachine}'s. */
public enum RefundState {
    /** The buyer asked; the supplier answers. */
    REQUESTED,
    /** The supplier offered another amount; the buyer accepts it, revises, withdraws or escalates. */
    COUNTER_OFFERED,
    /** The supplier refused; Trade Assurance: the buyer revises, withdraws or escalates. e-Collection: final. */
    REJECTED,
    /** Trade Assurance: an operator decides, after both parties' evidence. */
    ESCALATED,
    /** The parties agreed an amount: it is to be paid. */
    AGREED,
    /** The operator decided an amount: it is to be paid. */
    DECIDED,
    /** The refund reached the buyer. */
    PAID,
    /** The buyer took its request back. */
    WITHDRAWN,
    /** Decided without a refund. */
    CLOSED
}
