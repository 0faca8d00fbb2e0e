package org.tradeorders.order.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.order.domain.Negotiation;
import org.tradeorders.order.domain.OrderDeadlines;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** Fires when an order awaiting payment reaches order.unpaid-cancel-after without its initial payment. */
@ApplicationScoped
public class UnpaidOrderTimeout implements DeadlineHandler {
    @Inject
    Negotiation negotiation;

    @Override
    public String kind() {
        return OrderDeadlines.PAYMENT_TIMEOUT;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        negotiation.paymentTimedOut(orderId);
    }
}
