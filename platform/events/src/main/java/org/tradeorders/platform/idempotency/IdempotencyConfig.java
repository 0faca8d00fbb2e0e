package org.tradeorders.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tradeorders.idempotency")
public interface IdempotencyConfig {
    /** How long an answer is kept for replay (at least 24 hours). */
    @WithDefault("PT25H")
    Duration retention();

    /** How often keys past their retention are deleted. */
    @WithDefault("PT1H")
    Duration purgeInterval();
}
