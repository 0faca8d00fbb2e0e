package org.tradeorders.payment.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.tradeorders.platform.money.Money;

/** An order's money as payment-service tracks it: received for the supplier, settled, fees charged. */
@Entity
@Table(name = "order_funds")
public class OrderFunds {
    public static final String TRADE_ASSURANCE = "TRADE_ASSURANCE";
    public static final String E_COLLECTION = "E_COLLECTION";
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal total;
    /** TRADE_ASSURANCE or E_COLLECTION: only protected orders pay the supplier service fee */
    @Column(nullable = false)
    public String kind = TRADE_ASSURANCE;
    @Column(name = "shipped_at")
    public Instant shippedAt;
    /**
     * When the order's money became the supplier's to withdraw (from then on it settles as it comes):
     * Trade Assurance when the goods ship; e-Collection when covered and the buyer confirmed the payment details.
     */
    @Column(name = "released_at")
    public Instant releasedAt;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal received = BigDecimal.ZERO;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal settled = BigDecimal.ZERO;
    /** refunded to the buyer so far, and of that, what came from the pending (unsettled) money */
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal refunded = BigDecimal.ZERO;
    @Column(name = "refunded_from_pending", nullable = false, precision = 19, scale = 4)
    public BigDecimal refundedFromPending = BigDecimal.ZERO;
    @Column(name = "settlement_currency", length = 3)
    public String settlementCurrency;
    /** charged so far, in the settlement currency */
    @Column(name = "service_fee", nullable = false, precision = 19, scale = 4)
    public BigDecimal serviceFee = BigDecimal.ZERO;
    @Version
    public long version;

    public Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    /** received for the supplier and not yet settled to its available balance (nor refunded from pending) */
    public Money unsettled() {
        return money(received.subtract(settled).subtract(refundedFromPending));
    }

    /** what may still be refunded: received for the supplier, less what was refunded already */
    public Money refundable() {
        return money(received.subtract(refunded));
    }
}
