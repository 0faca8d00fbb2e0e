package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderState.*;
import static org.tradeorders.order.domain.OrderTrigger.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Trade Assurance order lifecycle as one explicit transition table. Every state change of an
 * order goes through {@link #next}; anything not in the table is refused.
 */
public final class OrderStateMachine {

    private static final Map<OrderState, Map<OrderTrigger, OrderState>> TRANSITIONS = new EnumMap<>(OrderState.class);

    static {
        on(DRAFT, SUBMIT, AWAITING_CONFIRMATION);
        on(DRAFT, CANCEL, CANCELLED);

        on(AWAITING_CONFIRMATION, CONFIRM, AWAITING_CREDIT);
        on(AWAITING_CONFIRMATION, REQUEST_MODIFICATION, DRAFT);
        on(AWAITING_CONFIRMATION, CANCEL, CANCELLED);
        on(AWAITING_CONFIRMATION, CONFIRMATION_TIMEOUT, CANCELLED);

        on(AWAITING_CREDIT, CREDIT_RESERVED, AWAITING_PAYMENT);
        on(AWAITING_CREDIT, CREDIT_REJECTED, DRAFT);

        on(AWAITING_PAYMENT, INITIAL_PAYMENT_COVERED, IN_PRODUCTION);
        on(AWAITING_PAYMENT, CANCEL, CANCELLED);
        on(AWAITING_PAYMENT, PAYMENT_TIMEOUT, CANCELLED);

        on(IN_PRODUCTION, SHIP, SHIPPED);
        on(IN_PRODUCTION, REFUND_BEFORE_SHIPMENT, CANCELLED);

        on(SHIPPED, CONFIRM_RECEIPT, COMPLETED);
        on(SHIPPED, RECEIPT_TIMEOUT, COMPLETED);
    }

    private OrderStateMachine() {
    }

    private static void on(OrderState from, OrderTrigger trigger, OrderState to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(OrderTrigger.class)).put(trigger, to);
    }

    public static Optional<OrderState> next(OrderState from, OrderTrigger trigger) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(from, Map.of()).get(trigger));
    }

    public static Map<OrderTrigger, OrderState> allowedFrom(OrderState from) {
        return TRANSITIONS.getOrDefault(from, Map.of());
    }
}
