package org.tradeorders.review.domain;

import static org.tradeorders.review.events.ReviewEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.review.events.ReviewEvents;

@ApplicationScoped
public class ReviewWorkflow {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    ReviewRules rules;

    /** The order completed (at {@code completedAt}, or now if unknown): its buyer may review the supplier. */
    public void openWindow(String orderId, String supplierId, String buyerId, Instant completedAt) {
        if (em.find(ReviewWindow.class, orderId) != null) {
            return;
        }
        ReviewWindow w = new ReviewWindow();
        w.orderId = orderId;
        w.supplierId = supplierId;
        w.buyerId = buyerId;
        w.opensAt = completedAt != null ? completedAt : clock.instant();
        w.closesAt = w.opensAt.plus(rules.window());
        em.persist(w);
        outbox.append(REVIEW_WINDOW_OPENED, w.orderId, new ReviewWindowOpened(w.orderId, w.supplierId, w.buyerId, w.closesAt));
    }

    /** The order's buyer reviews the supplier once, inside the window; the supplier's score follows. */
    @Transactional
    public Review submit(String buyerId, String orderId, int serviceAttitude, int deliverySpeed, int descriptionAccuracy,
            String text) {
        ReviewWindow w = em.find(ReviewWindow.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !w.buyerId.equals(buyerId)) {
            throw ProblemException.notFound("review window of order", orderId);
        }
        Instant now = clock.instant();
        if (!w.isOpenAt(now)) {
            throw ProblemException.conflict("review-window-closed", "the review window of order " + orderId + " closed at " + w.closesAt);
        }
        if (em.find(Review.class, orderId) != null) {
            throw ProblemException.conflict("already-reviewed", "order " + orderId + " is already reviewed");
        }
        Review r = new Review();
        r.orderId = orderId;
        r.supplierId = w.supplierId;
        r.buyerId = buyerId;
        r.serviceAttitude = serviceAttitude;
        r.deliverySpeed = deliverySpeed;
        r.descriptionAccuracy = descriptionAccuracy;
        r.text = text;
        r.submittedAt = now;
        em.persist(r);
        em.flush();
        outbox.append(REVIEW_SUBMITTED, orderId, new ReviewSubmitted(orderId, r.supplierId, buyerId, serviceAttitude,
                deliverySpeed, descriptionAccuracy, text, now));
        SupplierScore score = score(r.supplierId);
        outbox.append(SUPPLIER_SCORE_CHANGED, r.supplierId, new ReviewEvents.SupplierScoreChanged(r.supplierId,
                score.reviewCount(), score.serviceAttitude(), score.deliverySpeed(), score.descriptionAccuracy(),
                score.positiveRate(), (int) rules.scorePeriod().toDays()));
        return r;
    }

    /** The order's supplier replies to its review, once, within the reply window. */
    @Transactional
    public Review reply(String supplierId, String orderId, String text) {
        Review r = em.find(Review.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.supplierId.equals(supplierId)) {
            throw ProblemException.notFound("review of order", orderId);
        }
        r.reply(text, clock.instant(), rules.replyWindow());
        outbox.append(REVIEW_REPLIED, orderId, new ReviewEvents.ReviewReplied(orderId, supplierId, text, r.repliedAt));
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SupplierScore score(String supplierId) {
        List<Review> recent = em.createQuery("select r from Review r where r.supplierId = ?1 and r.submittedAt >= ?2",
                Review.class).setParameter(1, supplierId).setParameter(2, clock.instant().minus(rules.scorePeriod()))
                .getResultList();
        return SupplierScore.of(supplierId, recent, rules.positiveThreshold());
    }
}
