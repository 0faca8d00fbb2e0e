package org.tradeorders.platform.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.Readiness;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * The consumers as metrics, for dashboards and alerts: how many partitions retry a transient failure
 * in place right now, and how many aggregates are parked and dead letters wait. The two counts come
 * from the database every {@code tradeorders.events.consumer.metrics-interval}, never on a scrape.
 */
@ApplicationScoped
public class ConsumerMetrics {
    @Inject
    MeterRegistry registry;
    @Inject
    @Readiness
    ConsumerHealth health;
    @Inject
    Parking parking;
    @Inject
    EventsConfig config;

    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private PollingWorker worker;

    void onStart(@Observes StartupEvent start) {
        Gauge.builder("tradeorders.consumer.retrying", health, ConsumerHealth::retryingPartitions)
                .description("partitions whose consumer retries a transient failure in place").register(registry);
        Gauge.builder("tradeorders.consumer.parked.aggregates", parked, AtomicLong::get)
                .description("aggregates parked behind a dead letter").register(registry);
        Gauge.builder("tradeorders.consumer.dead.letters", deadLetters, AtomicLong::get)
                .description("dead letters waiting for a redrive").register(registry);
        Duration interval = config.consumer().metricsInterval();
        worker = new PollingWorker("consumer-metrics", interval, interval, () -> {
            long[] totals = parking.totals();
            parked.set(totals[0]);
            deadLetters.set(totals[1]);
            return false;
        });
        worker.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (worker != null) {
            worker.stop();
        }
    }
}
