package org.tradeorders.payment.fx.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** 1 {@code base} = {@code rate} {@code quote}, from {@code validFrom} until a newer rate. Never changed once recorded. */
@Entity
@Table(name = "fx_rate")
public class FxRate {
    @Id
    public String id;
    @Column(nullable = false, length = 3)
    public String base;
    @Column(nullable = false, length = 3)
    public String quote;
    @Column(nullable = false, precision = 24, scale = 10)
    public BigDecimal rate;
    @Column(nullable = false)
    public String source;
    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
