package org.tradeorders.platform.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads a timestamptz column from a native query, whichever type the driver and Hibernate returned. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant toInstant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof Timestamp t) {
            return t.toInstant();
        }
        if (column instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + column.getClass());
    }
}
