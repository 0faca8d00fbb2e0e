package org.tradeorders.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.tradeorders.platform.domain.RuleViolation;

/**
 * The period after an order completed in which its buyer may review the supplier, and the supplier
 * may invite the buyer to, once.
 */
@Entity
@Table(name = "review_window")
public class ReviewWindow {
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "buyer_name")
    public String buyerName;
    @Column(name = "buyer_country", length = 2)
    public String buyerCountry;
    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;
    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;
    @Column(name = "invited_at")
    public Instant invitedAt;

    public boolean isOpenAt(Instant t) {
        return !t.isBefore(opensAt) && t.isBefore(closesAt);
    }

    /** The buyer reviews the supplier once, while the window is open. */
    public Review review(Stars stars, String text, Instant now, boolean reviewed) {
        if (!isOpenAt(now)) {
            throw new RuleViolation("review-window-closed", "the review window of order " + orderId + " closed at " + closesAt);
        }
        if (reviewed) {
            throw new RuleViolation("already-reviewed", "order " + orderId + " is already reviewed");
        }
        return Review.written(orderId, supplierId, buyerId, buyerName, buyerCountry, stars, text, now);
    }

    /** The supplier invites the buyer to review, once, while the window is open and the order is not reviewed. */
    public void invite(Instant now, boolean reviewed) {
        if (invitedAt != null) {
            throw new RuleViolation("already-invited", "the buyer of order " + orderId + " was invited at " + invitedAt);
        }
        if (reviewed) {
            throw new RuleViolation("already-reviewed", "order " + orderId + " is already reviewed");
        }
        if (!isOpenAt(now)) {
            throw new RuleViolation("review-window-closed", "the review window of order " + orderId + " closed at " + closesAt);
        }
        invitedAt = now;
    }
}
