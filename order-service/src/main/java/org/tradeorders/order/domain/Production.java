package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderEvents.ORDER_READY_TO_SHIP;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.tradeorders.order.domain.OrderEvents.OrderReadyToShip;
import org.tradeorders.platform.outbox.Outbox;

/**
 * Production starts when what is due before it is paid (Trade Assurance: the initial payment;
 * e-Collection: the remittances cover the total): the shipment deadline runs from then. Fulfilment
 * may ship once everything due before shipment is paid too, which is announced once.
 */
@ApplicationScoped
public class Production {
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    OrderDeadlines deadlines;

    /** The order moves by {@code trigger} (its kind's "paid enough") and its shipment deadline starts to run. */
    void start(Order order, OrderTrigger trigger) {
        order.startProduction(trigger, clock.instant());
        deadlines.shipmentDeadline(order);
    }

    /** OrderReadyToShip, the first time the order may ship. */
    void announceReadyToShip(Order order) {
        if (order.becomesReadyToShip()) {
            outbox.append(ORDER_READY_TO_SHIP, order.id, OrderReadyToShip.of(order));
        }
    }
}
