package org.tradeorders.payment.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A payment link's lifecycle, as an explicit transition table. */
public enum LinkStatus {
    ISSUED,
    /** part of the amount is paid; the rest can still be paid through the link */
    PARTIALLY_PAID,
    PAID,
    EXPIRED,
    CANCELLED;

    private static final Map<LinkStatus, Set<LinkStatus>> NEXT = new EnumMap<>(LinkStatus.class);

    static {
        NEXT.put(ISSUED, EnumSet.of(PARTIALLY_PAID, PAID, EXPIRED, CANCELLED));
        NEXT.put(PARTIALLY_PAID, EnumSet.of(PARTIALLY_PAID, PAID, EXPIRED));
        NEXT.put(PAID, EnumSet.noneOf(LinkStatus.class));
        NEXT.put(EXPIRED, EnumSet.noneOf(LinkStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(LinkStatus.class));
    }

    /** A buyer can still pay through the link. */
    public boolean payable() {
        return this == ISSUED || this == PARTIALLY_PAID;
    }

    public boolean canBecome(LinkStatus next) {
        return NEXT.get(this).contains(next);
    }
}
