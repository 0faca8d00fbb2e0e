package org.tradeorders.payment.ledger.domain;

/** Why money moved: every journal entry is one of these. */
public enum EntryType {
    /** a buyer paid through a channel: cash in, into clearing (and the buyer's surcharge as fee revenue) */
    BUYER_PAYMENT,
    /** the buyer pays later: the platform advances it and the buyer owes it */
    PAY_LATER_ADVANCE,
    /** the buyer repays a pay-later advance: cash in, its receivable cleared */
    PAY_LATER_REPAID,
    /** clearing to what it is for: the supplier's pending balance, and an overpayment to the buyer's credit */
    PAYMENT_ALLOCATED,
    /** the order shipped: the supplier's pending money becomes available, less the service fee */
    FUNDS_SETTLED,
    /** e-Collection: a bank credited a remittance to a collection account: cash in, into clearing until associated */
    REMITTANCE_RECEIVED,
    /** e-Collection: the supplier associated (part of) a remittance with an order: clearing to its pending balance */
    REMITTANCE_ASSOCIATED,
    /** e-Collection: an association undone because its order was cancelled: pending back to clearing */
    REMITTANCE_ASSOCIATION_UNDONE,
    /** a supplier withdrew available money to its bank account */
    WITHDRAWAL,
    /** an agreed or decided refund paid to the buyer from the supplier's money for the order (pending, then available) */
    REFUND_PAID,
    /** Trade Assurance: the supplier's money fell short of a refund: the platform paid the rest, the supplier owes it */
    ADVANCE_COMPENSATION,
    /** an advance compensation recovered from the supplier's next settlement, before it can be withdrawn */
    ADVANCE_RECOVERED,
}
