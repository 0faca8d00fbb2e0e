package org.tradeorders.platform.invariants;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * Checks every {@link Invariant} of the service every {@code tradeorders.invariants.interval}
 * (1 min), not only when someone asks: a violation is logged as an error, counted (also as the metrics
 * tradeorders_invariant_violations and _violated), and shown on
 * {@code GET /ops/invariants}.
 */
@ApplicationScoped
public class Invariants {
    private static final Logger LOG = Logger.getLogger(Invariants.class);
    /** Violations kept per invariant for the ops view. */
    private static final int SHOWN = 20;

    /** The last check of one invariant; {@code timesViolated} counts every check that found it broken. */
    public record Status(String name, Instant checkedAt, boolean holds, List<String> violations, long timesViolated) {
    }

    @Inject
    Instance<Invariant> invariants;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "tradeorders.invariants.interval", defaultValue = "PT1M")
    Duration interval;

    private final Map<String, Status> last = new ConcurrentHashMap<>();
    /** How many violations the last check of each invariant found (the status shows the first SHOWN). */
    private final Map<String, Integer> found = new ConcurrentHashMap<>();
    private PollingWorker worker;

    void onStart(@Observes StartupEvent start) {
        for (Invariant invariant : invariants) {
            String name = invariant.name();
            Gauge.builder("tradeorders.invariant.violations", found, f -> f.getOrDefault(name, 0))
                    .tag("invariant", name).description("what the last check of the invariant found broken")
                    .register(registry);
            FunctionCounter.builder("tradeorders.invariant.violated", last, l -> l.containsKey(name)
                    ? l.get(name).timesViolated() : 0).tag("invariant", name)
                    .description("checks that found the invariant broken").register(registry);
        }
        worker = new PollingWorker("invariants", interval, interval, () -> {
            checkAll();
            return false;
        });
        worker.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (worker != null) {
            worker.stop();
        }
    }

    /** Checks every invariant now. @return their statuses, by name */
    public List<Status> checkAll() {
        for (Invariant invariant : invariants) {
            List<String> violations = QuarkusTransaction.requiringNew().call(invariant::violations);
            Status previous = last.get(invariant.name());
            long times = (previous == null ? 0 : previous.timesViolated()) + (violations.isEmpty() ? 0 : 1);
            if (!violations.isEmpty()) {
                LOG.errorf("invariant %s violated (%d): %s", invariant.name(), violations.size(),
                        String.join("; ", violations.subList(0, Math.min(SHOWN, violations.size()))));
            }
            last.put(invariant.name(), new Status(invariant.name(), clock.instant(), violations.isEmpty(),
                    List.copyOf(violations.subList(0, Math.min(SHOWN, violations.size()))), times));
            found.put(invariant.name(), violations.size());
        }
        return statuses();
    }

    /** The last result of every invariant (none before the first check). */
    public List<Status> statuses() {
        return last.values().stream().sorted(Comparator.comparing(Status::name)).toList();
    }
}
