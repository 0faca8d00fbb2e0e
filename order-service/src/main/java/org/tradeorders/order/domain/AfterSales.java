package org.tradeorders.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * What the buyer hears after the goods left: the other services report it (the goods delivered, an
 * invitation to review),
 * order-service owns the buyer's address and tells the buyer. Runs in the consumed event's transaction.
 */
@ApplicationScoped
public class AfterSales {
    private static final Logger LOG = Logger.getLogger(AfterSales.class);

    @Inject
    OrderRepository orders;
    @Inject
    OrderNotifier notify;

    /** The carrier reported a shipment of the order delivered. */
    public void goodsDelivered(String orderId, String shipmentId, Instant deliveredAt, String location,
            boolean allShipmentsDelivered) {
        Order o = orders.findById(orderId);
        if (o == null) {
            LOG.warnf("delivery of shipment %s of unknown order %s ignored", shipmentId, orderId);
            return;
        }
        notify.goodsDelivered(o, shipmentId, deliveredAt, location, allShipmentsDelivered);
    }

    /** The supplier invited the buyer to review the order, before the review window closes. */
    public void reviewInvited(String orderId, Instant closesAt) {
        Order o = orders.findById(orderId);
        if (o == null) {
            LOG.warnf("review invitation for unknown order %s ignored", orderId);
            return;
        }
        notify.reviewInvited(o, closesAt);
    }
}
