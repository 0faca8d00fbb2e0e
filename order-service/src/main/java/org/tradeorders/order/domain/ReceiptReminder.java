package org.tradeorders.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** order.receiving-window-reminder-before the receiving window ends, the buyer is reminded. */
@ApplicationScoped
public class ReceiptReminder implements DeadlineHandler {
    @Inject
    OrderWorkflow workflow;

    @Override
    public String kind() {
        return OrderWorkflow.RECEIPT_REMINDER;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        workflow.receivingWindowClosing(orderId);
    }
}
