package org.tradeorders.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Every service reads time from this injected clock, never from {@code Instant.now()}: deadlines and
 * timeouts can then be driven by a controllable clock in tests and the local run.
 */
public class Clocks {
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
