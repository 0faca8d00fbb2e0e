package org.tradeorders.payment.ledger.domain;

/**
 * The kinds of ledger account. Assets are debit-normal; what the platform owes (clearing, suppliers'
 * and buyers' balances) and its revenue are credit-normal.
 */
public enum AccountKind {
    /** money the platform holds at its banks and payment channels */
    PLATFORM_CASH(true),
    /** money owed to the platform by a buyer who pays later */
    BUYER_RECEIVABLE(true),
    /** advance compensation: what the platform refunded for a supplier beyond its balance, owed back */
    SUPPLIER_RECEIVABLE(true),
    /** received, not yet assigned to an order: in flight (e.g. a remittance not yet associated) */
    PLATFORM_CLEARING(false),
    /** a supplier's money received for orders that have not shipped yet: not withdrawable */
    SUPPLIER_PENDING(false),
    /** a supplier's withdrawable money */
    SUPPLIER_AVAILABLE(false),
    /** a buyer's overpayments, kept for the buyer */
    BUYER_CREDIT(false),
    /**
     * the platform's position per currency from converting suppliers' money to their settlement
     * currency: what it took in one currency and paid out in another
     */
    FX_POSITION(true),
    /** fees the platform earned */
    FEE_REVENUE(false);

    public final boolean debitNormal;

    AccountKind(boolean debitNormal) {
        this.debitNormal = debitNormal;
    }
}
