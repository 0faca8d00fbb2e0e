package org.tradeorders.payment.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A ledger account; its id says what it is, e.g. {@code supplier:SUP-1:available:USD}. */
@Entity
@Table(name = "ledger_account")
public class Account {
    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountKind kind;
    @Column(name = "owner_id")
    public String ownerId;
    @Column(nullable = false, length = 3)
    public String currency;
    /** in the account's normal direction (see {@link AccountKind}) */
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal balance;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Which account, before it exists: kind, owner (null for the platform's own) and currency. */
    public record Ref(AccountKind kind, String ownerId, String currency) {
        public String id() {
            return switch (kind) {
                case PLATFORM_CASH -> "platform:cash:" + currency;
                case PLATFORM_CLEARING -> "platform:clearing:" + currency;
                case FEE_REVENUE -> "platform:fees:" + ownerId + ":" + currency;
                case FX_POSITION -> "platform:fx:" + currency;
                case SUPPLIER_PENDING -> "supplier:" + ownerId + ":pending:" + currency;
                case SUPPLIER_AVAILABLE -> "supplier:" + ownerId + ":available:" + currency;
                case BUYER_CREDIT -> "buyer:" + ownerId + ":credit:" + currency;
                case BUYER_RECEIVABLE -> "buyer:" + ownerId + ":receivable:" + currency;
                case SUPPLIER_RECEIVABLE -> "supplier:" + ownerId + ":receivable:" + currency;
            };
        }
    }

    public static Ref cash(String currency) {
        return new Ref(AccountKind.PLATFORM_CASH, null, currency);
    }

    public static Ref fxPosition(String currency) {
        return new Ref(AccountKind.FX_POSITION, null, currency);
    }

    public static Ref clearing(String currency) {
        return new Ref(AccountKind.PLATFORM_CLEARING, null, currency);
    }

    /** fee revenue by fee: e.g. "card-processing", "supplier-service" */
    public static Ref fees(String fee, String currency) {
        return new Ref(AccountKind.FEE_REVENUE, fee, currency);
    }

    public static Ref supplierPending(String supplierId, String currency) {
        return new Ref(AccountKind.SUPPLIER_PENDING, supplierId, currency);
    }

    public static Ref supplierAvailable(String supplierId, String currency) {
        return new Ref(AccountKind.SUPPLIER_AVAILABLE, supplierId, currency);
    }

    public static Ref buyerCredit(String buyerId, String currency) {
        return new Ref(AccountKind.BUYER_CREDIT, buyerId, currency);
    }

    public static Ref buyerReceivable(String buyerId, String currency) {
        return new Ref(AccountKind.BUYER_RECEIVABLE, buyerId, currency);
    }

    /** advance compensation the supplier owes the platform, recovered from its next settlements */
    public static Ref supplierReceivable(String supplierId, String currency) {
        return new Ref(AccountKind.SUPPLIER_RECEIVABLE, supplierId, currency);
    }
}
