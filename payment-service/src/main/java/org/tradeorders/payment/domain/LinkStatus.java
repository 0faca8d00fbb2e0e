package org.tradeorders.payment.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A payment link's lifecycle, as an explicit transition table. */
public enum LinkStatus {
    ISSUED,
    PAID,
    EXPIRED,
    CANCELLED;

    private static final Map<LinkStatus, Set<LinkStatus>> NEXT = new EnumMap<>(LinkStatus.class);

    static {
        NEXT.put(ISSUED, EnumSet.of(PAID, EXPIRED, CANCELLED));
        NEXT.put(PAID, EnumSet.noneOf(LinkStatus.class));
        NEXT.put(EXPIRED, EnumSet.noneOf(LinkStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(LinkStatus.class));
    }

    public boolean canBecome(LinkStatus next) {
        return NEXT.get(this).contains(next);
    }
}
