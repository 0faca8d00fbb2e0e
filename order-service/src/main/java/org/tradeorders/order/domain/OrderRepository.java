package org.tradeorders.order.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.tradeorders.platform.persistence.RowLock;
import org.tradeorders.platform.problem.ProblemException;

/** The orders, each change under its row lock: the aggregate's repository, kept with it. */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, String> {

    /**
     * Every change locks the order row: one order's changes (and so its events) are strictly
     * sequential. The order has element collections, so the lock is taken by {@link RowLock}.
     */
    public Optional<Order> findForUpdate(String id) {
        return Optional.ofNullable(RowLock.find(getEntityManager(), Order.class, "trade_order", "id", id));
    }

    /** The order a party acts on, locked; 404 if there is none. */
    public Order lock(String id) {
        return findForUpdate(id).orElseThrow(() -> ProblemException.notFound("order", id));
    }

    /**
     * The order a party acts on, locked only if {@code company} is its supplier or its buyer: 404 for
     * another company's order as for one that does not exist, and its row is not locked.
     */
    public Order lockAsParty(String id, String company) {
        Order own = RowLock.findIf(getEntityManager(), Order.class, "trade_order", "id", id,
                "supplier_id = ?2 or buyer_id = ?2", company);
        if (own == null) {
            throw ProblemException.notFound("order", id);
        }
        return own;
    }

    /** The order another service's event or a timer is about, locked; null if there is none (nothing to do). */
    public Order lockIfPresent(String id) {
        return id == null ? null : findForUpdate(id).orElse(null);
    }
}
