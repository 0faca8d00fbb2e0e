package org.tradeorders.platform.invariants;

import java.util.List;

/**
 * A rule a service's own data must always satisfy (the books balance, reservations add up). A
 * service declares each as a bean; {@link Invariants} checks them all on a schedule.
 */
public interface Invariant {
    /** Stable name, shown to ops, e.g. {@code books-balance}. */
    String name();

    /** What is wrong right now, one line each; empty when the rule holds. Runs in a read-only transaction. */
    List<String> violations();
}
