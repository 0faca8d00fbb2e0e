package org.tradeorders.order.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.money.Money;

/**
 * What order-service publishes on {@code order-events} (key = order id), the public contract:
 * each payload is built next to its type, from the order ({@code OrderConfirmed.of(order, by)}).
 * Schemas: event-schemas/.
 */
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
        static List<Line> of(Order o) {
            return o.lines.stream().map(l -> new Line(l.productName, l.model, l.specification, l.color, l.packaging,
                    o.money(l.unitPrice), l.quantity)).toList();
        }
    }

    /** dueDays: for a balance due AFTER_SHIPMENT, the days after shipment it falls due. */
    public record InstallmentTerm(int seq, String name, BigDecimal percent, String due, Integer dueDays, Money amount) {
        static List<InstallmentTerm> of(Order o) {
            return o.installments.stream().map(i -> new InstallmentTerm(i.seq, i.name, i.percent, i.due.name(),
                    i.dueDays, o.money(i.amount))).toList();
        }
    }

    public record Contact(String companyName, String contactName, String phone) {
    }

    public record Address(String street, String city, String zipCode, String country) {
    }

    /** Where and how the goods travel: the buyer's contact, the delivery address, Incoterm and transport. */
    public record Delivery(Contact buyerContact, Address address, String incoterm, String transportMethod) {
        public static Delivery of(Order o) {
            BuyerContact c = o.buyerContact;
            DeliveryAddress a = o.deliveryAddress;
            return new Delivery(c == null ? null : new Contact(c.companyName, c.contactName, c.phone),
                    a == null ? null : new Address(a.street, a.city, a.zipCode, a.country),
                    o.incoterm == null ? null : o.incoterm.name(),
                    o.transportMethod == null ? null : o.transportMethod.name());
        }
    }

    public record OrderDrafted(String orderId, String kind, String supplierId, String buyerId, String initiator,
            Money total, Money shippingCost, List<Line> lines, List<InstallmentTerm> installments,
            LocalDate shipmentDeadline, Integer shipWithinDays, Delivery delivery) {
        static OrderDrafted of(Order o) {
            return new OrderDrafted(o.id, o.kind.name(), o.supplierId, o.buyerId, o.initiator.name(), o.totalMoney(),
                    o.money(o.shippingCost), Line.of(o), InstallmentTerm.of(o), o.shipment.deadline,
                    o.shipment.shipWithinDays, Delivery.of(o));
        }
    }

    /** A party changed the terms: a new version, which is the one to confirm. */
    public record OrderRevised(String orderId, String supplierId, String buyerId, String revisedBy, int version,
            Money total, Money shippingCost, List<Line> lines, List<InstallmentTerm> installments,
            LocalDate shipmentDeadline, Integer shipWithinDays, Delivery delivery) {
        static OrderRevised of(Order o, Party by) {
            return new OrderRevised(o.id, o.supplierId, o.buyerId, by.name(), o.termsVersion, o.totalMoney(),
                    o.money(o.shippingCost), Line.of(o), InstallmentTerm.of(o), o.shipment.deadline,
                    o.shipment.shipWithinDays, Delivery.of(o));
        }
    }

    public record OrderModificationRequested(String orderId, String supplierId, String buyerId, String requestedBy,
            int version, String note) {
        static OrderModificationRequested of(Order o, Party by) {
            return new OrderModificationRequested(o.id, o.supplierId, o.buyerId, by.name(), o.termsVersion,
                    o.modificationNote);
        }
    }

    /** kind and buyerName: added to v1 (optional for readers); payment-service opens an e-Collection order's collection account. */
    public record OrderSubmitted(String orderId, String supplierId, String buyerId, String submittedBy, Money total,
            String kind, String buyerName) {
        static OrderSubmitted of(Order o, Party by) {
            return new OrderSubmitted(o.id, o.supplierId, o.buyerId, by.name(), o.totalMoney(), o.kind.name(),
                    o.buyerContact == null ? null : o.buyerContact.companyName);
        }
    }

    /** e-Collection: the buyer confirmed the order (at {@code version}) and its payment details. */
    public record OrderAwaitingRemittance(String orderId, String supplierId, String buyerId, Money total, int version,
            String collectionAccount, Instant confirmedAt) {
        static OrderAwaitingRemittance of(Order o) {
            return new OrderAwaitingRemittance(o.id, o.supplierId, o.buyerId, o.totalMoney(), o.termsVersion,
                    o.collectionAccount, o.updatedAt);
        }
    }

    /** e-Collection: the associated remittances cover the total. */
    public record OrderPaid(String orderId, String supplierId, String buyerId, Money total, Money associated,
            LocalDate shipmentDeadline) {
        static OrderPaid of(Order o) {
            return new OrderPaid(o.id, o.supplierId, o.buyerId, o.totalMoney(), o.money(o.plan().paid()),
                    o.shipment.deadline);
        }
    }

    /** e-Collection: a payment reminder went to the buyer; its signed link expires at expiresAt. */
    public record PaymentReminderSent(String orderId, String supplierId, String buyerId, int reminderNo, Instant expiresAt) {
        static PaymentReminderSent of(Order o, Instant expiresAt) {
            return new PaymentReminderSent(o.id, o.supplierId, o.buyerId, o.remindersSent, expiresAt);
        }
    }

    public record OrderConfirmed(String orderId, String supplierId, String buyerId, String confirmedBy, Money total,
            int version) {
        static OrderConfirmed of(Order o, Party by) {
            return new OrderConfirmed(o.id, o.supplierId, o.buyerId, by.name(), o.totalMoney(), o.termsVersion);
        }
    }

    public record OrderReturnedToDraft(String orderId, String supplierId, String buyerId, String reason,
            Money availableCredit) {
        static OrderReturnedToDraft of(Order o, Money availableCredit) {
            return new OrderReturnedToDraft(o.id, o.supplierId, o.buyerId, o.returnReason, availableCredit);
        }
    }

    public record OrderAwaitingPayment(String orderId, String supplierId, String buyerId, Money total,
            List<InstallmentTerm> installments) {
        static OrderAwaitingPayment of(Order o) {
            return new OrderAwaitingPayment(o.id, o.supplierId, o.buyerId, o.totalMoney(), InstallmentTerm.of(o));
        }
    }

    public record OrderPaymentRecorded(String orderId, String supplierId, String buyerId, String paymentId,
            int installmentSeq, Money amount, Money installmentPaid, Money installmentDue) {
        static OrderPaymentRecorded of(Order o, String paymentId, Installment in, Money amount) {
            return new OrderPaymentRecorded(o.id, o.supplierId, o.buyerId, paymentId, in.seq, amount, o.money(in.paid),
                    o.money(in.amount));
        }
    }

    public record OrderProductionStarted(String orderId, String supplierId, String buyerId, LocalDate shipmentDeadline) {
        static OrderProductionStarted of(Order o) {
            return new OrderProductionStarted(o.id, o.supplierId, o.buyerId, o.shipment.deadline);
        }
    }

    /**
     * shippingCost, total, prepaid (optional, added to v1): the proforma invoice's shipping cost and total,
     * and what the buyer has paid before shipment; the trade documents and their cross-check read them.
     */
    public record OrderReadyToShip(String orderId, String supplierId, String buyerId, List<Line> lines,
            LocalDate shipmentDeadline, Delivery delivery, Money shippingCost, Money total, Money prepaid) {
        static OrderReadyToShip of(Order o) {
            BigDecimal prepaid = o.installments.stream().map(i -> i.paid).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new OrderReadyToShip(o.id, o.supplierId, o.buyerId, Line.of(o), o.shipment.deadline, Delivery.of(o),
                    o.money(o.shippingCost), o.totalMoney(), o.money(prepaid));
        }
    }

    /**
     * receiptDueAt: when receipt is confirmed automatically unless the buyer confirms it earlier;
     * balancesDue: the installments due after shipment and when.
     */
    public record OrderShipped(String orderId, String supplierId, String buyerId, String shipmentId, Instant receiptDueAt,
            List<BalanceDue> balancesDue) {
        static OrderShipped of(Order o, String shipmentId) {
            return new OrderShipped(o.id, o.supplierId, o.buyerId, shipmentId, o.receiving.dueAt,
                    o.plan().afterShipment().stream().map(i -> new BalanceDue(i.seq, o.money(i.amount), i.dueAt)).toList());
        }
    }

    public record BalanceDue(int installmentSeq, Money amount, Instant dueAt) {
    }

    /** The receiving window ends soon; the buyer was reminded to confirm receipt, extend, or claim. */
    public record ReceivingWindowClosing(String orderId, String supplierId, String buyerId, Instant receiptDueAt) {
        static ReceivingWindowClosing of(Order o) {
            return new ReceivingWindowClosing(o.id, o.supplierId, o.buyerId, o.receiving.dueAt);
        }
    }

    /** A balance due after shipment was not fully paid by its due time. */
    public record InstallmentOverdue(String orderId, String supplierId, String buyerId, int installmentSeq, String name,
            Money amount, Money paid, Instant dueAt) {
        static InstallmentOverdue of(Order o, Installment in) {
            return new InstallmentOverdue(o.id, o.supplierId, o.buyerId, in.seq, in.name, o.money(in.amount),
                    o.money(in.paid), in.dueAt);
        }
    }

    public record ReceivingWindowExtended(String orderId, String supplierId, String buyerId, String extendedBy, int days,
            Instant receiptDueAt) {
        static ReceivingWindowExtended of(Order o, Party by, int days) {
            return new ReceivingWindowExtended(o.id, o.supplierId, o.buyerId, by.name(), days, o.receiving.dueAt);
        }
    }

    /** kind: added to v1 (absent from older events means TRADE_ASSURANCE). */
    /** buyerName, buyerCountry (optional, added to v1): the buyer's company and delivery country, for review lists. */
    public record OrderCompleted(String orderId, String supplierId, String buyerId, Money total, Instant completedAt,
            String receiptConfirmedBy, String kind, @JsonInclude(JsonInclude.Include.NON_NULL) String buyerName,
            @JsonInclude(JsonInclude.Include.NON_NULL) String buyerCountry) {
        static OrderCompleted of(Order o, String receiptConfirmedBy) {
            return new OrderCompleted(o.id, o.supplierId, o.buyerId, o.totalMoney(), o.updatedAt, receiptConfirmedBy,
                    o.kind.name(), o.buyerContact == null ? null : o.buyerContact.companyName,
                    o.deliveryAddress == null ? null : o.deliveryAddress.country);
        }
    }

    /** cancelledBy BUYER or SUPPLIER, or SYSTEM for a timeout; reason e.g. UNPAID_TIMEOUT or the party's own words. */
    public record OrderCancelled(String orderId, String supplierId, String buyerId, String previousState,
            String cancelledBy, String reason) {
        static OrderCancelled of(Order o, OrderState previous, String by, String reason) {
            return new OrderCancelled(o.id, o.supplierId, o.buyerId, previous.name(), by, reason);
        }
    }

    public record ShipmentExtensionProposed(String orderId, String supplierId, String buyerId, int days,
            LocalDate shipmentDeadline, LocalDate proposedDeadline) {
        static ShipmentExtensionProposed of(Order o) {
            int days = o.shipment.proposedExtensionDays;
            return new ShipmentExtensionProposed(o.id, o.supplierId, o.buyerId, days, o.shipment.deadline,
                    o.shipment.deadline.plusDays(days));
        }
    }

    /** accepted = the buyer agreed (new deadline), or declined (deadline unchanged). */
    public record ShipmentDeadlineExtended(String orderId, String supplierId, String buyerId, int days,
            LocalDate shipmentDeadline, int totalExtensionDays) {
        static ShipmentDeadlineExtended of(Order o, int days) {
            return new ShipmentDeadlineExtended(o.id, o.supplierId, o.buyerId, days, o.shipment.deadline,
                    o.shipment.extensionDays);
        }
    }

    public record ShipmentDeadlineApproaching(String orderId, String supplierId, String buyerId, LocalDate shipmentDeadline) {
        static ShipmentDeadlineApproaching of(Order o) {
            return new ShipmentDeadlineApproaching(o.id, o.supplierId, o.buyerId, o.shipment.deadline);
        }
    }

    public record ShipmentOverdue(String orderId, String supplierId, String buyerId, LocalDate shipmentDeadline) {
        static ShipmentOverdue of(Order o) {
            return new ShipmentOverdue(o.id, o.supplierId, o.buyerId, o.shipment.deadline);
        }
    }
}
