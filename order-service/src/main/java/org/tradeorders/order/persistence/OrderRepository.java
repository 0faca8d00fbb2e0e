package org.tradeorders.order.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.tradeorders.order.domain.Order;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, String> {

    /** Every change locks the order row: one order's changes (and so its events) are strictly sequential. */
    public Optional<Order> findForUpdate(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
