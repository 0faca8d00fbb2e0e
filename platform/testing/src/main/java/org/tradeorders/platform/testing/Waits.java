package org.tradeorders.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** For tests of reads that wait for a change ({@code Prefer: wait}). */
public final class Waits {
    private Waits() {
    }

    /** Returns once the service counts a waiting request; fails if {@code read} was answered before it waited. */
    public static void untilWaiting(CompletableFuture<?> read) {
        await().atMost(Duration.ofSeconds(20)).until(() -> read.isDone() || Metrics.value("tradeorders_waits_active", "") >= 1);
        assertThat(read).as("the read waits").isNotDone();
    }
}
