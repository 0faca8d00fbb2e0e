package org.tradeorders.review.domain;

import static org.tradeorders.review.events.ReviewEvents.SUPPLIER_SCORE_CHANGED;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.tradeorders.platform.deadline.DeadlineHandler;
import org.tradeorders.platform.deadline.Deadlines;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.review.events.ReviewEvents;

/**
 * Supplier scores, kept current: refreshed in the transaction of every review or edit, and by a daily
 * recalculation (a deadline on the service's clock) for each supplier whose oldest counted review has
 * left the score period. Each refresh locks the supplier's score row, so concurrent reviews of one
 * supplier are counted one after the other; SupplierScoreChanged goes out only when the score changed.
 */
@ApplicationScoped
public class SupplierScores implements DeadlineHandler {
    /** Deadline: the next daily recalculation (one for the whole service). */
    public static final String DAILY_RECALCULATION = "SUPPLIER_SCORE_DAILY_RECALCULATION";
    static final String ALL_SCORES = "all-supplier-scores";

    public enum Reason { REVIEW_SUBMITTED, REVIEW_EDITED, AGED_OUT }

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    ReviewRules rules;
    @Inject
    Deadlines deadlines;

    /** The stored score; a supplier never reviewed has none to average. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SupplierScore current(String supplierId) {
        StoredScore s = em.find(StoredScore.class, supplierId);
        return s == null ? SupplierScore.none(supplierId) : s.score();
    }

    /** Recomputes the supplier's score over the period ending now, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(String supplierId, Reason reason) {
        Instant now = clock.instant();
        em.createNativeQuery("insert into supplier_score (supplier_id, review_count, computed_at) values (?1, 0, ?2) "
                + "on conflict (supplier_id) do nothing").setParameter(1, supplierId).setParameter(2, Timestamp.from(now))
                .executeUpdate();
        StoredScore stored = em.find(StoredScore.class, supplierId, LockModeType.PESSIMISTIC_WRITE);
        List<Review> counted = em.createQuery("select r from Review r where r.supplierId = ?1 and r.submittedAt >= ?2",
                Review.class).setParameter(1, supplierId).setParameter(2, now.minus(rules.scorePeriod())).getResultList();
        SupplierScore score = SupplierScore.of(supplierId, counted, rules.positiveThreshold());
        Instant oldest = counted.stream().map(r -> r.submittedAt).min(Instant::compareTo).orElse(null);
        if (stored.take(score, oldest, now)) {
            outbox.append(SUPPLIER_SCORE_CHANGED, supplierId,
                    new ReviewEvents.SupplierScoreChanged(supplierId, score.reviewCount(), score.serviceAttitude(),
                            score.deliverySpeed(), score.descriptionAccuracy(), score.positiveRate(),
                            (int) rules.scorePeriod().toDays(), reason.name()));
        }
    }

    @Override
    public String kind() {
        return DAILY_RECALCULATION;
    }

    /** The daily recalculation: every supplier with a counted review that has aged out; then tomorrow's is scheduled. */
    @Override
    public void fire(String aggregateId, Instant dueAt) {
        Instant now = clock.instant();
        List<String> aged = em.createQuery("select s.supplierId from StoredScore s where s.oldestCountedAt < ?1 "
                + "order by s.supplierId", String.class).setParameter(1, now.minus(rules.scorePeriod())).getResultList();
        aged.forEach(supplierId -> refresh(supplierId, Reason.AGED_OUT));
        deadlines.schedule(ALL_SCORES, DAILY_RECALCULATION, nextRecalculation(now));
    }

    /** The next recalculation time of day (UTC) after {@code now}. */
    Instant nextRecalculation(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant candidate = today.atTime(rules.scoreRecalculationTime()).toInstant(ZoneOffset.UTC);
        return candidate.isAfter(now) ? candidate : candidate.plus(Duration.ofDays(1));
    }

    @Transactional
    void scheduleFirst(@Observes StartupEvent start) {
        if (!deadlines.pending(ALL_SCORES).containsKey(DAILY_RECALCULATION)) {
            deadlines.schedule(ALL_SCORES, DAILY_RECALCULATION, nextRecalculation(clock.instant()));
        }
    }
}
