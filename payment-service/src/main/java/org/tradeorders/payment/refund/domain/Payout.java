package org.tradeorders.payment.refund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.tradeorders.platform.money.Money;

/** Part of a refund on its way to the buyer: through one payment's channel, or by bank transfer to a remitter. */
@Embeddable
public class Payout {
    @Column(name = "payment_id")
    public String paymentId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    /** e-Collection: the remitter the transfer goes to */
    @Column(name = "paid_to")
    public String paidTo;

    static Payout of(String paymentId, String channel, Money amount, String paidTo) {
        Payout p = new Payout();
        p.paymentId = paymentId;
        p.channel = channel;
        p.amount = amount.amount();
        p.currency = amount.currency();
        p.paidTo = paidTo;
        return p;
    }

    public Money money() {
        return new Money(amount, currency);
    }
}
