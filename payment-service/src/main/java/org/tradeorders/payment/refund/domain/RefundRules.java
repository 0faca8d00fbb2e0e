package org.tradeorders.payment.refund.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "payment.refund")
public interface RefundRules {
    /** How often refunds waiting for the supplier's money (e-Collection) are tried again. */
    @WithDefault("PT10S")
    Duration retryInterval();

    /** How many waiting refunds one round tries. */
    @WithDefault("100")
    int retryBatch();
}
