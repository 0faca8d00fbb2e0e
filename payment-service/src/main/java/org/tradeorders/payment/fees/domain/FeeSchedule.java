package org.tradeorders.payment.fees.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Set;

/** The fee schedule (shared/domain.md, "Payments"): configuration, never constants in code. */
@ConfigMapping(prefix = "payment.fees")
public interface FeeSchedule {
    /** Card processing, paid by the buyer on top of the installment, in percent. */
    @WithDefault("2.95")
    BigDecimal cardProcessingPercent();

    /** Channels that carry the card processing fee. */
    @WithDefault("CARD")
    Set<String> cardProcessingChannels();

    /** The supplier service fee on protected orders, in percent of the order value received. */
    @WithDefault("2")
    BigDecimal supplierServicePercent();

    /** ... capped per order at this many US dollars (2% of US$5,000). */
    @WithDefault("100")
    BigDecimal supplierServiceCapUsd();
}
