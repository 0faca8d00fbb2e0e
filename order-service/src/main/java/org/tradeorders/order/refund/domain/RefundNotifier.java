package org.tradeorders.order.refund.domain;

import org.tradeorders.order.domain.Order;

/** What a refund case tells the party who must act next, with the due time as an absolute instant. */
public interface RefundNotifier {
    /** To the supplier: answer by the case's response due time. */
    void requested(RefundCase c, Order order);

    /** To the buyer: the supplier's answer. */
    void responded(RefundCase c, Order order);

    /** To both: the refund is agreed or decided, and to be paid. */
    void settled(RefundCase c, Order order);

    /** To both: the refund was paid to the buyer. */
    void paid(RefundCase c, Order order);

    /** To both: evidence until the case's evidence due time, then an operator decides. */
    void escalated(RefundCase c, Order order);
}
