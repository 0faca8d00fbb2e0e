package org.tradeorders.order.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.money.Money;

/** The other services' events order-service reacts to: only the fields it reads (their schemas are the contract). */
public final class UpstreamEvents {
    public static final EventType CREDIT_RESERVED = EventType.of("CreditReserved", 1);
    public static final EventType CREDIT_RESERVATION_REJECTED = EventType.of("CreditReservationRejected", 1);
    public static final EventType PAYMENT_RECEIVED = EventType.of("PaymentReceived", 1);
    public static final EventType SHIPMENT_SUBMITTED = EventType.of("ShipmentSubmitted", 1);
    public static final EventType COLLECTION_INFO_CHANGED = EventType.of("CollectionInfoChanged", 1);
    public static final EventType COLLECTION_ACCOUNT_OPENED = EventType.of("CollectionAccountOpened", 1);
    public static final EventType REMITTANCE_ASSOCIATED = EventType.of("RemittanceAssociated", 1);
    public static final EventType REMITTANCE_ASSOCIATION_UNDONE = EventType.of("RemittanceAssociationUndone", 1);
    public static final EventType REFUND_PAID = EventType.of("RefundPaid", 1);
    public static final EventType REVIEW_INVITED = EventType.of("ReviewInvited", 1);
    public static final EventType GOODS_DELIVERED = EventType.of("GoodsDelivered", 1);

    private UpstreamEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CreditReservationRejected(String orderId, String reason, Money available) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentReceived(String paymentId, String orderId, int installmentSeq, Money amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RefundPaid(String caseId, String orderId, Money amount, Instant paidAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShipmentSubmitted(String shipmentId, String orderId, boolean complete) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CollectionInfoChanged(String supplierId, int version, boolean activated, Instant changedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Beneficiary(String bankName, String accountHolder, String swiftBic) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CollectionAccountOpened(String orderId, String accountNumber, Beneficiary beneficiary) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RemittanceAssociated(String associationId, String remittanceId, String orderId, Money amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewInvited(String orderId, Instant closesAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoodsDelivered(String shipmentId, String orderId, Instant deliveredAt, String location,
            boolean allShipmentsDelivered) {
    }
}
