package org.tradeorders.fulfillment.crosscheck.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** The document cross-check's thresholds (issue 16; every number is configuration). */
@ConfigMapping(prefix = "fulfillment.cross-check")
public interface CrossCheckRules {
    /** The declared export value may differ from the commercial invoice's goods by at most this share. */
    @WithDefault("0.01")
    BigDecimal invoiceValueTolerance();

    /** A declared value below this share of what the buyer prepaid (for the goods declared) is flagged. */
    @WithDefault("0.70")
    BigDecimal minDeclaredShareOfPrepayment();

    /** A declared value differing from the prepayment by more than this is flagged ... */
    @WithDefault("1000")
    BigDecimal maxDeclaredDifferenceFromPrepayment();

    /** ... when the order is in this currency (fulfillment-service converts no currency). */
    @WithDefault("USD")
    String maxDeclaredDifferenceCurrency();
}
