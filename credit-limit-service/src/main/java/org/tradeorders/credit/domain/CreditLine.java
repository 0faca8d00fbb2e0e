package org.tradeorders.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    /** The limit growth builds on: from the activation rule table, or set by an operator. */
    @Column(name = "base_limit_usd", nullable = false, precision = 19, scale = 2)
    public BigDecimal baseLimitUsd;
    /** Advance compensation the supplier owes the platform, in USD: not available until recovered. */
    @Column(name = "advance_owed_usd", nullable = false, precision = 19, scale = 2)
    public BigDecimal advanceOwedUsd = BigDecimal.ZERO;
    @Column(name = "penalty_points", nullable = false)
    public int penaltyPoints;
    /** The basic information the supplier activated with (absent for a line an operator opened). */
    @Enumerated(EnumType.STRING)
    @Column(name = "verification_level")
    public VerificationLevel verificationLevel;
    @Column(name = "years_in_business")
    public Integer yearsInBusiness;
    @Column(name = "registered_capital_usd", precision = 19, scale = 2)
    public BigDecimal registeredCapitalUsd;
    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Available = limit - active reservations - advance compensation owed; never below zero (a lowered
     * limit keeps existing reservations).
     */
    public BigDecimal available() {
        return available(limitUsd, reservedUsd, advanceOwedUsd);
    }

    /** The same rule for a line's figures read elsewhere (an UPDATE's RETURNING). */
    public static BigDecimal available(BigDecimal limitUsd, BigDecimal reservedUsd, BigDecimal advanceOwedUsd) {
        return limitUsd.subtract(reservedUsd).subtract(advanceOwedUsd).max(BigDecimal.ZERO);
    }
}
