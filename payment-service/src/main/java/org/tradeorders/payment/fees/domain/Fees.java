package org.tradeorders.payment.fees.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.tradeorders.payment.fx.domain.FxRates;
import org.tradeorders.platform.money.Money;

/** What the fee schedule charges, rounded to the currency's minor unit (half-even). */
@ApplicationScoped
public class Fees {
    public static final String CARD_PROCESSING = "card-processing";
    public static final String SUPPLIER_SERVICE = "supplier-service";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    FeeSchedule schedule;
    @Inject
    FxRates fx;

    /** The buyer's card processing surcharge on an amount paid through {@code channel} (zero for other channels). */
    public Money buyerSurcharge(Money amount, String channel) {
        if (!schedule.cardProcessingChannels().contains(channel)) {
            return Money.zero(amount.currency());
        }
        return percentOf(amount, schedule.cardProcessingPercent());
    }

    /**
     * The supplier service fee on money settled for an order: the configured percent, up to the cap
     * (in USD, converted at a recorded rate) less what the order has already been charged.
     */
    public Money supplierServiceFee(Money settled, Money alreadyCharged, String orderId) {
        Money fee = percentOf(settled, schedule.supplierServicePercent());
        Money capUsd = new Money(schedule.supplierServiceCapUsd(), FxRates.USD);
        Money cap = settled.currency().equals(FxRates.USD) ? capUsd
                : fx.convert(capUsd, settled.currency(), "SUPPLIER_SERVICE_FEE_CAP", orderId).to();
        Money room = cap.minus(alreadyCharged);
        if (room.amount().signum() <= 0) {
            return Money.zero(settled.currency());
        }
        return fee.amount().compareTo(room.amount()) > 0 ? room : fee;
    }

    private static Money percentOf(Money amount, BigDecimal percent) {
        return new Money(amount.amount().multiply(percent).divide(HUNDRED, Money.scaleOf(amount.currency()),
                RoundingMode.HALF_EVEN), amount.currency());
    }
}
