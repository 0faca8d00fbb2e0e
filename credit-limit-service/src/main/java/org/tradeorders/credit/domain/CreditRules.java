package org.tradeorders.credit.domain;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

@ConfigMapping(prefix = "credit-limit")
public interface CreditRules {
    /**
     * USD per unit of each order currency, used to value an order against the USD limit. Reference
     * rates from configuration until payment-service's recorded FX rates replace them.
     */
    Map<String, BigDecimal> usdRates();

    /** Credit lines to activate at startup when absent (supplier id -> limit in USD): the local run's demo suppliers. */
    Map<String, BigDecimal> seedLines();
}
