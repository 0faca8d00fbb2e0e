package org.tradeorders.order.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** The order rules' numbers (shared/domain.md): configuration, never constants in code. */
@ConfigMapping(prefix = "order")
public interface OrderRules {
    /** Currencies an order may be priced in. */
    @WithDefault("USD,EUR,GBP,CNY,HKD,JPY,AUD,CAD,SGD")
    Set<String> currencies();

    /** Most lines one proforma invoice may have. */
    @WithDefault("200")
    int maxLines();

    /** Largest quantity on one line: more is taken for a typing error. */
    @WithDefault("10000000")
    int maxLineQuantity();

    /** An order whose initial payment has not arrived this long after credit was reserved is cancelled. */
    @WithDefault("P60D")
    Duration unpaidCancelAfter();
}
