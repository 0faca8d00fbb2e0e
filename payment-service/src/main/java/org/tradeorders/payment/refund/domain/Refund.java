package org.tradeorders.payment.refund.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tradeorders.payment.ledger.domain.OrderFunds;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;

/** A refund owed to a buyer for one refund case (its id), and how it was paid: from whose money, through what. */
@Entity
@Table(name = "refund")
public class Refund {
    @Id
    @Column(name = "case_id")
    public String caseId;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    /** TRADE_ASSURANCE or E_COLLECTION: only a protected order's refund is advanced by the platform */
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundStatus status;
    @Column(name = "pay_by")
    public Instant payBy;
    /** from the supplier's pending money for the order, in the order's currency */
    @Column(name = "from_pending", nullable = false, precision = 19, scale = 4)
    public BigDecimal fromPending = BigDecimal.ZERO;
    /** from the supplier's available balance, in availableCurrency (its settlement currency) */
    @Column(name = "from_available", nullable = false, precision = 19, scale = 4)
    public BigDecimal fromAvailable = BigDecimal.ZERO;
    @Column(name = "available_currency", length = 3)
    public String availableCurrency;
    /** advance compensation, in availableCurrency: part of fromAvailable, which the supplier owes */
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal advanced = BigDecimal.ZERO;
    @Column(name = "short_by", precision = 19, scale = 4)
    public BigDecimal shortBy;
    @Column(name = "refused_reason")
    public String refusedReason;
    @Column(name = "owed_at", nullable = false)
    public Instant owedAt;
    @Column(name = "paid_at")
    public Instant paidAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "refund_payout", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "line_no", nullable = false)
    public List<Payout> payouts = new ArrayList<>();
    @Version
    public long version;

    static Refund owed(String caseId, OrderFunds funds, Money amount, Instant payBy, Instant now) {
        Refund r = new Refund();
        r.caseId = caseId;
        r.orderId = funds.orderId;
        r.supplierId = funds.supplierId;
        r.buyerId = funds.buyerId;
        r.kind = funds.kind;
        r.currency = amount.currency();
        r.amount = amount.amount();
        r.payBy = payBy;
        r.owedAt = now;
        r.status = RefundStatus.WAITING_FOR_FUNDS;
        return r;
    }

    public Money money() {
        return new Money(amount, currency);
    }

    public boolean isProtected() {
        return OrderFunds.TRADE_ASSURANCE.equals(kind);
    }

    /** e-Collection: the supplier's money lacks {@code lacking}; returns whether that is news (first time, or changed). */
    boolean awaitFunds(Money lacking) {
        requireWaiting();
        if (isProtected()) {
            throw new IllegalStateException("a Trade Assurance refund never waits: the platform advances it");
        }
        boolean news = shortBy == null || shortBy.compareTo(lacking.amount()) != 0;
        shortBy = lacking.amount();
        return news;
    }

    void refuse(String reason) {
        requireWaiting();
        status = RefundStatus.REFUSED;
        refusedReason = reason;
    }

    void paid(Money pending, Money available, Money advance, List<Payout> lines, Instant now) {
        requireWaiting();
        status = RefundStatus.PAID;
        fromPending = pending.amount();
        fromAvailable = available.amount();
        availableCurrency = available.currency();
        advanced = advance.amount();
        shortBy = null;
        payouts.addAll(lines);
        paidAt = now;
    }

    private void requireWaiting() {
        if (status != RefundStatus.WAITING_FOR_FUNDS) {
            throw new RuleViolation("refund-" + status.name().toLowerCase(), "the refund for case " + caseId + " is " + status);
        }
    }
}
