package org.tradeorders.order.domain;

/** The orders' states (shared/domain.md): which ones a kind passes through is its table in {@link OrderStateMachine}. */
public enum OrderState {
    DRAFT,
    /** Trade Assurance: the counterparty confirms; e-Collection: the buyer confirms the payment details */
    AWAITING_CONFIRMATION,
    AWAITING_CREDIT,
    AWAITING_PAYMENT,
    IN_PRODUCTION,
    /** e-Collection: the buyer confirmed the payment details and remits by bank */
    AWAITING_REMITTANCE,
    /** e-Collection: remittances associated with the order cover its total */
    PAID,
    SHIPPED,
    COMPLETED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** Paid for and not shipped yet: the shipment deadline runs. */
    public boolean awaitsShipment() {
        return this == IN_PRODUCTION || this == PAID;
    }
}
