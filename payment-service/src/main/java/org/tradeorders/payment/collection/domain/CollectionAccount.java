package org.tradeorders.payment.collection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.tradeorders.platform.money.Money;

/**
 * An e-Collection order's own collection account (a virtual account number the buyer remits to), and
 * how much of the order remittances paid so far.
 */
@Entity
@Table(name = "collection_account")
public class CollectionAccount {
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "account_number", nullable = false)
    public String accountNumber;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    /** the buyer's company name on the proforma invoice: compared with remitter names */
    @Column(name = "buyer_name")
    public String buyerName;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal total;
    /** the total plus the bank-fee tolerance: never associated beyond */
    @Column(name = "association_cap", nullable = false, precision = 19, scale = 4)
    public BigDecimal associationCap;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal associated = BigDecimal.ZERO;
    @Column(name = "buyer_confirmed_at")
    public Instant buyerConfirmedAt;
    /** the order was cancelled: nothing more is associated with it */
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
    @Version
    public long version;

    public Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    /** The associated remittances cover the order's total. */
    public boolean covered() {
        return associated.compareTo(total) >= 0;
    }

    /** What is still to pay (zero once covered). */
    public BigDecimal outstanding() {
        return total.subtract(associated).max(BigDecimal.ZERO);
    }

    /** What may still be associated: up to the cap. */
    public BigDecimal room() {
        return associationCap.subtract(associated);
    }
}
