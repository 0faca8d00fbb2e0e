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

/**
 * One review per order, by that order's buyer: three 1-5 star ratings and optional text. It guards its
 * own rules: the buyer edits it once, inside the review window; the supplier replies once, within the
 * reply window of the review or of its edit.
 */
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
    /** The buyer's company name and country, for the public list (which masks the name). */
    @Column(name = "buyer_name")
    public String buyerName;
    @Column(name = "buyer_country", length = 2)
    public String buyerCountry;
    @Column(name = "service_attitude", nullable = false)
    public int serviceAttitude;
    @Column(name = "delivery_speed", nullable = false)
    public int deliverySpeed;
    @Column(name = "description_accuracy", nullable = false)
    public int descriptionAccuracy;
    @Column(length = 4000)
    public String text;
    /** When the review was first written; the score period counts from here. */
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
    /** The buyer's one edit (the version it replaced is a {@link ReviewVersion}). */
    @Column(name = "edited_at")
    public Instant editedAt;

    /** The supplier's one public reply. */
    @Column(name = "reply_text", length = 2000)
    public String replyText;
    @Column(name = "replied_at")
    public Instant repliedAt;

    /** A review as its buyer first writes it (the window that admits it supplies the parties). */
    static Review written(String orderId, String supplierId, String buyerId, String buyerName, String buyerCountry,
            Stars stars, String text, Instant now) {
        Review r = new Review();
        r.orderId = orderId;
        r.supplierId = supplierId;
        r.buyerId = buyerId;
        r.buyerName = buyerName;
        r.buyerCountry = buyerCountry;
        r.setContent(stars, text);
        r.submittedAt = now;
        return r;
    }

    public Stars stars() {
        return new Stars(serviceAttitude, deliverySpeed, descriptionAccuracy);
    }

    /**
     * The buyer edits its review once, while the order's review window is open ({@code windowClosesAt}).
     * @return the version the edit replaces, for the review's history
     */
    public ReviewVersion edit(Stars stars, String newText, Instant now, Instant windowClosesAt) {
        if (editedAt != null) {
            throw new RuleViolation("already-edited", "the review of order " + orderId + " was edited at " + editedAt);
        }
        if (!now.isBefore(windowClosesAt)) {
            throw new RuleViolation("review-window-closed",
                    "the review window of order " + orderId + " closed at " + windowClosesAt);
        }
        ReviewVersion first = ReviewVersion.of(orderId, 1, stars(), text, submittedAt, now);
        setContent(stars, newText);
        editedAt = now;
        return first;
    }

    /**
     * The supplier replies once, within {@code replyWindow} of the review, or of its edit if the buyer
     * edited it (reply-window, domain.md's Reviews); a second reply or a late one is refused.
     */
    public void reply(String replyText, Instant now, Duration replyWindow) {
        if (repliedAt != null) {
            throw new RuleViolation("already-replied", "the review of order " + orderId + " was replied to at " + repliedAt);
        }
        Instant closes = replyWindowClosesAt(replyWindow);
        if (now.isAfter(closes)) {
            throw new RuleViolation("reply-window-closed", "replies to the review of order " + orderId + " closed at " + closes);
        }
        this.replyText = replyText;
        repliedAt = now;
    }

    public Instant replyWindowClosesAt(Duration replyWindow) {
        return (editedAt != null ? editedAt : submittedAt).plus(replyWindow);
    }

    public BigDecimal average() {
        return BigDecimal.valueOf(serviceAttitude + deliverySpeed + descriptionAccuracy)
                .divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_EVEN);
    }

    private void setContent(Stars stars, String newText) {
        serviceAttitude = stars.serviceAttitude();
        deliverySpeed = stars.deliverySpeed();
        descriptionAccuracy = stars.descriptionAccuracy();
        text = newText;
    }
}
