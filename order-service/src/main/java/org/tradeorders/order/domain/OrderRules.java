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

    /**
     * Most installments one payment plan may have. An order loads with its lines and installments in one
     * statement, lines times installments rows, so both are bounded.
     */
    @WithDefault("12")
    int maxInstallments();

    /** A buyer-initiated order the supplier has not confirmed this long after submission is cancelled. */
    @WithDefault("P30D")
    Duration supplierConfirmationTimeout();

    /** Largest quantity on one line: more is taken for a typing error. */
    @WithDefault("10000000")
    int maxLineQuantity();

    /** The shipment deadline can be extended by agreement, but never beyond this in total. */
    @WithDefault("P90D")
    Duration maxShipmentExtension();

    /** A reminder goes out this long before the shipment deadline. */
    @WithDefault("P7D")
    Duration shipmentReminderBefore();

    /** The buyer has this long from shipment to confirm receipt; then receipt is confirmed automatically. */
    @WithDefault("P30D")
    Duration receivingWindow();

    /** The buyer is reminded this long before the receiving window ends (and receipt is confirmed for it). */
    @WithDefault("P5D")
    Duration receivingWindowReminderBefore();

    /** Each party may extend the receiving window once, by at most this much. */
    @WithDefault("P15D")
    Duration receivingWindowMaxExtension();

    /** An order whose initial payment has not arrived this long after credit was reserved is cancelled. */
    @WithDefault("P60D")
    Duration unpaidCancelAfter();
}
