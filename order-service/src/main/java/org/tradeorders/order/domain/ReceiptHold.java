package org.tradeorders.order.domain;

/**
 * Whether something holds an order's automatic receipt confirmation at the end of its receiving
 * window: an open dispute that the goods never arrived does (shared/domain.md), until it is resolved.
 * The refund room implements it; the order's domain only asks.
 */
public interface ReceiptHold {
    boolean holds(String orderId);
}
