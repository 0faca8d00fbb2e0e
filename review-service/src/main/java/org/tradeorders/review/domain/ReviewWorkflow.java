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
import org.tradeorders.review.domain.SupplierScores.Reason;

/**
 * Reviews of an order: the window opens at completion; the supplier may invite once; the buyer reviews
 * once and edits once inside the window; the supplier replies once. Each change locks the order's window
 * row first (then the supplier's score row, in {@link SupplierScores}), so changes to one order queue
 * behind each other; the window and the review guard their own rules.
 */
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
    @Inject
    SupplierScores scores;

    /** Who bought, as the public list shows them (both optional: an older OrderCompleted names neither). */
    public record Buyer(String id, String name, String country) {
    }

    /** The order completed (at {@code completedAt}, or now if unknown): its buyer may review the supplier. */
    public void openWindow(String orderId, String supplierId, Buyer buyer, Instant completedAt) {
        if (em.find(ReviewWindow.class, orderId) != null) {
            return;
        }
        ReviewWindow w = new ReviewWindow();
        w.orderId = orderId;
        w.supplierId = supplierId;
        w.buyerId = buyer.id();
        w.buyerName = buyer.name();
        w.buyerCountry = buyer.country();
        w.opensAt = completedAt != null ? completedAt : clock.instant();
        w.closesAt = w.opensAt.plus(rules.window());
        em.persist(w);
        outbox.append(REVIEW_WINDOW_OPENED, w.orderId, new ReviewWindowOpened(w.orderId, w.supplierId, w.buyerId, w.closesAt));
    }

    /** The order's supplier invites its buyer to review, once, inside the window (order-service e-mails the buyer). */
    @Transactional
    public ReviewWindow invite(String supplierId, String orderId) {
        ReviewWindow w = em.find(ReviewWindow.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !w.supplierId.equals(supplierId)) {
            throw ProblemException.notFound("review window of order", orderId);
        }
        w.invite(clock.instant(), em.find(Review.class, orderId) != null);
        outbox.append(REVIEW_INVITED, orderId, new ReviewInvited(orderId, supplierId, w.buyerId, w.invitedAt, w.closesAt));
        return w;
    }

    /** The order's buyer reviews the supplier once, inside the window; the supplier's score follows. */
    @Transactional
    public Review submit(String buyerId, String orderId, Stars stars, String text) {
        ReviewWindow w = ownWindow(buyerId, orderId);
        Review r = w.review(stars, text, clock.instant(), em.find(Review.class, orderId) != null);
        em.persist(r);
        em.flush();
        outbox.append(REVIEW_SUBMITTED, orderId, new ReviewSubmitted(orderId, r.supplierId, buyerId, r.serviceAttitude,
                r.deliverySpeed, r.descriptionAccuracy, r.text, r.submittedAt));
        scores.refresh(r.supplierId, Reason.REVIEW_SUBMITTED);
        return r;
    }

    /** The buyer edits its review once, inside the window; the first version stays in the history. */
    @Transactional
    public Review edit(String buyerId, String orderId, Stars stars, String text) {
        ReviewWindow w = ownWindow(buyerId, orderId);
        Review r = em.find(Review.class, orderId);
        if (r == null) {
            throw ProblemException.notFound("review of order", orderId);
        }
        em.persist(r.edit(stars, text, clock.instant(), w.closesAt));
        outbox.append(REVIEW_EDITED, orderId, new ReviewEdited(orderId, r.supplierId, buyerId, r.serviceAttitude,
                r.deliverySpeed, r.descriptionAccuracy, r.text, r.submittedAt, r.editedAt));
        scores.refresh(r.supplierId, Reason.REVIEW_EDITED);
        return r;
    }

    /** The order's supplier replies to its review, once, within the reply window of the review or its edit. */
    @Transactional
    public Review reply(String supplierId, String orderId, String text) {
        em.find(ReviewWindow.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        Review r = em.find(Review.class, orderId);
        if (r == null || !r.supplierId.equals(supplierId)) {
            throw ProblemException.notFound("review of order", orderId);
        }
        r.reply(text, clock.instant(), rules.replyWindow());
        outbox.append(REVIEW_REPLIED, orderId, new ReviewReplied(orderId, supplierId, text, r.repliedAt));
        return r;
    }

    /** The order's review, or null if it has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Review review(String orderId) {
        return em.find(Review.class, orderId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewVersion> history(String orderId) {
        return em.createQuery("select v from ReviewVersion v where v.key.orderId = ?1 order by v.key.version",
                ReviewVersion.class).setParameter(1, orderId).getResultList();
    }

    private ReviewWindow ownWindow(String buyerId, String orderId) {
        ReviewWindow w = em.find(ReviewWindow.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !w.buyerId.equals(buyerId)) {
            throw ProblemException.notFound("review window of order", orderId);
        }
        return w;
    }
}
