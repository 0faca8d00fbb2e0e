package org.tradeorders.platform.identity;

/** The roles a caller's JWT carries in its {@code groups} claim. */
public final class Roles {
    public static final String BUYER = "buyer";
    public static final String SUPPLIER = "supplier";
    public static final String OPERATOR = "operator";
    /** A payment channel adapter (card acquirer, bank, wallet): reports money it collected; company = the adapter. */
    public static final String PAYMENT_CHANNEL = "payment-channel";
    /** A bank adapter (simulated in dev, a real feed in prod): reports inbound remittances to collection accounts. */
    public static final String BANK_ADAPTER = "bank-adapter";
    /** A carrier adapter (a carrier's feed or a tracking aggregator): reports tracking events; company = the adapter. */
    public static final String CARRIER_ADAPTER = "carrier-adapter";

    /** The claim naming the caller's company: every ownership check compares against it. */
    public static final String COMPANY_CLAIM = "company_id";

    private Roles() {
    }
}
