package org.tradeorders.order.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.order.domain.OrderDeadlines;
import org.tradeorders.order.domain.Receipt;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** A balance due N days after shipment fell due: an unpaid one is announced as overdue. */
@ApplicationScoped
public class BalanceDueTimer implements DeadlineHandler {
    @Inject
    Receipt receipt;

    @Override
    public String kind() {
        return OrderDeadlines.BALANCE_DUE;
    }

    @Override
    public void fire(String orderId, Instant dueAt) {
        receipt.balanceFellDue(orderId);
    }
}
