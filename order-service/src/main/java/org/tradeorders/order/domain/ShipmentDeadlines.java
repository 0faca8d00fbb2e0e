package org.tradeorders.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** The shipment deadline's two timers: a reminder before it, and ShipmentOverdue when it passes. */
public final class ShipmentDeadlines {
    private ShipmentDeadlines() {
    }

    @ApplicationScoped
    public static class Reminder implements DeadlineHandler {
        @Inject
        OrderWorkflow workflow;

        @Override
        public String kind() {
            return OrderWorkflow.SHIPMENT_REMINDER;
        }

        @Override
        public void fire(String orderId, Instant dueAt) {
            workflow.shipmentDeadlineApproaching(orderId);
        }
    }

    @ApplicationScoped
    public static class Overdue implements DeadlineHandler {
        @Inject
        OrderWorkflow workflow;

        @Override
        public String kind() {
            return OrderWorkflow.SHIPMENT_DUE;
        }

        @Override
        public void fire(String orderId, Instant dueAt) {
            workflow.shipmentOverdue(orderId);
        }
    }
}
