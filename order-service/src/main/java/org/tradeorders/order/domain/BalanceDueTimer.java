package org.tradeorders.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** A balance due N days after shipment fell due: an unpaid one is announced as overdue. */
@ApplicationScoped
public class BalanceDueTimer implements DeadlineHandler {
    @Inject
    OrderWorkflow workflow;

    @Override
    public String kind() {
        return OrderWorkflow.BALANCE_DUE;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        workflow.balanceFellDue(orderId);
    }
}
