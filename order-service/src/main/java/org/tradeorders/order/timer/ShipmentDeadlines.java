package org.tradeorders.order.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.order.domain.OrderDeadlines;
import org.tradeorders.order.domain.Shipping;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** The shipment deadline's two timers: a reminder before it, and ShipmentOverdue when it passes. */
public final class ShipmentDeadlines {
    private ShipmentDeadlines() {
    }

    @ApplicationScoped
    public static class Reminder implements DeadlineHandler {
        @Inject
        Shipping shipping;

        @Override
        public String kind() {
            return OrderDeadlines.SHIPMENT_REMINDER;
        }

        @Override
        public void fire(String orderId, Instant dueAt) {
            shipping.shipmentDeadlineApproaching(orderId);
        }
    }

    @ApplicationScoped
    public static class Overdue implements DeadlineHandler {
        @Inject
        Shipping shipping;

        @Override
        public String kind() {
            return OrderDeadlines.SHIPMENT_DUE;
        }

        @Override
        public void fire(String orderId, Instant dueAt) {
            shipping.shipmentOverdue(orderId);
        }
    }
}
