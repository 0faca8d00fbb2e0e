package org.tradeorders.payment.ledger.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The currency a supplier's money is settled in: its own choice, or the platform default. */
@ApplicationScoped
public class SettlementCurrencies {

    @ConfigMapping(prefix = "payment.settlement")
    public interface Rules {
        /** Settlement currency of a supplier that has not chosen one. */
        @WithDefault("USD")
        String defaultCurrency();
    }

    @Inject
    EntityManager em;
    @Inject
    Rules rules;
    @Inject
    Clock clock;

    public String of(String supplierId) {
        SupplierSettings s = em.find(SupplierSettings.class, supplierId);
        return s == null ? rules.defaultCurrency() : s.settlementCurrency;
    }

    /** Applies to orders settled from now on; an order keeps the currency of its first settlement. */
    @Transactional
    public void choose(String supplierId, String currency) {
        SupplierSettings s = em.find(SupplierSettings.class, supplierId);
        if (s == null) {
            s = new SupplierSettings();
            s.supplierId = supplierId;
            s.settlementCurrency = currency;
            s.updatedAt = clock.instant();
            em.persist(s);
        } else {
            s.settlementCurrency = currency;
            s.updatedAt = clock.instant();
        }
    }
}
