package org.tradeorders.order.domain;

/** The kinds of order of domain.md; Ready-to-Ship orders join this list when they are built. */
public enum OrderKind {
    /** platform-protected, occupies the supplier's credit protection limit */
    TRADE_ASSURANCE,
    /** trust-based, paid by bank remittance to the order's collection account; never touches the credit limit */
    E_COLLECTION
}
