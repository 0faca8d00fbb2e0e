package org.tradeorders.review.rest;

import java.time.Instant;
import java.util.List;
import org.tradeorders.review.domain.MaskedName;
import org.tradeorders.review.domain.Review;
import org.tradeorders.review.domain.ReviewVersion;
import org.tradeorders.review.domain.ReviewWindow;

/** What the review endpoints answer. */
final class ReviewViews {
    private ReviewViews() {
    }

    /** A version an edit replaced: as the buyer wrote it, and when the edit replaced it. */
    public record VersionView(int version, int serviceAttitude, int deliverySpeed, int descriptionAccuracy, String text,
            Instant writtenAt, Instant replacedAt) {
        static VersionView of(ReviewVersion v) {
            return new VersionView(v.key.version(), v.serviceAttitude, v.deliverySpeed, v.descriptionAccuracy, v.text,
                    v.writtenAt, v.replacedAt);
        }
    }

    /** The review as its parties see it; {@code history} holds the versions an edit replaced (oldest first). */
    public record ReviewView(String orderId, String supplierId, int serviceAttitude, int deliverySpeed, int descriptionAccuracy,
            String text, Instant submittedAt, Instant editedAt, String replyText, Instant repliedAt,
            List<VersionView> history) {
        static ReviewView of(Review r, List<ReviewVersion> history) {
            return new ReviewView(r.orderId, r.supplierId, r.serviceAttitude, r.deliverySpeed, r.descriptionAccuracy,
                    r.text, r.submittedAt, r.editedAt, r.replyText, r.repliedAt,
                    history.stream().map(VersionView::of).toList());
        }
    }

    public record InvitationView(String orderId, Instant invitedAt, Instant closesAt) {
        static InvitationView of(ReviewWindow w) {
            return new InvitationView(w.orderId, w.invitedAt, w.closesAt);
        }
    }

    /** The buyer as the public sees it: its country and a masked name, never its id. */
    public record PublicBuyer(String country, String name) {
    }

    public record PublicReply(String text, Instant repliedAt) {
    }

    /** A review in a supplier's public list: as it now reads, whether it was edited, and the supplier's reply. */
    public record PublicReview(PublicBuyer buyer, int serviceAttitude, int deliverySpeed, int descriptionAccuracy, String text,
            Instant submittedAt, boolean edited, PublicReply reply) {
        static PublicReview of(Review r) {
            return new PublicReview(new PublicBuyer(r.buyerCountry, MaskedName.of(r.buyerName)), r.serviceAttitude,
                    r.deliverySpeed, r.descriptionAccuracy, r.text, r.submittedAt, r.editedAt != null,
                    r.repliedAt == null ? null : new PublicReply(r.replyText, r.repliedAt));
        }
    }
}
