package org.tradeorders.platform.deadline;

import java.time.Instant;

/** Reacts when a deadline of its kind falls due; runs in the transaction that marks the deadline fired. */
public interface DeadlineHandler {
    /** e.g. {@code ORDER_PAYMENT_TIMEOUT} */
    String kind();

    void fire(String aggregateId, Instant dueAt);
}
