package org.tradeorders.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.tradeorders.platform.faults.Causes;

/**
 * Readiness of the consumers: DOWN while one retries a transient failure in place (its database is
 * unreachable, say), with the topic, since when and why; the parked aggregates and dead letters are
 * counted in the data, so ops see them without asking the operator API.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {
    private record Retrying(Instant since, String cause) {
    }

    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();

    @Inject
    Clock clock;
    @Inject
    Parking parking;

    void retrying(String topic, Throwable cause) {
        retrying.putIfAbsent(topic, new Retrying(clock.instant(), Causes.rootMessage(cause)));
    }

    void recovered(String topic) {
        retrying.remove(topic);
    }

    /** How many partitions retry a transient failure in place right now. */
    int retryingPartitions() {
        return retrying.size();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event consumers").status(retrying.isEmpty());
        retrying.forEach((topic, r) -> b.withData(topic, "retrying since " + r.since() + ": " + r.cause()));
        try {
            long[] totals = parking.totals();
            b.withData("parkedAggregates", totals[0]).withData("deadLetters", totals[1]);
        } catch (RuntimeException e) {
            b.withData("parked", "unknown: " + Causes.rootMessage(e));
        }
        return b.build();
    }
}
