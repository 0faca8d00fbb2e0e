package org.tradeorders.platform.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Every service reads time from this injected clock, never from {@code Instant.now()}, so deadlines
 * and timeouts can be driven by a controllable clock in tests and the local run.
 */
public class Clocks {
    @Produces
    @Singleton
    Clock clock(ClockConfig config) {
        return config.controllable() ? new ControllableClock() : Clock.systemUTC();
    }
}
