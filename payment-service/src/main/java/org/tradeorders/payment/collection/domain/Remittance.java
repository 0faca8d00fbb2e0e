package org.tradeorders.payment.collection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import org.tradeorders.platform.money.Money;

/**
 * An inbound remittance a bank reported to a collection account: {@code amount} as the buyer remitted
 * it, of which the banks deducted {@code bankFees} before crediting it. The supplier associates it,
 * in parts, with its orders; never beyond its amount.
 */
@Entity
@Table(name = "remittance")
public class Remittance {
    @Id
    public String id;
    /** the bank's own reference (unique per reporting adapter): a report repeated with it has no second effect */
    @Column(name = "bank_reference", nullable = false)
    public String bankReference;
    /** the bank adapter (company of its token) that reported it */
    @Column(name = "reported_by", nullable = false)
    public String reportedBy;
    @Column(name = "collection_account", nullable = false)
    public String collectionAccount;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(name = "bank_fees", nullable = false, precision = 19, scale = 4)
    public BigDecimal bankFees;
    @Column(name = "remitter_name", nullable = false)
    public String remitterName;
    @Column(name = "reference_text")
    public String referenceText;
    @Column(name = "value_date", nullable = false)
    public LocalDate valueDate;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal associated = BigDecimal.ZERO;
    /** bank fees passed on with the associations so far */
    @Column(name = "fees_allocated", nullable = false, precision = 19, scale = 4)
    public BigDecimal feesAllocated = BigDecimal.ZERO;
    @Version
    public long version;

    public Money money(BigDecimal value) {
        return new Money(value, currency);
    }

    /** Not yet associated with any order. */
    public BigDecimal unassociated() {
        return amount.subtract(associated);
    }

    /** What the bank credited: the amount less its fees. */
    public BigDecimal credited() {
        return amount.subtract(bankFees);
    }

    /**
     * The share of the bank fees that goes with associating {@code part}: proportional, rounded to the
     * currency; the association that uses up the remittance takes what is left, so the shares add up
     * exactly to the fees.
     */
    public BigDecimal feeShareOf(BigDecimal part) {
        if (associated.add(part).compareTo(amount) == 0) {
            return bankFees.subtract(feesAllocated);
        }
        BigDecimal share = bankFees.multiply(part).divide(amount, Money.scaleOf(currency), RoundingMode.HALF_EVEN);
        return share.min(bankFees.subtract(feesAllocated));
    }
}
