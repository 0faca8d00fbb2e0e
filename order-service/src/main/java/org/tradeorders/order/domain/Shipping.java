package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.tradeorders.platform.outbox.Outbox;

/**
 * An order in production until it ships: the shipment deadline, its extension by agreement (the
 * supplier proposes, the buyer answers), its reminder and its passing, and the complete shipment
 * that fulfillment-service reports.
 */
@ApplicationScoped
public class Shipping {
    private static final Logger LOG = Logger.getLogger(Shipping.class);

    @Inject
    OrderRepository orders;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    OrderRules rules;
    @Inject
    OrderDeadlines deadlines;
    @Inject
    OrderNotifier notify;

    /** The supplier proposes to extend the shipment deadline; the total never exceeds order.max-shipment-extension. */
    @Transactional
    public Order proposeShipmentExtension(String orderId, int days) {
        Order order = orders.lock(orderId);
        order.proposeShipmentExtension(days, rules.maxShipmentExtension().toDays(), clock.instant());
        outbox.append(SHIPMENT_EXTENSION_PROPOSED, order.id, ShipmentExtensionProposed.of(order));
        return order;
    }

    /** The buyer accepts (the deadline and its timers move) or declines (they stay) the supplier's proposal. */
    @Transactional
    public Order answerShipmentExtension(String orderId, boolean accept) {
        Order order = orders.lock(orderId);
        int days = order.answerShipmentExtension(accept, clock.instant());
        if (days > 0) {
            deadlines.shipmentDeadline(order);
            outbox.append(SHIPMENT_DEADLINE_EXTENDED, order.id, ShipmentDeadlineExtended.of(order, days));
        }
        return order;
    }

    /** A reminder before the shipment deadline. */
    public void shipmentDeadlineApproaching(String orderId) {
        Order order = orders.lockIfPresent(orderId);
        if (order != null && order.state.awaitsShipment()) {
            outbox.append(SHIPMENT_DEADLINE_APPROACHING, order.id, ShipmentDeadlineApproaching.of(order));
            notify.shipmentDeadlineApproaching(order);
        }
    }

    /** The shipment deadline passed without a shipment. */
    public void shipmentOverdue(String orderId) {
        Order order = orders.lockIfPresent(orderId);
        if (order != null && order.state.awaitsShipment()) {
            outbox.append(SHIPMENT_OVERDUE, order.id, ShipmentOverdue.of(order));
        }
    }

    /** fulfillment-service accepted a shipment; a complete one ships the order and opens the receiving window. */
    public void shipmentSubmitted(String shipmentId, String orderId, boolean complete) {
        Order order = orders.lockIfPresent(orderId);
        if (order == null || !complete || !order.canApply(OrderTrigger.SHIP)) {
            LOG.infof("shipment %s of order %s does not ship the order (complete=%s, state=%s)", shipmentId,
                    orderId, complete, order == null ? "unknown" : order.state);
            return;
        }
        order.ship(rules.receivingWindow(), clock.instant());
        deadlines.shipped(order);
        outbox.append(ORDER_SHIPPED, order.id, OrderShipped.of(order, shipmentId));
    }
}
