package org.tradeorders.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** Fires when a shipped order's receiving window ends: receipt is confirmed automatically. */
@ApplicationScoped
public class ReceiptTimeout implements DeadlineHandler {
    @Inject
    OrderWorkflow workflow;

    @Override
    public String kind() {
        return OrderWorkflow.RECEIPT_TIMEOUT;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        workflow.receiptTimedOut(orderId);
    }
}
