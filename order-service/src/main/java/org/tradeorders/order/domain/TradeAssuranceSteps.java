package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderEvents.ORDER_CONFIRMED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tradeorders.order.domain.OrderEvents.OrderConfirmed;
import org.tradeorders.platform.outbox.Outbox;

/**
 * Trade Assurance at the shared steps: the counterparty is told to confirm; once confirmed,
 * OrderConfirmed asks credit-limit-service to reserve the supplier's credit ({@link Payments} goes on).
 */
@ApplicationScoped
public class TradeAssuranceSteps implements OrderKindSteps {
    @Inject
    Outbox outbox;
    @Inject
    OrderDeadlines deadlines;
    @Inject
    OrderNotifier notify;

    @Override
    public OrderKind kind() {
        return OrderKind.TRADE_ASSURANCE;
    }

    @Override
    public void submitted(Order order) {
        notify.sentForConfirmation(order);
    }

    @Override
    public void confirmed(Order order, Party by) {
        deadlines.confirmationAnswered(order);
        outbox.append(ORDER_CONFIRMED, order.id, OrderConfirmed.of(order, by));
        notify.confirmed(order, by);
    }
}
