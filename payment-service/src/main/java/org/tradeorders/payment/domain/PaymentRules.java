package org.tradeorders.payment.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

@ConfigMapping(prefix = "payment")
public interface PaymentRules {
    /** How long a payment link can be paid; matches the order's 60-day unpaid auto-cancel by default. */
    @WithDefault("P60D")
    Duration linkValidity();

    /** Pay-later terms: the buyer owes a pay-later payment this long after it. */
    @WithDefault("P30D")
    Duration payLaterTerm();

    /** Currencies money may be paid, settled and converted in. */
    @WithDefault("USD,EUR,GBP,CNY,HKD,JPY,AUD,CAD,SGD")
    Set<String> currencies();

    /**
     * Which channels each channel adapter (the company of a payment-channel token) may report, e.g.
     * {@code payment.channel-adapters.card-gateway=CARD}.
     */
    Map<String, String> channelAdapters();

    /** Random bytes in a link token (at least 16 = 128 bits). */
    @WithDefault("32")
    int linkTokenBytes();
}
