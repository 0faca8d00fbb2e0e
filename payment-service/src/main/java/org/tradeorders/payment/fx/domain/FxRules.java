package org.tradeorders.payment.fx.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;

@ConfigMapping(prefix = "payment.fx")
public interface FxRules {
    /**
     * Rates (USD per 1 unit) recorded on first start, source "seed configuration", so a new
     * installation can convert before an operator records real ones.
     */
    Map<String, BigDecimal> seedUsdRates();

    /** Digits kept in a rate. */
    @WithDefault("10")
    int rateScale();
}
