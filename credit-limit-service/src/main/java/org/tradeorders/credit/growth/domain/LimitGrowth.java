package org.tradeorders.credit.growth.domain;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.tradeorders.credit.domain.CreditLine;
import org.tradeorders.credit.domain.CreditRules;
import org.tradeorders.credit.domain.CreditWorkflow;
import org.tradeorders.credit.domain.LimitFormula;
import org.tradeorders.platform.deadline.DeadlineHandler;
import org.tradeorders.platform.deadline.Deadlines;
import org.tradeorders.platform.problem.ProblemException;

/**
 * Limit growth: each line's limit follows the {@link LimitFormula}, recalculated on the configured
 * day of every month, when an operator asks, and when penalty points are given.
 */
@ApplicationScoped
public class LimitGrowth implements DeadlineHandler {
    /** Deadline: the next monthly recalculation of every line (one for the whole service). */
    public static final String MONTHLY_RECALCULATION = "CREDIT_LIMIT_MONTHLY_RECALCULATION";
    static final String ALL_LINES = "all-credit-lines";

    @Inject
    EntityManager em;
    @Inject
    CreditRules rules;
    @Inject
    CreditWorkflow credit;
    @Inject
    LimitFormula formula;
    @Inject
    Deadlines deadlines;
    @Inject
    Clock clock;

    @Transactional
    public CreditLine recalculate(String supplierId, String reason) {
        CreditLine line = em.find(CreditLine.class, supplierId, LockModeType.PESSIMISTIC_WRITE);
        if (line == null) {
            throw ProblemException.notFound("credit line", supplierId);
        }
        credit.applyLimit(line, formula.limitFor(line), reason);
        return line;
    }

    /** Every line, each locked in turn. @return how many lines changed */
    @Transactional
    public int recalculateAll(String reason) {
        List<String> suppliers = em.createQuery("select l.supplierId from CreditLine l order by l.supplierId", String.class)
                .getResultList();
        int changed = 0;
        for (String supplier : suppliers) {
            CreditLine line = em.find(CreditLine.class, supplier, LockModeType.PESSIMISTIC_WRITE);
            BigDecimal before = line.limitUsd;
            credit.applyLimit(line, formula.limitFor(line), reason);
            if (before.compareTo(line.limitUsd) != 0) {
                changed++;
            }
        }
        return changed;
    }

    /** Penalty points (for breaches found by the platform) lower the limit at once. */
    @Transactional
    public CreditLine penalize(String supplierId, int points, String reason, String by) {
        CreditLine line = em.find(CreditLine.class, supplierId, LockModeType.PESSIMISTIC_WRITE);
        if (line == null) {
            throw ProblemException.notFound("credit line", supplierId);
        }
        em.createNativeQuery("insert into penalty (supplier_id, points, reason, recorded_by, recorded_at) "
                + "values (?1, ?2, ?3, ?4, ?5)").setParameter(1, supplierId).setParameter(2, points)
                .setParameter(3, reason).setParameter(4, by).setParameter(5, Timestamp.from(clock.instant()))
                .executeUpdate();
        line.penaltyPoints += points;
        credit.applyLimit(line, formula.limitFor(line), "PENALTY_POINTS: " + reason);
        return line;
    }

    /**
     * A Trade Assurance refund case the supplier lost (decided against it, or agreed above the configured
     * share of the claim): penalty points, once per case (the inbox applies each event once). A supplier
     * without a credit line has no limit to lower.
     */
    @Transactional
    public void refundCaseLost(String supplierId, String caseId) {
        if (em.find(CreditLine.class, supplierId) != null) {
            penalize(supplierId, rules.growth().penaltyPointsPerLostRefundCase(), "REFUND_CASE_LOST " + caseId,
                    "order-service");
        }
    }

    @Override
    public String kind() {
        return MONTHLY_RECALCULATION;
    }

    /** The monthly recalculation: every line, then the next month's is scheduled. */
    @Override
    public void fire(String aggregateId, Instant dueAt) {
        recalculateAll("MONTHLY_RECALCULATION");
        deadlines.schedule(ALL_LINES, MONTHLY_RECALCULATION, nextRecalculation(clock.instant()));
    }

    /** The next recalculation day (00:00 UTC) after {@code now}. */
    public Instant nextRecalculation(Instant now) {
        int day = rules.growth().recalculationDayOfMonth();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate candidate = today.withDayOfMonth(Math.min(day, today.lengthOfMonth()));
        if (!candidate.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(now)) {
            LocalDate next = today.plusMonths(1);
            candidate = next.withDayOfMonth(Math.min(day, next.lengthOfMonth()));
        }
        return candidate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Transactional
    void scheduleFirst(@Observes StartupEvent start) {
        if (!deadlines.pending(ALL_LINES).containsKey(MONTHLY_RECALCULATION)) {
            deadlines.schedule(ALL_LINES, MONTHLY_RECALCULATION, nextRecalculation(clock.instant()));
        }
    }

    public Instant scheduledRecalculation() {
        return deadlines.pending(ALL_LINES).get(MONTHLY_RECALCULATION);
    }
}
