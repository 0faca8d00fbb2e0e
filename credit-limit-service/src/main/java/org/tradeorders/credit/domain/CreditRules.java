package org.tradeorders.credit.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The credit protection rules' numbers (shared/domain.md): configuration, never constants in code.
 * The reference USD rates under the same prefix belong to the fx room ({@code ReferenceRates}).
 */
@ConfigMapping(prefix = "credit-limit")
public interface CreditRules {
    /** Credit lines to activate at startup when absent (supplier id -> limit in USD): the local run's demo suppliers. */
    Map<String, BigDecimal> seedLines();

    Activation activation();

    Growth growth();

    /** Badge tiers: tier name -> the lowest limit (USD) that earns it; the highest earned tier shows. */
    Map<String, BigDecimal> badgeTiers();

    /**
     * The published activation rule table: each row says which suppliers qualify (verification level
     * at least, years in business at least, registered capital at least) and the initial limit they
     * get. A supplier gets the highest limit among the rows it qualifies for.
     */
    interface Activation {
        List<Rule> rules();

        interface Rule {
            VerificationLevel verification();

            int minYearsInBusiness();

            BigDecimal minRegisteredCapitalUsd();

            BigDecimal limitUsd();
        }
    }

    /** How the limit grows: base + a share of the recent completed trade volume - penalties, capped. */
    interface Growth {
        /** Completed trade volume counts for this long. */
        @WithDefault("P180D")
        Duration volumeWindow();

        /** The limit grows by this share of that volume (USD). */
        @WithDefault("0.5")
        BigDecimal volumeShare();

        /** No limit goes above this. */
        @WithDefault("1000000")
        BigDecimal maxLimitUsd();

        /** Each penalty point takes this much off the limit. */
        @WithDefault("1000")
        BigDecimal penaltyPerPointUsd();

        /** A Trade Assurance refund case the supplier lost (order-service says so) costs it this many points. */
        @WithDefault("1")
        int penaltyPointsPerLostRefundCase();

        /** Limits are recalculated on this day of every month (00:00 UTC). */
        @WithDefault("10")
        int recalculationDayOfMonth();
    }
}
