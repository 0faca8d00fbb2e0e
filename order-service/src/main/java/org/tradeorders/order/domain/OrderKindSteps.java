package org.tradeorders.order.domain;

/**
 * What one kind of order does at the steps all kinds share, chosen by the order's kind (see
 * {@link Negotiation}): Trade Assurance reserves credit after confirmation, e-Collection sends the
 * buyer a payment reminder and awaits remittances; a Ready-to-Ship order will add its own. Each
 * step runs inside the transaction of the change that caused it.
 */
public interface OrderKindSteps {
    OrderKind kind();

    /** The order was submitted to the counterparty. */
    void submitted(Order order);

    /** The counterparty confirmed the order's current version ({@code by} is that party). */
    void confirmed(Order order, Party by);
}
