package org.tradeorders.order.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.order.domain.OrderDeadlines;
import org.tradeorders.order.domain.Receipt;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** order.receiving-window-reminder-before the receiving window ends, the buyer is reminded. */
@ApplicationScoped
public class ReceiptReminder implements DeadlineHandler {
    @Inject
    Receipt receipt;

    @Override
    public String kind() {
        return OrderDeadlines.RECEIPT_REMINDER;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        receipt.receivingWindowClosing(orderId);
    }
}
