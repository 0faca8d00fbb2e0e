package org.tradeorders.payment.collection.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.time.Timestamps;

/** What a supplier reads of its remittances: each one, its list, their associations, and match suggestions. */
@ApplicationScoped
public class RemittanceQueries {
    @Inject
    EntityManager em;
    @Inject
    ECollectionRules rules;

    public Remittance of(String remittanceId) {
        Remittance m = em.find(Remittance.class, remittanceId);
        if (m == null) {
            throw ProblemException.notFound("remittance", remittanceId);
        }
        return m;
    }

    /** A supplier's remittances, newest first; {@code unassociatedOnly}: those with something left to associate. */
    public Page<Remittance> ofSupplier(String supplierId, boolean unassociatedOnly, PageRequest page) {
        String where = "from Remittance where supplierId = ?1" + (unassociatedOnly ? " and associated < amount" : "");
        long total = em.createQuery("select count(*) " + where, Long.class).setParameter(1, supplierId).getSingleResult();
        return page.of(em.createQuery(where + " order by receivedAt desc, id", Remittance.class)
                .setParameter(1, supplierId), total);
    }

    @SuppressWarnings("unchecked")
    public List<Remittances.Association> associations(String column, String id) {
        List<Object[]> rows = em.createNativeQuery("""
                select a.id, a.remittance_id, a.order_id, a.amount, a.bank_fee_share, a.associated_by, a.associated_at, r.currency
                from remittance_association a join remittance r on r.id = a.remittance_id
                where a.%s = ?1 and a.undone_at is null order by a.associated_at, a.id""".formatted(column)).setParameter(1, id)
                .getResultList();
        return rows.stream().map(r -> new Remittances.Association((String) r[0], (String) r[1], (String) r[2],
                new Money((BigDecimal) r[3], ((String) r[7]).trim()), new Money((BigDecimal) r[4], ((String) r[7]).trim()),
                (String) r[5], Timestamps.toInstant(r[6]))).toList();
    }

    /** Suggested orders for what is left of a remittance: the supplier's open orders, best match first. */
    public List<MatchSuggestions.Suggestion> suggestions(Remittance m) {
        List<CollectionAccount> open = em.createQuery("""
                from CollectionAccount where supplierId = ?1 and closedAt is null and associated < total
                order by openedAt desc""", CollectionAccount.class).setParameter(1, m.supplierId).getResultList();
        return MatchSuggestions.rank(m, open, rules.maxSuggestions());
    }
}
