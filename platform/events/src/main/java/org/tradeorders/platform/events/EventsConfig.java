package org.tradeorders.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tradeorders.events")
public interface EventsConfig {
    /** ce_source of every event this service publishes, e.g. {@code /order-service}. */
    String source();

    /** The one topic this service publishes to. */
    String topic();

    Relay relay();

    Consumer consumer();

    Retention retention();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** How long the relay sleeps when the outbox is empty (a commit wakes it earlier). */
        @WithDefault("250ms")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** Pause after the broker did not acknowledge, before the same events are tried again. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** Upper bound for one send to be acknowledged before the batch is retried. */
        @WithDefault("15s")
        Duration deliveryTimeout();
    }

    /** How the inbox applies incoming events. */
    interface Consumer {
        /**
         * Attempts for an event whose handler fails for a reason that is not transient, before it is
         * dead-lettered and its aggregate parked. Transient failures (database unreachable, restarting,
         * deadlock, serialization failure) do not count: they are retried for as long as they last.
         */
        @WithDefault("5")
        int maxAttempts();

        /** First pause before an event is tried again; it doubles up to {@link #maxBackoff()}. */
        @WithDefault("100ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * Most events applied in one transaction when a poll brings several: one commit for them all.
         * 1 applies every event in its own transaction.
         */
        @WithDefault("100")
        int batchSize();

        /** How often the parked-aggregate and dead-letter metrics are read from the database. */
        @WithDefault("15s")
        Duration metricsInterval();
    }

    /**
     * Purging what is no longer needed, oldest first, in small batches. Processed-event records must
     * outlive the topics' retention (Kafka's default: 7 days): an event can be redelivered only while
     * its topic still holds it, so a record kept longer catches every redelivery.
     */
    interface Retention {
        /** Published outbox rows older than this are deleted; {@code P0D} keeps them for good. */
        @WithDefault("P7D")
        Duration publishedEvents();

        @WithDefault("P14D")
        Duration processedEvents();

        @WithDefault("1000")
        int batchSize();

        @WithDefault("PT10M")
        Duration interval();
    }
}
