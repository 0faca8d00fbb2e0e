package org.tradeorders.payment.collection.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** e-Collection rules of payment-service (shared/domain.md, "e-Collection order"): configuration, never constants in code. */
@ConfigMapping(prefix = "payment.e-collection")
public interface ECollectionRules {
    /**
     * Bank-fee tolerance: an order may be associated with at most its total plus this percentage of it
     * (a buyer who adds something for the banks' fees is not refused; anything beyond is).
     */
    @WithDefault("1")
    BigDecimal bankFeeTolerancePercent();

    /** Collection account numbers are this prefix, a 10-digit serial and 2 check digits (ISO 7064 mod 97-10). */
    @WithDefault("TOEC")
    String accountPrefix();

    /** How many match suggestions a remittance gets at most. */
    @WithDefault("5")
    int maxSuggestions();
}
