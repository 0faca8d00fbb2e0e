package org.tradeorders.platform.waiting;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who waits for which aggregate to change, and the signal that it did. An aggregate changed when a
 * transaction that recorded an event for it committed: here (the outbox says so after the commit) or on
 * another instance of the service ({@link ChangeFeed} sees the event on the service's topic). A reader
 * that waits watches before it reads, so a change between its read and its wait is not missed.
 */
@ApplicationScoped
public class Changes {
    private final ConcurrentHashMap<String, Set<Watch>> watches = new ConcurrentHashMap<>();
    private final AtomicInteger watching = new AtomicInteger();

    @Inject
    ChangeFeed feed;

    @Inject
    void metrics(MeterRegistry registry) {
        Gauge.builder("tradeorders.waits.active", watching, AtomicInteger::get)
                .description("requests waiting for an aggregate to change (Prefer: wait)").register(registry);
    }

    /** Watches {@code key} from now until the watch is closed. */
    public Watch watch(String key) {
        feed.start();
        Watch watch = new Watch(key);
        watches.compute(key, (k, of) -> { // added inside the map's lock on key: a closing watch cannot drop the set under it
            Set<Watch> set = of == null ? ConcurrentHashMap.newKeySet() : of;
            set.add(watch);
            return set;
        });
        watching.incrementAndGet();
        return watch;
    }

    /** A change of {@code key} committed: every watch of it wakes. */
    public void changed(String key) {
        Set<Watch> of = watches.get(key);
        if (of != null) {
            of.forEach(Watch::signal);
        }
    }

    /** One reader's watch of one aggregate. */
    public final class Watch implements AutoCloseable {
        private final String key;
        private boolean signalled;

        private Watch(String key) {
            this.key = key;
        }

        private synchronized void signal() {
            signalled = true;
            notifyAll();
        }

        /**
         * Waits for a change signalled since the watch began or since the last await returned true.
         *
         * @return whether one came within {@code atMost}
         */
        public synchronized boolean await(Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!signalled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            signalled = false;
            return true;
        }

        @Override
        public void close() {
            watches.computeIfPresent(key, (k, of) -> {
                of.remove(this);
                return of.isEmpty() ? null : of;
            });
            watching.decrementAndGet();
        }
    }
}
