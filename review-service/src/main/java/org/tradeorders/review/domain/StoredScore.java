package org.tradeorders.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A supplier's score as last computed, served as stored (never recomputed per request). */
@Entity
@Table(name = "supplier_score")
public class StoredScore {
    @Id
    @Column(name = "supplier_id")
    public String supplierId;
    @Column(name = "review_count", nullable = false)
    public int reviewCount;
    @Column(name = "service_attitude", precision = 3, scale = 2)
    public BigDecimal serviceAttitude;
    @Column(name = "delivery_speed", precision = 3, scale = 2)
    public BigDecimal deliverySpeed;
    @Column(name = "description_accuracy", precision = 3, scale = 2)
    public BigDecimal descriptionAccuracy;
    @Column(name = "positive_rate", precision = 5, scale = 4)
    public BigDecimal positiveRate;
    /** The oldest review counted: when it leaves the period, the daily recalculation takes this supplier up. */
    @Column(name = "oldest_counted_at")
    public Instant oldestCountedAt;
    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    public SupplierScore score() {
        return new SupplierScore(supplierId, reviewCount, serviceAttitude, deliverySpeed, descriptionAccuracy, positiveRate);
    }

    /** Takes the new score. @return whether it differs from the stored one (numerically: 4.5 equals 4.50) */
    boolean take(SupplierScore s, Instant oldestCounted, Instant now) {
        boolean changed = reviewCount != s.reviewCount() || differs(serviceAttitude, s.serviceAttitude())
                || differs(deliverySpeed, s.deliverySpeed()) || differs(descriptionAccuracy, s.descriptionAccuracy())
                || differs(positiveRate, s.positiveRate());
        reviewCount = s.reviewCount();
        serviceAttitude = s.serviceAttitude();
        deliverySpeed = s.deliverySpeed();
        descriptionAccuracy = s.descriptionAccuracy();
        positiveRate = s.positiveRate();
        oldestCountedAt = oldestCounted;
        computedAt = now;
        return changed;
    }

    private static boolean differs(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? !Objects.equals(a, b) : a.compareTo(b) != 0;
    }
}
