package org.tradeorders.order.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.OrderState;
import org.tradeorders.order.domain.Party;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;

/** The order lists: one party's orders (or all, for operators), filtered, newest first, in pages. */
@ApplicationScoped
public class OrderQueries {
    @Inject
    EntityManager em;

    /**
     * What a list asks for; a null field does not filter. {@code createdBefore} is exclusive.
     * {@code supplierId}/{@code buyerId} scope the list to a party's orders.
     */
    public record OrderFilter(String supplierId, String buyerId, OrderState state, OrderKind kind, Party initiator,
            Instant createdFrom, Instant createdBefore) {

        Predicate[] on(CriteriaBuilder cb, Root<Order> o) {
            List<Predicate> where = new ArrayList<>();
            equal(cb, o, "supplierId", supplierId, where);
            equal(cb, o, "buyerId", buyerId, where);
            equal(cb, o, "state", state, where);
            equal(cb, o, "kind", kind, where);
            equal(cb, o, "initiator", initiator, where);
            if (createdFrom != null) {
                where.add(cb.greaterThanOrEqualTo(o.get("createdAt"), createdFrom));
            }
            if (createdBefore != null) {
                where.add(cb.lessThan(o.get("createdAt"), createdBefore));
            }
            return where.toArray(Predicate[]::new);
        }

        private static void equal(CriteriaBuilder cb, Root<Order> o, String field, Object value, List<Predicate> where) {
            if (value != null) {
                where.add(cb.equal(o.get(field), value));
            }
        }
    }

    public Page<Order> orders(OrderFilter filter, PageRequest page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Order> rows = cb.createQuery(Order.class);
        Root<Order> o = rows.from(Order.class);
        rows.where(filter.on(cb, o)).orderBy(cb.desc(o.get("createdAt")), cb.asc(o.get("id")));
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Order> c = count.from(Order.class);
        count.select(cb.count(c)).where(filter.on(cb, c));
        return page.of(em.createQuery(rows), em.createQuery(count).getSingleResult());
    }
}
