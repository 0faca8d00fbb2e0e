package org.tradeorders.credit.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.tradeorders.platform.invariants.Invariant;

/**
 * Every line's reserved amount is the sum of its active reservations, and never above its limit,
 * unless an operator or a penalty lowered the limit below what was already reserved (lowered limits
 * keep reservations; nothing new is reserved until they end).
 */
@ApplicationScoped
public class ReservationsAddUp implements Invariant {
    @Inject
    EntityManager em;

    @Override
    public String name() {
        return "reservations-add-up";
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> violations() {
        List<Object[]> rows = em.createNativeQuery("""
                select l.supplier_id, l.reserved_usd, l.limit_usd, coalesce(r.active, 0),
                       exists (select 1 from credit_limit_change c where c.supplier_id = l.supplier_id
                               and c.old_limit is not null and c.new_limit < c.old_limit)
                from credit_line l
                left join (select supplier_id, sum(amount_usd) active from credit_reservation
                           where status = 'ACTIVE' group by supplier_id) r on r.supplier_id = l.supplier_id
                where l.reserved_usd <> coalesce(r.active, 0) or l.reserved_usd > l.limit_usd""").getResultList();
        return rows.stream().filter(r -> ((BigDecimal) r[1]).compareTo((BigDecimal) r[3]) != 0 || !(Boolean) r[4])
                .map(r -> "credit line " + r[0] + ": reserved " + r[1] + " USD, active reservations " + r[3]
                        + " USD, limit " + r[2] + " USD")
                .toList();
    }
}
