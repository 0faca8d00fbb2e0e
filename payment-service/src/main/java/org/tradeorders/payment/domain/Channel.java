package org.tradeorders.payment.domain;

/** How a buyer pays through a link (shared/domain.md, "Payments"). */
public enum Channel {
    CARD,
    TT_BANK_TRANSFER,
    ONLINE_BANKING,
    WALLET,
    PAY_LATER
}
