package org.tradeorders.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** Fires when the supplier has not confirmed a buyer-initiated order within order.supplier-confirmation-timeout. */
@ApplicationScoped
public class ConfirmationTimeout implements DeadlineHandler {
    @Inject
    OrderWorkflow workflow;

    @Override
    public String kind() {
        return OrderWorkflow.CONFIRMATION_TIMEOUT;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        workflow.confirmationTimedOut(orderId);
    }
}
