package org.tradeorders.credit.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * The limit formula (shared/domain.md, "limit growth"): limit = base + volumeShare x completed trade
 * volume of the last volumeWindow - penalty points x penaltyPerPoint, between zero and maxLimit. It
 * only computes; {@link CreditWorkflow} applies the result, and the growth room decides when.
 */
@ApplicationScoped
public class LimitFormula {
    @Inject
    EntityManager em;
    @Inject
    CreditRules rules;
    @Inject
    Clock clock;

    /** What the formula gives for the line now. */
    public BigDecimal limitFor(CreditLine line) {
        CreditRules.Growth g = rules.growth();
        BigDecimal limit = line.baseLimitUsd.add(g.volumeShare().multiply(recentVolume(line.supplierId)))
                .subtract(g.penaltyPerPointUsd().multiply(BigDecimal.valueOf(line.penaltyPoints)));
        return limit.max(BigDecimal.ZERO).min(g.maxLimitUsd()).setScale(2, RoundingMode.HALF_UP);
    }

    /** Completed trade volume (USD) within the volume window, Trade Assurance and e-Collection alike. */
    public BigDecimal recentVolume(String supplierId) {
        Instant since = clock.instant().minus(rules.growth().volumeWindow());
        Object sum = em.createNativeQuery("select coalesce(sum(amount_usd), 0) from trade_volume "
                + "where supplier_id = ?1 and completed_at > ?2")
                .setParameter(1, supplierId).setParameter(2, Timestamp.from(since)).getSingleResult();
        return (BigDecimal) sum;
    }
}
