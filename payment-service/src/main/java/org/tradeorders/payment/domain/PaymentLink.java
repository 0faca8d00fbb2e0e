package org.tradeorders.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.tradeorders.platform.money.Money;

/** One installment's payment link: an unguessable token that lets the buyer pay exactly that amount until it expires. */
@Entity
@Table(name = "payment_link")
public class PaymentLink {
    @Id
    public String id;
    @Column(nullable = false, unique = true)
    public String token;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Column(name = "installment_seq", nullable = false)
    public int installmentSeq;
    @Column(name = "installment_name", nullable = false)
    public String installmentName;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    /** applied to this installment so far (partial payments accumulate) */
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal paid = BigDecimal.ZERO;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LinkStatus status;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Money amountDue() {
        return new Money(amount, currency);
    }

    public Money paidSoFar() {
        return new Money(paid, currency);
    }

    public Money outstanding() {
        return new Money(amount.subtract(paid), currency);
    }
}
