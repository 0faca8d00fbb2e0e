package org.tradeorders.order.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.money.Money;

/** What order-service publishes on {@code order-events} (key = order id). Schemas: event-schemas/. */
public final class OrderEvents {
    public static final EventType ORDER_DRAFTED = EventType.of("OrderDrafted", 1);
    public static final EventType ORDER_SUBMITTED = EventType.of("OrderSubmitted", 1);
    public static final EventType ORDER_CONFIRMED = EventType.of("OrderConfirmed", 1);
    public static final EventType ORDER_RETURNED_TO_DRAFT = EventType.of("OrderReturnedToDraft", 1);
    public static final EventType ORDER_AWAITING_PAYMENT = EventType.of("OrderAwaitingPayment", 1);
    public static final EventType ORDER_PAYMENT_RECORDED = EventType.of("OrderPaymentRecorded", 1);
    public static final EventType ORDER_PRODUCTION_STARTED = EventType.of("OrderProductionStarted", 1);
    public static final EventType ORDER_READY_TO_SHIP = EventType.of("OrderReadyToShip", 1);
    public static final EventType ORDER_SHIPPED = EventType.of("OrderShipped", 1);
    public static final EventType ORDER_COMPLETED = EventType.of("OrderCompleted", 1);
    public static final EventType ORDER_CANCELLED = EventType.of("OrderCancelled", 1);
    public static final EventType ORDER_REVISED = EventType.of("OrderRevised", 1);
    public static final EventType RECEIVING_WINDOW_EXTENDED = EventType.of("ReceivingWindowExtended", 1);
    public static final EventType SHIPMENT_EXTENSION_PROPOSED = EventType.of("ShipmentExtensionProposed", 1);
    public static final EventType SHIPMENT_DEADLINE_EXTENDED = EventType.of("ShipmentDeadlineExtended", 1);
    public static final EventType SHIPMENT_DEADLINE_APPROACHING = EventType.of("ShipmentDeadlineApproaching", 1);
    public static final EventType SHIPMENT_OVERDUE = EventType.of("ShipmentOverdue", 1);
    public static final EventType ORDER_MODIFICATION_REQUESTED = EventType.of("OrderModificationRequested", 1);
    public static final EventType RECEIVING_WINDOW_CLOSING = EventType.of("ReceivingWindowClosing", 1);
    public static final EventType INSTALLMENT_OVERDUE = EventType.of("InstallmentOverdue", 1);
    public static final EventType ORDER_AWAITING_REMITTANCE = EventType.of("OrderAwaitingRemittance", 1);
    public static final EventType ORDER_PAID = EventType.of("OrderPaid", 1);
    public static final EventType PAYMENT_REMINDER_SENT = EventType.of("PaymentReminderSent", 1);

    private OrderEvents() {
    }

    public record Line(String productName, String model, String specification, String color, String packaging,
            Money unitPrice, int quantity) {
    }

    /** dueDays: for a balance due AFTER_SHIPMENT, the days after shipment it falls due. */
    public record InstallmentTerm(int seq, String name, BigDecimal percent, String due, Integer dueDays, Money amount) {
    }

    public record Contact(String companyName, String contactName, String phone) {
    }

    public record Address(String street, String city, String zipCode, String country) {
    }

    /** Where and how the goods travel: the buyer's contact, the delivery address, Incoterm and transport. */
    public record Delivery(Contact buyerContact, Address address, String incoterm, String transportMethod) {
    }

    public record OrderDrafted(String orderId, String kind, String supplierId, String buyerId, String initiator,
            Money total, Money shippingCost, List<Line> lines, List<InstallmentTerm> installments,
            LocalDate shipmentDeadline, Integer shipWithinDays, Delivery delivery) {
    }

    /** A party changed the terms: a new version, which is the one to confirm. */
    public record OrderRevised(String orderId, String supplierId, String buyerId, String revisedBy, int version,
            Money total, Money shippingCost, List<Line> lines, List<InstallmentTerm> installments,
            LocalDate shipmentDeadline, Integer shipWithinDays, Delivery delivery) {
    }

    public record OrderModificationRequested(String orderId, String supplierId, String buyerId, String requestedBy,
            int version, String note) {
    }

    /** kind and buyerName: added to v1 (optional for readers); payment-service opens an e-Collection order's collection account. */
    public record OrderSubmitted(String orderId, String supplierId, String buyerId, String submittedBy, Money total,
            String kind, String buyerName) {
    }

    /** e-Collection: the buyer confirmed the order (at {@code version}) and its payment details. */
    public record OrderAwaitingRemittance(String orderId, String supplierId, String buyerId, Money total, int version,
            String collectionAccount, Instant confirmedAt) {
    }

    /** e-Collection: the associated remittances cover the total. */
    public record OrderPaid(String orderId, String supplierId, String buyerId, Money total, Money associated,
            LocalDate shipmentDeadline) {
    }

    /** e-Collection: a payment reminder went to the buyer; its signed link expires at expiresAt. */
    public record PaymentReminderSent(String orderId, String supplierId, String buyerId, int reminderNo, Instant expiresAt) {
    }

    public record OrderConfirmed(String orderId, String supplierId, String buyerId, String confirmedBy, Money total,
            int version) {
    }

    public record OrderReturnedToDraft(String orderId, String supplierId, String buyerId, String reason,
            Money availableCredit) {
    }

    public record OrderAwaitingPayment(String orderId, String supplierId, String buyerId, Money total,
            List<InstallmentTerm> installments) {
    }

    public record OrderPaymentRecorded(String orderId, String supplierId, String buyerId, String paymentId,
            int installmentSeq, Money amount, Money installmentPaid, Money installmentDue) {
    }

    public record OrderProductionStarted(String orderId, String supplierId, String buyerId, LocalDate shipmentDeadline) {
    }

    public record OrderReadyToShip(String orderId, String supplierId, String buyerId, List<Line> lines,
            LocalDate shipmentDeadline, Delivery delivery) {
    }

    /**
     * receiptDueAt: when receipt is confirmed automatically unless the buyer confirms it earlier;
     * balancesDue: the installments due after shipment and when.
     */
    public record OrderShipped(String orderId, String supplierId, String buyerId, String shipmentId, Instant receiptDueAt,
            List<BalanceDue> balancesDue) {
    }

    public record BalanceDue(int installmentSeq, Money amount, Instant dueAt) {
    }

    /** The receiving window ends soon; the buyer was reminded to confirm receipt, extend, or claim. */
    public record ReceivingWindowClosing(String orderId, String supplierId, String buyerId, Instant receiptDueAt) {
    }

    /** A balance due after shipment was not fully paid by its due time. */
    public record InstallmentOverdue(String orderId, String supplierId, String buyerId, int installmentSeq, String name,
            Money amount, Money paid, Instant dueAt) {
    }

    public record ReceivingWindowExtended(String orderId, String supplierId, String buyerId, String extendedBy, int days,
            Instant receiptDueAt) {
    }

    /** kind: added to v1 (absent from older events means TRADE_ASSURANCE). */
    public record OrderCompleted(String orderId, String supplierId, String buyerId, Money total, Instant completedAt,
            String receiptConfirmedBy, String kind) {
    }

    /** cancelledBy BUYER or SUPPLIER, or SYSTEM for a timeout; reason e.g. UNPAID_TIMEOUT or the party's own words. */
    public record OrderCancelled(String orderId, String supplierId, String buyerId, String previousState,
            String cancelledBy, String reason) {
    }

    public record ShipmentExtensionProposed(String orderId, String supplierId, String buyerId, int days,
            LocalDate shipmentDeadline, LocalDate proposedDeadline) {
    }

    /** accepted = the buyer agreed (new deadline), or declined (deadline unchanged). */
    public record ShipmentDeadlineExtended(String orderId, String supplierId, String buyerId, int days,
            LocalDate shipmentDeadline, int totalExtensionDays) {
    }

    public record ShipmentDeadlineApproaching(String orderId, String supplierId, String buyerId, LocalDate shipmentDeadline) {
    }

    public record ShipmentOverdue(String orderId, String supplierId, String buyerId, LocalDate shipmentDeadline) {
    }
}
