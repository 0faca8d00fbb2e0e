package org.tradeorders.credit.fx.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** USD per 1 unit of {@code currency}, as payment-service last recorded it. */
@Entity
@Table(name = "usd_rate")
public class UsdRate {
    @Id
    public String currency;
    @Column(nullable = false, precision = 24, scale = 10)
    public BigDecimal rate;
    @Column(name = "rate_id")
    public String rateId;
    @Column(nullable = false)
    public String source;
    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;
}
