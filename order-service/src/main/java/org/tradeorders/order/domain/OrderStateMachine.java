package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderState.*;
import static org.tradeorders.order.domain.OrderTrigger.*;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tradeorders.platform.domain.TransitionTable;

/**
 * Each order kind's lifecycle as one explicit transition table. Every state change of an order goes
 * through {@link #next}; anything not in its kind's table is refused.
 */
public final class OrderStateMachine {

    private static final TransitionTable<OrderKind, OrderState, OrderTrigger> TABLE =
            new TransitionTable<>(OrderKind.class, OrderState.class, OrderTrigger.class);

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
        TABLE.on(kind, from, trigger, to);
    }

    public static Optional<OrderState> next(OrderKind kind, OrderState from, OrderTrigger trigger) {
        return TABLE.next(kind, from, trigger);
    }

    public static Map<OrderTrigger, OrderState> allowedFrom(OrderKind kind, OrderState from) {
        return TABLE.allowedFrom(kind, from);
    }

    /** The states an order of this kind can be in. */
    public static Set<OrderState> statesOf(OrderKind kind) {
        return TABLE.statesOf(kind);
    }

    /** The state {@code trigger} moves order {@code id} to, or the refusal naming the states that allow it. */
    static OrderState require(OrderKind kind, OrderState from, OrderTrigger trigger, String id) {
        return TABLE.require(kind, from, trigger, "order " + id);
    }
}
