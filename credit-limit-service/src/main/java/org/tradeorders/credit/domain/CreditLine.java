package org.tradeorders.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A supplier's credit protection limit (USD) and how much of it active reservations hold. */
@Entity
@Table(name = "credit_line")
public class CreditLine {
    @Id
    @Column(name = "supplier_id")
    public String supplierId;
    @Column(name = "limit_usd", nullable = false, precision = 19, scale = 2)
    public BigDecimal limitUsd;
    @Column(name = "reserved_usd", nullable = false, precision = 19, scale = 2)
    public BigDecimal reservedUsd;
    @Column(name = "completed_volume_usd", nullable = false, precision = 19, scale = 2)
    public BigDecimal completedVolumeUsd;
    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Available = limit - active reservations; never below zero (a lowered limit keeps existing reservations). */
    public BigDecimal available() {
        return limitUsd.subtract(reservedUsd).max(BigDecimal.ZERO);
    }
}
