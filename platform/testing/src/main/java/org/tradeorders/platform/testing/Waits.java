package org.tradeorders.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** For tests of reads that wait for a change ({@code Prefer: wait}). */
public final class Waits {
    private Waits() {
    }

    /** Sends {@code read} on another thread; returns once the service counts it waiting (fails if it was answered first). */
    public static <T> CompletableFuture<T> started(Supplier<T> read) {
        CompletableFuture<T> waiting = CompletableFuture.supplyAsync(read);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting.isDone() || waitingNow() >= 1);
        assertThat(waiting).as("the read waits").isNotDone();
        return waiting;
    }

    /** Requests waiting on the service now ({@code tradeorders_waits_active}). */
    public static double waitingNow() {
        return Metrics.value("tradeorders_waits_active", "");
    }
}
