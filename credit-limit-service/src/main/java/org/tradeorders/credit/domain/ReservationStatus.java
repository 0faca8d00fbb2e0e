package org.tradeorders.credit.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A reservation's lifecycle, as an explicit transition table. */
public enum ReservationStatus {
    /** holds part of the supplier's limit */
    ACTIVE,
    /** did not fit into the available limit; a later confirmation of the same order may try again */
    REJECTED,
    /** the order was cancelled: the amount is available again */
    RELEASED,
    /** the order completed: released, and its value counted as trade volume */
    COMPLETED;

    private static final Map<ReservationStatus, Set<ReservationStatus>> NEXT = new EnumMap<>(ReservationStatus.class);

    static {
        NEXT.put(ACTIVE, EnumSet.of(RELEASED, COMPLETED));
        NEXT.put(REJECTED, EnumSet.of(ACTIVE, REJECTED));
        NEXT.put(RELEASED, EnumSet.noneOf(ReservationStatus.class));
        NEXT.put(COMPLETED, EnumSet.noneOf(ReservationStatus.class));
    }

    public boolean canBecome(ReservationStatus next) {
        return NEXT.get(this).contains(next);
    }
}
