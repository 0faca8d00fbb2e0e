package org.tradeorders.fulfillment.tracking.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "fulfillment.tracking")
public interface TrackingRules {
    /**
     * Carrier adapters (the company of a carrier-adapter token) and the carriers each may report for,
     * comma-separated; {@code *} for a tracking aggregator that reports for every carrier.
     */
    Map<String, String> carrierAdapters();

    /** A report dated further ahead of the service's clock than this is refused (a wrong clock, not a delivery). */
    @WithDefault("PT1H")
    Duration maxClockSkew();
}
