package org.tradeorders.credit.advance.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.tradeorders.credit.domain.CreditLine;
import org.tradeorders.credit.fx.domain.UsdRates;
import org.tradeorders.platform.money.Money;

/**
 * An outstanding advance compensation reduces the supplier's available credit until it is recovered
 * (issue 13): the platform already paid a buyer for this supplier once. payment-service reports what
 * the supplier owes after each advance and recovery (keyed by supplier, so in order); the line keeps
 * the sum in USD, at the newest recorded rate when it was reported.
 */
@ApplicationScoped
public class AdvancesOwed {
    private static final Logger LOG = Logger.getLogger(AdvancesOwed.class);

    @Inject
    EntityManager em;
    @Inject
    UsdRates usdRates;
    @Inject
    Clock clock;

    /** The supplier owes {@code owed} in its currency now (zero once recovered). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void owes(String supplierId, Money owed) {
        BigDecimal rate = UsdRates.USD.equals(owed.currency()) ? BigDecimal.ONE
                : usdRates.quote(owed.currency()).map(UsdRates.Quote::rate).orElse(null);
        if (rate == null) {
            // no rate ever recorded for it: count it one to one rather than not at all (it only lowers credit)
            LOG.errorf("no USD rate for %s: supplier %s's advance of %s counted one to one", owed.currency(), supplierId, owed);
            rate = BigDecimal.ONE;
        }
        BigDecimal usd = owed.amount().multiply(rate).setScale(2, RoundingMode.HALF_UP);
        em.createNativeQuery("""
                insert into advance_owed (supplier_id, currency, owed, owed_usd, updated_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (supplier_id, currency) do update set owed = excluded.owed, owed_usd = excluded.owed_usd,
                updated_at = excluded.updated_at""")
                .setParameter(1, supplierId).setParameter(2, owed.currency()).setParameter(3, owed.amount())
                .setParameter(4, usd).setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
        CreditLine line = em.find(CreditLine.class, supplierId, LockModeType.PESSIMISTIC_WRITE);
        if (line == null) {
            return; // no credit protection: nothing to reduce (an e-Collection-only supplier is never advanced)
        }
        line.advanceOwedUsd = ((BigDecimal) em.createNativeQuery(
                "select coalesce(sum(owed_usd), 0) from advance_owed where supplier_id = ?1")
                .setParameter(1, supplierId).getSingleResult()).setScale(2, RoundingMode.HALF_UP);
        line.updatedAt = clock.instant();
    }
}
