package org.tradeorders.order.domain;

/** The kinds of order of domain.md; e-Collection and Ready-to-Ship orders join this list when they are built. */
public enum OrderKind {
    /** platform-protected, occupies the supplier's credit protection limit */
    TRADE_ASSURANCE
}
