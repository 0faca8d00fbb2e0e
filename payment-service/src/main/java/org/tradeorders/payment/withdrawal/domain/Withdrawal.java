package org.tradeorders.payment.withdrawal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.tradeorders.platform.money.Money;

/** A supplier's withdrawal of available money to its bank account. */
@Entity
@Table(name = "withdrawal")
public class Withdrawal {
    @Id
    public String id;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(name = "bank_account", nullable = false)
    public String bankAccount;
    /** PAID: the bank payout is simulated and immediate here; a bank adapter will report it. */
    @Column(nullable = false)
    public String status;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    /** the request's Idempotency-Key, if it had one */
    @Column(name = "request_key")
    public String requestKey;

    public Money money() {
        return new Money(amount, currency);
    }
}
