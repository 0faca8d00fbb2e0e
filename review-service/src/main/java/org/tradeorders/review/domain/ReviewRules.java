package org.tradeorders.review.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

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

    /** A review averaging at least this many stars counts as positive. */
    @WithDefault("4")
    BigDecimal positiveThreshold();
}
