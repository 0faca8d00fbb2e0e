package org.tradeorders.platform.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tradeorders.clock")
public interface ClockConfig {
    /**
     * true only in tests and the local run: an operator may then move this service's time forward
     * (POST /ops/clock/advance) to demonstrate timeouts in seconds. Never set in production.
     */
    @WithDefault("false")
    boolean controllable();
}
