package org.tradeorders.order.domain;

/** The Trade Assurance order's states (shared/domain.md, "Trade Assurance order"). */
public enum OrderState {
    DRAFT,
    AWAITING_CONFIRMATION,
    AWAITING_CREDIT,
    AWAITING_PAYMENT,
    IN_PRODUCTION,
    SHIPPED,
    COMPLETED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
