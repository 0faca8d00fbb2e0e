package org.tradeorders.credit.fx.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The rate an order's value is converted to USD at: the newest rate payment-service recorded
 * (FxRateRecorded), or the configured reference rate until one has arrived.
 */
@ApplicationScoped
public class UsdRates {
    public static final String USD = "USD";

    @Inject
    EntityManager em;
    @Inject
    ReferenceRates reference;
    @Inject
    Clock clock;

    /** A rate and where it came from. */
    public record Quote(BigDecimal rate, String source, Instant validFrom) {
    }

    public Optional<Quote> quote(String currency) {
        if (USD.equals(currency)) {
            return Optional.of(new Quote(BigDecimal.ONE, "identity", Instant.EPOCH));
        }
        UsdRate recorded = em.find(UsdRate.class, currency);
        if (recorded != null && !recorded.validFrom.isAfter(clock.instant())) {
            return Optional.of(new Quote(recorded.rate, recorded.source, recorded.validFrom));
        }
        return Optional.ofNullable(reference.usdRates().get(currency)).map(r -> new Quote(r, "configuration", Instant.EPOCH));
    }

    /** A recorded rate to or from USD replaces an older one (rates may arrive out of order). */
    public void recorded(String rateId, String base, String quote, BigDecimal rate, String source, Instant validFrom) {
        String currency;
        BigDecimal usdPerUnit;
        if (USD.equals(quote) && !USD.equals(base)) {
            currency = base;
            usdPerUnit = rate;
        } else if (USD.equals(base) && !USD.equals(quote)) {
            currency = quote;
            usdPerUnit = BigDecimal.ONE.divide(rate, 10, RoundingMode.HALF_EVEN);
            source = source + " (inverse)";
        } else {
            return; // a cross rate without USD: not needed to value an order in USD
        }
        UsdRate current = em.find(UsdRate.class, currency, LockModeType.PESSIMISTIC_WRITE);
        if (current != null && current.validFrom.isAfter(validFrom)) {
            return;
        }
        if (current == null) {
            current = new UsdRate();
            current.currency = currency;
            current.rate = usdPerUnit;
            current.rateId = rateId;
            current.source = source;
            current.validFrom = validFrom;
            em.persist(current);
        } else {
            current.rate = usdPerUnit;
            current.rateId = rateId;
            current.source = source;
            current.validFrom = validFrom;
        }
    }
}
