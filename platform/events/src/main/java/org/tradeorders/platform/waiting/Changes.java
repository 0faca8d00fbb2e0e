package org.tradeorders.platform.waiting;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who waits for which aggregate to change, and the signal that it did. An aggregate changed when a
 * transaction that recorded an event for it committed: here (the outbox says so after the commit) or on
 * another instance of the service ({@link ChangeFeed} sees the event on the service's topic). A reader
 * that waits watches before it reads, so a change between its read and its wait is not missed. The feed
 * sees this instance's changes too, and does not announce them again ({@link #changedHere}). A change
 * also ends what was known of the aggregate's answers ({@link KnownAnswers}), before any watch wakes.
 */
@ApplicationScoped
public class Changes {
    /** How a wait ended. */
    public enum Wake {
        CHANGED, TIMED_OUT, STOPPING, CLIENT_GONE
    }

    private final ConcurrentHashMap<String, Set<Watch>> watches = new ConcurrentHashMap<>();
    private final AtomicInteger watching = new AtomicInteger();
    private volatile boolean stopping;
    private KnownAnswers known;
    /** Events announced at their commit here, until the change feed sees them: it does not announce them again. */
    private final Set<String> announcedHere = ConcurrentHashMap.newKeySet();
    private Counter feedSawOwn;

    @Inject
    WaitsConfig config;

    @PostConstruct
    void init() {
        known = new KnownAnswers(config.knownAnswers());
    }

    /** The answers last read, until their aggregate changes. */
    KnownAnswers known() {
        return known;
    }

    @Inject
    void metrics(MeterRegistry registry) {
        Gauge.builder("tradeorders.waits.active", watching, AtomicInteger::get)
                .description("requests waiting for an aggregate to change (Prefer: wait)").register(registry);
        feedSawOwn = Counter.builder("tradeorders.waits.feed.own")
                .description("events the change feed saw that this instance had announced at their commit").register(registry);
    }

    /** Watches {@code key} from now until the watch is closed. */
    public Watch watch(String key) {
        Watch watch = new Watch(key);
        watches.compute(key, (k, of) -> { // added under the map's lock on key: a closing watch cannot drop the set under it
            Set<Watch> set = of == null ? ConcurrentHashMap.newKeySet() : of;
            set.add(watch);
            return set;
        });
        watching.incrementAndGet();
        return watch;
    }

    /**
     * A change of {@code key} committed on this instance, recording {@code eventIds}. The change feed will
     * see those events too: it does not announce them again, which would wake the readers once more (a
     * read each) and forget what was known of the aggregate's answers. While the feed does not see them
     * (it cannot read), at most {@link WaitsConfig.Feed#ownEvents()} wait for it; beyond that all are
     * forgotten, and announced a second time when the feed sees them, as any other change.
     */
    public void changedHere(String key, List<String> eventIds) {
        if (config.feed().enabled()) {
            if (announcedHere.size() >= config.feed().ownEvents()) {
                announcedHere.clear();
            }
            announcedHere.addAll(eventIds);
        }
        changed(key);
    }

    /** The change feed saw event {@code eventId} of {@code key}: a change, unless this instance announced it at its commit. */
    void changedElsewhere(String key, String eventId) {
        if (eventId != null && announcedHere.remove(eventId)) {
            feedSawOwn.increment();
            return;
        }
        changed(key);
    }

    /** A change of {@code key} committed: every watch of it wakes. */
    public void changed(String key) {
        known.forget(key);
        Set<Watch> of = watches.get(key);
        if (of != null) {
            of.forEach(Watch::signal);
        }
    }

    /** The instance stops: every wait ends now, so its request is answered before the server closes. */
    void onStop(@Observes ShutdownEvent ev) {
        stopping = true;
        changedAll();
    }

    /** Every watch wakes and its reader reads again: a change may have gone unannounced (notices not heard for a while). */
    void changedAll() {
        known.forgetAll();
        watches.values().forEach(of -> of.forEach(Watch::signal));
    }

    /** One reader's watch of one aggregate. */
    public final class Watch implements AutoCloseable {
        private final String key;
        private boolean signalled;
        private boolean clientGone;

        private Watch(String key) {
            this.key = key;
        }

        private synchronized void signal() {
            signalled = true;
            notifyAll();
        }

        /** The client closed its connection: nobody is left to answer, so the wait ends and frees its thread. */
        public synchronized void clientGone() {
            clientGone = true;
            notifyAll();
        }

        /** Waits until a change signalled since the watch began (or since the last CHANGED), or until {@code deadline} (System.nanoTime). */
        public synchronized Wake await(long deadline) throws InterruptedException {
            while (!signalled && !stopping && !clientGone) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Wake.TIMED_OUT;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            if (stopping) {
                return Wake.STOPPING;
            }
            if (clientGone) {
                return Wake.CLIENT_GONE;
            }
            signalled = false;
            return Wake.CHANGED;
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
