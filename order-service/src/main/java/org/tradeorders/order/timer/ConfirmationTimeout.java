package org.tradeorders.order.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.order.domain.Negotiation;
import org.tradeorders.order.domain.OrderDeadlines;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** Fires when the supplier has not confirmed a buyer-initiated order within order.supplier-confirmation-timeout. */
@ApplicationScoped
public class ConfirmationTimeout implements DeadlineHandler {
    @Inject
    Negotiation negotiation;

    @Override
    public String kind() {
        return OrderDeadlines.CONFIRMATION_TIMEOUT;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        negotiation.confirmationTimedOut(orderId);
    }
}
