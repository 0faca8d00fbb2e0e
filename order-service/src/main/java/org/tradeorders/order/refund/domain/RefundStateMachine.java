package org.tradeorders.order.refund.domain;

import static org.tradeorders.order.refund.domain.RefundState.*;
import static org.tradeorders.order.refund.domain.RefundTrigger.*;

import java.util.Map;
import java.util.Optional;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.platform.domain.TransitionTable;

/**
 * A refund case's life as one explicit transition table per kind of order. Trade Assurance is
 * protected: the buyer may escalate, an operator decides. e-Collection is trust-based (its refund
 * portal): only the supplier's acceptance makes a refund happen, and a refusal is final.
 */
public final class RefundStateMachine {
    private static final TransitionTable<OrderKind, RefundState, RefundTrigger> TABLE =
            new TransitionTable<>(OrderKind.class, RefundState.class, RefundTrigger.class);

    static {
        OrderKind ta = OrderKind.TRADE_ASSURANCE;
        for (RefundState negotiating : new RefundState[] {REQUESTED, COUNTER_OFFERED, REJECTED}) {
            on(ta, negotiating, REVISE, REQUESTED);
            on(ta, negotiating, WITHDRAW, WITHDRAWN);
            on(ta, negotiating, ESCALATE, ESCALATED);
            on(ta, negotiating, AUTO_ESCALATE, ESCALATED);
        }
        on(ta, REQUESTED, ACCEPT, AGREED);
        on(ta, REQUESTED, REJECT, REJECTED);
        on(ta, REQUESTED, COUNTER_OFFER, COUNTER_OFFERED);
        on(ta, COUNTER_OFFERED, ACCEPT_COUNTER_OFFER, AGREED);
        on(ta, ESCALATED, DECIDE_REFUND, DECIDED);
        on(ta, ESCALATED, DECIDE_NO_REFUND, CLOSED);
        on(ta, ESCALATED, WITHDRAW, WITHDRAWN);
        on(ta, AGREED, PAY, PAID);
        on(ta, DECIDED, PAY, PAID);

        OrderKind ec = OrderKind.E_COLLECTION;
        on(ec, REQUESTED, ACCEPT, AGREED);
        on(ec, REQUESTED, REJECT, REJECTED);
        on(ec, REQUESTED, REVISE, REQUESTED);
        on(ec, REQUESTED, WITHDRAW, WITHDRAWN);
        on(ec, AGREED, PAY, PAID);
    }

    private RefundStateMachine() {
    }

    private static void on(OrderKind kind, RefundState from, RefundTrigger trigger, RefundState to) {
        TABLE.on(kind, from, trigger, to);
    }

    public static Optional<RefundState> next(OrderKind kind, RefundState from, RefundTrigger trigger) {
        return TABLE.next(kind, from, trigger);
    }

    public static Map<RefundTrigger, RefundState> allowedFrom(OrderKind kind, RefundState from) {
        return TABLE.allowedFrom(kind, from);
    }

    /** A case is open while anything can still happen to it; at most one open case per order. */
    public static boolean isOpen(OrderKind kind, RefundState state) {
        return !allowedFrom(kind, state).isEmpty();
    }

    /** The state {@code trigger} moves case {@code id} to, or the refusal naming the states that allow it. */
    static RefundState require(OrderKind kind, RefundState from, RefundTrigger trigger, String id) {
        return TABLE.require(kind, from, trigger, "refund case " + id);
    }
}
