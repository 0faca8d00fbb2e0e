package org.tradeorders.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import org.tradeorders.platform.domain.RuleViolation;

/** One review per order, by that order's buyer: three 1-5 star ratings and optional text. */
@Entity
@Table(name = "review")
public class Review {
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "service_attitude", nullable = false)
    public int serviceAttitude;
    @Column(name = "delivery_speed", nullable = false)
    public int deliverySpeed;
    @Column(name = "description_accuracy", nullable = false)
    public int descriptionAccuracy;
    @Column(length = 4000)
    public String text;
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    /** The supplier's one public reply. */
    @Column(name = "reply_text", length = 2000)
    public String replyText;
    @Column(name = "replied_at")
    public Instant repliedAt;

    /**
     * The supplier replies once, within {@code replyWindow} of the review (reply-window, domain.md's
     * Reviews); a second reply or a late one is refused.
     */
    public void reply(String text, Instant now, Duration replyWindow) {
        if (repliedAt != null) {
            throw new RuleViolation("already-replied", "the review of order " + orderId + " was replied to at " + repliedAt);
        }
        Instant closes = submittedAt.plus(replyWindow);
        if (now.isAfter(closes)) {
            throw new RuleViolation("reply-window-closed", "replies to the review of order " + orderId + " closed at " + closes);
        }
        replyText = text;
        repliedAt = now;
    }

    public BigDecimal average() {
        return BigDecimal.valueOf(serviceAttitude + deliverySpeed + descriptionAccuracy)
                .divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_EVEN);
    }
}
