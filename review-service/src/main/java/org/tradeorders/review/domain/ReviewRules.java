package org.tradeorders.review.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;

/** The review rules' numbers (shared/domain.md, "Reviews"). */
@ConfigMapping(prefix = "review")
public interface ReviewRules {
    /** The review window opens at completion and lasts this long. */
    @WithDefault("P30D")
    Duration window();

    /** The supplier may reply to a review once, within this long of it. */
    @WithDefault("P30D")
    Duration replyWindow();

    /** The supplier score averages reviews of this period. */
    @WithDefault("P180D")
    Duration scorePeriod();

    /** The daily score recalculation runs at this time of day (UTC) on the service's clock. */
    @WithDefault("00:00")
    LocalTime scoreRecalculationTime();

    /** A review averaging at least this many stars counts as positive. */
    @WithDefault("4")
    BigDecimal positiveThreshold();
}
