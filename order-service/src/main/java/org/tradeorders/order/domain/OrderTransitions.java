package org.tradeorders.order.domain;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import org.tradeorders.platform.metrics.BusinessMetrics;

/**
 * Counts orders by kind and the state they moved into ({@code tradeorders.orders.transitions}), on
 * the write itself, so every path that changes an order's state is counted, once its transaction
 * commits. A JPA listener is not a CDI bean, hence the lookup.
 */
public class OrderTransitions {

    @PostLoad
    void loaded(Order order) {
        order.recordedState = order.state;
    }

    @PostPersist
    @PostUpdate
    void written(Order order) {
        if (order.state != order.recordedState) {
            CDI.current().select(BusinessMetrics.class).get().count("tradeorders.orders.transitions",
                    "kind", order.kind.name(), "state", order.state.name());
            order.recordedState = order.state;
        }
    }
}
