package org.tradeorders.order.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.order.domain.OrderDeadlines;
import org.tradeorders.order.domain.Receipt;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** Fires when a shipped order's receiving window ends: receipt is confirmed automatically. */
@ApplicationScoped
public class ReceiptTimeout implements DeadlineHandler {
    @Inject
    Receipt receipt;

    @Override
    public String kind() {
        return OrderDeadlines.RECEIPT_TIMEOUT;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        receipt.receiptTimedOut(orderId);
    }
}
