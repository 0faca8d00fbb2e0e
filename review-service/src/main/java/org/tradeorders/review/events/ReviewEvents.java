package org.tradeorders.review.events;

import java.math.BigDecimal;
import java.time.Instant;
import org.tradeorders.platform.events.EventType;

/** What review-service publishes on {@code review-events}: per order, or per supplier for scores. */
public final class ReviewEvents {
    public static final EventType REVIEW_WINDOW_OPENED = EventType.of("ReviewWindowOpened", 1);
    public static final EventType REVIEW_INVITED = EventType.of("ReviewInvited", 1);
    public static final EventType REVIEW_SUBMITTED = EventType.of("ReviewSubmitted", 1);
    public static final EventType REVIEW_EDITED = EventType.of("ReviewEdited", 1);
    public static final EventType REVIEW_REPLIED = EventType.of("ReviewReplied", 1);
    public static final EventType SUPPLIER_SCORE_CHANGED = EventType.of("SupplierScoreChanged", 1);

    private ReviewEvents() {
    }

    public record ReviewWindowOpened(String orderId, String supplierId, String buyerId, Instant closesAt) {
    }

    /** The supplier invited the buyer to review, once, before the window closes at closesAt. */
    public record ReviewInvited(String orderId, String supplierId, String buyerId, Instant invitedAt, Instant closesAt) {
    }

    public record ReviewSubmitted(String orderId, String supplierId, String buyerId, int serviceAttitude,
            int deliverySpeed, int descriptionAccuracy, String text, Instant submittedAt) {
    }

    /** The buyer's one edit: the review as it now reads (the first version stays in its history). */
    public record ReviewEdited(String orderId, String supplierId, String buyerId, int serviceAttitude,
            int deliverySpeed, int descriptionAccuracy, String text, Instant submittedAt, Instant editedAt) {
    }

    public record ReviewReplied(String orderId, String supplierId, String text, Instant repliedAt) {
    }

    /** reason (optional, added to v1): REVIEW_SUBMITTED, REVIEW_EDITED or AGED_OUT. */
    public record SupplierScoreChanged(String supplierId, int reviewCount, BigDecimal serviceAttitude,
            BigDecimal deliverySpeed, BigDecimal descriptionAccuracy, BigDecimal positiveRate, int periodDays,
            String reason) {
    }
}
