package org.tradeorders.credit.fx.domain;

import io.smallrye.config.ConfigMapping;
import java.math.BigDecimal;
import java.util.Map;

/**
 * USD per unit of each order currency ({@code credit-limit.usd-rates.*}): reference rates used
 * until payment-service's recorded FX rates (FxRateRecorded) have arrived.
 */
@ConfigMapping(prefix = "credit-limit")
public interface ReferenceRates {
    Map<String, BigDecimal> usdRates();
}
