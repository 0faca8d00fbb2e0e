package org.tradeorders.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.tradeorders.credit.fx.domain.UsdRates;
import org.tradeorders.platform.money.Money;

/** One order's hold on its supplier's limit, keyed by order id (so a repeated request has no second effect). */
@Entity
@Table(name = "credit_reservation")
public class Reservation {
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "amount_usd", nullable = false, precision = 19, scale = 2)
    public BigDecimal amountUsd;
    @Column(name = "order_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal orderAmount;
    @Column(name = "order_currency", nullable = false, length = 3)
    public String orderCurrency;
    @Column(name = "usd_rate", nullable = false, precision = 24, scale = 10)
    public BigDecimal usdRate;
    /** where the rate came from (a recorded FX rate's source, or "configuration") and since when it was valid */
    @Column(name = "usd_rate_source")
    public String usdRateSource;
    @Column(name = "usd_rate_valid_from")
    public Instant usdRateValidFrom;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReservationStatus status;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * A request to reserve {@code usd}, the order's value at the quoted rate; without a rate (a currency
     * not supported) the order's own amount, rejected.
     */
    static Reservation requested(String orderId, String supplierId, Money orderValue, Optional<UsdRates.Quote> quote,
            Money usd, Instant at) {
        Reservation r = new Reservation();
        r.orderId = orderId;
        r.supplierId = supplierId;
        r.orderAmount = orderValue.amount();
        r.orderCurrency = orderValue.currency();
        r.usdRate = quote.map(UsdRates.Quote::rate).orElse(BigDecimal.ZERO);
        r.usdRateSource = quote.map(UsdRates.Quote::source).orElse(null);
        r.usdRateValidFrom = quote.map(UsdRates.Quote::validFrom).orElse(null);
        r.amountUsd = usd == null ? orderValue.amount() : usd.amount();
        r.status = usd == null ? ReservationStatus.REJECTED : ReservationStatus.ACTIVE;
        r.updatedAt = at;
        return r;
    }

    /** A rejected reservation tried again: it takes the new request's terms and outcome. */
    void triedAgainAs(Reservation request) {
        supplierId = request.supplierId;
        orderAmount = request.orderAmount;
        orderCurrency = request.orderCurrency;
        usdRate = request.usdRate;
        usdRateSource = request.usdRateSource;
        usdRateValidFrom = request.usdRateValidFrom;
        amountUsd = request.amountUsd;
        status = request.status;
        updatedAt = request.updatedAt;
    }
}
