package org.tradeorders.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money a buyer paid through a link and a channel: {@code amount} collected (besides the card
 * {@code surcharge}), of which {@code applied} went to the installment and {@code credited} to the
 * buyer's credit. Append-only.
 */
@Entity
@Table(name = "payment")
public class Payment {
    @Id
    public String id;
    @Column(name = "link_id", nullable = false)
    public String linkId;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal applied;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal credited = BigDecimal.ZERO;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal surcharge = BigDecimal.ZERO;
    /** refunded through this payment's channel (an unrepaid pay-later payment: forgiven) */
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal refunded = BigDecimal.ZERO;
    /** PAY_LATER: when the buyer owes the amount */
    @Column(name = "pay_later_due_at")
    public Instant payLaterDueAt;
    /** PAY_LATER: when the buyer repaid it */
    @Column(name = "pay_later_repaid_at")
    public Instant payLaterRepaidAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    /** the channel's own transaction id: a repeated report of it has no second effect */
    @Column(name = "channel_reference", nullable = false, unique = true)
    public String channelReference;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** What a refund may still return through this payment: what it applied to the order, less refunds. */
    public BigDecimal refundable() {
        return (applied == null ? amount : applied).subtract(refunded);
    }
}
