package org.tradeorders.platform.inbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Capped exponential backoff with jitter, for retrying one event in place. */
final class Backoff {
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration initial, Duration max) {
        this.nextMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(nextMillis, max.toMillis());
    }

    /**
     * Sleeps for the current pause (plus up to 20% jitter, so instances do not retry in step) and
     * doubles it. Throws once the service is stopping: the record stays uncommitted and is delivered
     * again after the restart.
     */
    void pause(BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            throw new IllegalStateException("service stopping: the event will be delivered again after the restart");
        }
        long sleep = nextMillis + ThreadLocalRandom.current().nextLong(nextMillis / 5 + 1);
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying: the event will be delivered again", e);
        }
    }
}
