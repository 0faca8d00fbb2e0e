package org.tradeorders.payment.messaging;

import java.time.Instant;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.money.Money;

/** What payment-service publishes on {@code payment-events} (key = order id). Tokens never leave the service. */
public final class PaymentEvents {
    public static final EventType PAYMENT_LINK_ISSUED = EventType.of("PaymentLinkIssued", 1);
    public static final EventType PAYMENT_RECEIVED = EventType.of("PaymentReceived", 1);
    public static final EventType PAYMENT_LINK_CANCELLED = EventType.of("PaymentLinkCancelled", 1);

    private PaymentEvents() {
    }

    public record PaymentLinkIssued(String linkId, String orderId, String buyerId, String supplierId, int installmentSeq,
            String installmentName, Money amount, Instant expiresAt) {
    }

    public record PaymentReceived(String paymentId, String orderId, String linkId, int installmentSeq, Money amount,
            String channel, Instant receivedAt) {
    }

    public record PaymentLinkCancelled(String linkId, String orderId, int installmentSeq, String reason) {
    }
}
