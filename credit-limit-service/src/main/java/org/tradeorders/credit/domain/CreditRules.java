package org.tradeorders.credit.domain;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

@ConfigMapping(prefix = "credit-limit")
public interface CreditRules {
    /**
     * USD per unit of each order currency: reference rates used until payment-service's recorded FX
     * rates (FxRateRecorded) have arrived.
     */
    Map<String, BigDecimal> usdRates();

    /** Credit lines to activate at startup when absent (supplier id -> limit in USD): the local run's demo suppliers. */
    Map<String, BigDecimal> seedLines();
}
