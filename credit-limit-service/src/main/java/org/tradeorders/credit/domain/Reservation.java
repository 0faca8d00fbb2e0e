package org.tradeorders.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

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
}
