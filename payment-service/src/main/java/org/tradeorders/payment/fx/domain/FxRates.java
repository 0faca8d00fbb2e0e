package org.tradeorders.payment.fx.domain;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tradeorders.payment.events.PaymentEvents;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;

/**
 * FX rates as operators record them (current and history), and conversions that record the rate
 * they used. A pair without a direct rate converts through its inverse, or through USD.
 */
@ApplicationScoped
public class FxRates {
    public static final String USD = "USD";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    FxRules rules;

    /** Records a rate; published as FxRateRecorded (key "EUR/USD") for the services that convert too. */
    @Transactional
    public FxRate record(String base, String quote, BigDecimal rate, String source, Instant validFrom, String recordedBy) {
        if (base.equals(quote)) {
            throw ProblemException.invalid("quote", "must differ from base");
        }
        FxRate r = new FxRate();
        r.id = UUID.randomUUID().toString();
        r.base = base;
        r.quote = quote;
        r.rate = rate.setScale(rules.rateScale(), RoundingMode.HALF_EVEN);
        r.source = source;
        r.recordedAt = clock.instant();
        r.validFrom = validFrom == null ? r.recordedAt : validFrom;
        r.recordedBy = recordedBy;
        em.persist(r);
        outbox.append(PaymentEvents.FX_RATE_RECORDED, base + "/" + quote, new PaymentEvents.FxRateRecorded(r.id, base,
                quote, r.rate, source, r.validFrom));
        return r;
    }

    /** The rate in force now for the pair, as recorded (no inverse). */
    public Optional<FxRate> current(String base, String quote) {
        return em.createQuery("select r from FxRate r where r.base = ?1 and r.quote = ?2 and r.validFrom <= ?3 "
                + "order by r.validFrom desc, r.recordedAt desc", FxRate.class)
                .setParameter(1, base).setParameter(2, quote).setParameter(3, clock.instant()).setMaxResults(1)
                .getResultStream().findFirst();
    }

    public List<FxRate> currentRates() {
        return em.createQuery("select r from FxRate r where r.validFrom = (select max(x.validFrom) from FxRate x "
                + "where x.base = r.base and x.quote = r.quote and x.validFrom <= ?1) order by r.base, r.quote", FxRate.class)
                .setParameter(1, clock.instant()).getResultList();
    }

    public Page<FxRate> history(String base, String quote, PageRequest page) {
        long total = em.createQuery("select count(r) from FxRate r where r.base = ?1 and r.quote = ?2", Long.class)
                .setParameter(1, base).setParameter(2, quote).getSingleResult();
        return page.of(em.createQuery("select r from FxRate r where r.base = ?1 and r.quote = ?2 order by r.validFrom desc, "
                + "r.recordedAt desc, r.id", FxRate.class).setParameter(1, base).setParameter(2, quote), total);
    }

    /** A rate to use for a conversion: to per 1 from, with where it came from. */
    public record Quote(BigDecimal rate, String rateId, String source, Instant validFrom) {
    }

    public Quote quote(String from, String to) {
        if (from.equals(to)) {
            return new Quote(BigDecimal.ONE, null, "identity", Instant.EPOCH);
        }
        Optional<FxRate> direct = current(from, to);
        if (direct.isPresent()) {
            return new Quote(direct.get().rate, direct.get().id, direct.get().source, direct.get().validFrom);
        }
        Optional<FxRate> inverse = current(to, from);
        if (inverse.isPresent()) {
            return new Quote(BigDecimal.ONE.divide(inverse.get().rate, rules.rateScale(), RoundingMode.HALF_EVEN),
                    inverse.get().id, inverse.get().source + " (inverse)", inverse.get().validFrom);
        }
        if (!from.equals(USD) && !to.equals(USD)) {
            Quote a = quote(from, USD);
            Quote b = quote(USD, to);
            return new Quote(a.rate().multiply(b.rate()).setScale(rules.rateScale(), RoundingMode.HALF_EVEN), a.rateId(),
                    a.source() + " x " + b.source() + " (cross via USD)", a.validFrom().isAfter(b.validFrom())
                            ? a.validFrom() : b.validFrom());
        }
        throw ProblemException.conflict("no-fx-rate", "no FX rate from " + from + " to " + to + " is recorded");
    }

    /** Converts and records the conversion (purpose and reference say what it was for). */
    @Transactional(Transactional.TxType.MANDATORY)
    public FxConversion convert(Money amount, String to, String purpose, String reference) {
        Quote q = quote(amount.currency(), to);
        FxConversion c = new FxConversion();
        c.id = UUID.randomUUID().toString();
        c.purpose = purpose;
        c.reference = reference;
        c.fromAmount = amount.amount();
        c.fromCurrency = amount.currency();
        c.toAmount = amount.amount().multiply(q.rate()).setScale(Money.scaleOf(to), RoundingMode.HALF_EVEN);
        c.toCurrency = to;
        c.rate = q.rate();
        c.rateId = q.rateId();
        c.rateSource = q.source();
        c.rateValidFrom = q.validFrom();
        c.convertedAt = clock.instant();
        em.persist(c);
        return c;
    }

    public List<FxConversion> conversionsFor(String reference) {
        return em.createQuery("select c from FxConversion c where c.reference = ?1 order by c.convertedAt",
                FxConversion.class).setParameter(1, reference).getResultList();
    }

    /** A new installation starts with the configured seed rates, recorded like any other. */
    @Transactional
    void seed(@Observes StartupEvent start) {
        long existing = em.createQuery("select count(r) from FxRate r", Long.class).getSingleResult();
        if (existing == 0) {
            rules.seedUsdRates().forEach((currency, rate) -> {
                if (!currency.equals(USD)) {
                    record(currency, USD, rate, "seed configuration", Instant.EPOCH, "system");
                }
            });
        }
    }
}
