package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderState.*;
import static org.tradeorders.order.domain.OrderTrigger.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each order kind's lifecycle as one explicit transition table. Every state change of an order goes
 * through {@link #next}; anything not in its kind's table is refused.
 */
public final class OrderStateMachine {

    private static final Map<OrderKind, Map<OrderState, Map<OrderTrigger, OrderState>>> TABLES = new EnumMap<>(OrderKind.class);

    static {
        // Trade Assurance: "who initiates, the other confirms"; credit is reserved; paid through links.
        OrderKind ta = OrderKind.TRADE_ASSURANCE;
        on(ta, DRAFT, SUBMIT, AWAITING_CONFIRMATION);
        on(ta, DRAFT, CANCEL, CANCELLED);

        on(ta, AWAITING_CONFIRMATION, CONFIRM, AWAITING_CREDIT);
        on(ta, AWAITING_CONFIRMATION, REQUEST_MODIFICATION, DRAFT);
        on(ta, AWAITING_CONFIRMATION, CANCEL, CANCELLED);
        on(ta, AWAITING_CONFIRMATION, CONFIRMATION_TIMEOUT, CANCELLED);

        on(ta, AWAITING_CREDIT, CREDIT_RESERVED, AWAITING_PAYMENT);
        on(ta, AWAITING_CREDIT, CREDIT_REJECTED, DRAFT);

        on(ta, AWAITING_PAYMENT, INITIAL_PAYMENT_COVERED, IN_PRODUCTION);
        on(ta, AWAITING_PAYMENT, CANCEL, CANCELLED);
        on(ta, AWAITING_PAYMENT, PAYMENT_TIMEOUT, CANCELLED);

        on(ta, IN_PRODUCTION, SHIP, SHIPPED);
        on(ta, IN_PRODUCTION, REFUND_BEFORE_SHIPMENT, CANCELLED);

        on(ta, SHIPPED, CONFIRM_RECEIPT, COMPLETED);
        on(ta, SHIPPED, RECEIPT_TIMEOUT, COMPLETED);

        // e-Collection: the supplier drafts; the buyer confirms the payment details through the payment
        // reminder; remittances associated by the supplier pay it. No credit is involved.
        OrderKind ec = OrderKind.E_COLLECTION;
        on(ec, DRAFT, SUBMIT, AWAITING_CONFIRMATION);
        on(ec, DRAFT, CANCEL, CANCELLED);

        on(ec, AWAITING_CONFIRMATION, CONFIRM, AWAITING_REMITTANCE);
        on(ec, AWAITING_CONFIRMATION, REQUEST_MODIFICATION, DRAFT);
        on(ec, AWAITING_CONFIRMATION, CANCEL, CANCELLED);

        on(ec, AWAITING_REMITTANCE, REMITTANCE_COVERED, PAID);
        on(ec, AWAITING_REMITTANCE, CANCEL, CANCELLED);

        on(ec, PAID, SHIP, SHIPPED);

        on(ec, SHIPPED, CONFIRM_RECEIPT, COMPLETED);
        on(ec, SHIPPED, RECEIPT_TIMEOUT, COMPLETED);
    }

    private OrderStateMachine() {
    }

    private static void on(OrderKind kind, OrderState from, OrderTrigger trigger, OrderState to) {
        TABLES.computeIfAbsent(kind, k -> new EnumMap<>(OrderState.class))
                .computeIfAbsent(from, s -> new EnumMap<>(OrderTrigger.class)).put(trigger, to);
    }

    public static Optional<OrderState> next(OrderKind kind, OrderState from, OrderTrigger trigger) {
        return Optional.ofNullable(allowedFrom(kind, from).get(trigger));
    }

    public static Map<OrderTrigger, OrderState> allowedFrom(OrderKind kind, OrderState from) {
        return TABLES.getOrDefault(kind, Map.of()).getOrDefault(from, Map.of());
    }

    /** The states an order of this kind can be in. */
    public static Set<OrderState> statesOf(OrderKind kind) {
        Set<OrderState> states = EnumSet.noneOf(OrderState.class);
        TABLES.get(kind).forEach((from, moves) -> {
            states.add(from);
            states.addAll(moves.values());
        });
        return states;
    }
}
