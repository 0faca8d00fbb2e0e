package org.tradeorders.platform.waiting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Reads that wait for a change ({@code Prefer: wait}). */
@ConfigMapping(prefix = "tradeorders.waits")
public interface WaitsConfig {
    /** The longest a request waits, whatever it asks: below the usual 60 s of proxies and load balancers. */
    @WithDefault("30s")
    Duration maxWait();

    /**
     * Requests that may wait at once on one instance; each holds a worker thread. Beyond that a request is
     * answered at once, without waiting (and without {@code Preference-Applied}).
     */
    @WithDefault("100")
    int maxWaiting();

    /**
     * Answers an instance remembers (the tag last read per aggregate and asker), so that a waiting request
     * holding one waits before reading it again ({@link KnownAnswers}); beyond about this many it forgets them all.
     */
    @WithDefault("10000")
    int knownAnswers();

    /**
     * The longest such a request waits before it reads after all: how late it may answer a change that
     * announced nothing (an event marked published). A change that wakes it sooner spares the read.
     */
    @WithDefault("1s")
    Duration knownAnswerRecheck();

    Feed feed();

    Notices notices();

    /** Changes that record no event, announced through the database ({@link ChangeNotices}). */
    interface Notices {
        /** On in a service whose waiting reads follow such a change (fulfillment-service); it holds one connection. */
        @WithDefault("false")
        boolean enabled();
    }

    /** The change feed: changes committed by the service's other instances. */
    interface Feed {
        /**
         * On in a service with reads that wait (order-service, payment-service): it reads its own topic, which
         * its Kafka user on Kubernetes may then do (deploy/k8s grants it from this setting). Off, a reader is
         * woken by this instance's commits only, and by the end of its wait.
         */
        @WithDefault("false")
        boolean enabled();

        /** The broker holds a fetch this long to gather events: the most another instance's change is seen late by. */
        @WithDefault("100ms")
        Duration maxDelay();

        /**
         * This instance's events remembered until the feed sees them, so that it does not announce them
         * a second time; beyond that (the feed unable to read for long) all are forgotten.
         */
        @WithDefault("10000")
        int ownEvents();
    }
}
