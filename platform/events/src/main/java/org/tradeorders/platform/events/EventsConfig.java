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
}
