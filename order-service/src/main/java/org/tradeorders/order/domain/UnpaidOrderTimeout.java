package org.tradeorders.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** Fires when an order awaiting payment reaches order.unpaid-cancel-after without its initial payment. */
@ApplicationScoped
public class UnpaidOrderTimeout implements DeadlineHandler {
    @Inject
    OrderWorkflow workflow;

    @Override
    public String kind() {
        return OrderWorkflow.PAYMENT_TIMEOUT;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        workflow.paymentTimedOut(orderId);
    }
}
