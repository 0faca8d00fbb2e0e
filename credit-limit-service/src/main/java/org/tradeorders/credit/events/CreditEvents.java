package org.tradeorders.credit.events;

import java.math.BigDecimal;
import java.time.Instant;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.money.Money;

/**
 * What credit-limit-service publishes on {@code credit-limit-events}. Reservation events are keyed by
 * order id; CreditLimitChanged by supplier id.
 */
public final class CreditEvents {
    public static final EventType CREDIT_RESERVED = EventType.of("CreditReserved", 1);
    public static final EventType CREDIT_RESERVATION_REJECTED = EventType.of("CreditReservationRejected", 1);
    public static final EventType CREDIT_RELEASED = EventType.of("CreditReleased", 1);
    public static final EventType CREDIT_LIMIT_CHANGED = EventType.of("CreditLimitChanged", 1);

    private CreditEvents() {
    }

    /** usdRate: USD per unit of the order currency, from usdRateSource (a recorded FX rate) valid from usdRateValidFrom. */
    public record CreditReserved(String orderId, String supplierId, Money reserved, Money orderValue, BigDecimal usdRate,
            String usdRateSource, Instant usdRateValidFrom, Money available) {
    }

    public record CreditReservationRejected(String orderId, String supplierId, String reason, Money requested,
            Money available) {
    }

    public record CreditReleased(String orderId, String supplierId, Money released, String reason, Money available) {
    }

    public record CreditLimitChanged(String supplierId, Money previousLimit, Money limit, Money available, String reason) {
    }
}
