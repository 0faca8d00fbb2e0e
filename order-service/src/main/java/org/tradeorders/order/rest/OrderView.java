package org.tradeorders.order.rest;

import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tradeorders.order.domain.Beneficiary;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;

/**
 * An order as its parties see it: the terms (at {@code version}, the number a confirmation names),
 * where it stands, its pending deadlines, and the events that brought it there.
 */
public record OrderView(String id, String kind, String state, String supplierId, String buyerId, String buyerEmail,
        String initiator, DeliveryView delivery, String currency, List<LineView> lines, Money shippingCost, Money total, List<InstallmentView> installments,
        LocalDate shipmentDeadline, Integer shipWithinDays, int shipmentExtensionDays, Integer proposedExtensionDays,
        boolean supplierCompletedTerms, Returned returnedToDraft, String modificationNote, Map<String, Instant> deadlines,
        int version, Instant shippedAt, Money refunded,
        Instant createdAt, Instant updatedAt, List<EventView> events, RemittanceInstructions remittance) {

    /**
     * e-Collection: where and how the buyer remits (null until the collection account is open), what
     * the associated remittances paid so far, and how many payment reminders went out.
     */
    public record RemittanceInstructions(String collectionAccount, String accountHolder, String bankName, String swiftBic,
            Money amount, String reference, Money remitted, int remindersSent) {
        static RemittanceInstructions of(Order o) {
            if (o.kind != OrderKind.E_COLLECTION) {
                return null;
            }
            var b = o.beneficiary == null ? new Beneficiary() : o.beneficiary;
            return new RemittanceInstructions(o.collectionAccount, b.accountHolder, b.bankName, b.swiftBic, o.totalMoney(),
                    o.id, o.money(o.plan().paid()), o.remindersSent);
        }
    }

    public record LineView(String productName, String model, String specification, String color, String packaging,
            Money unitPrice, int quantity, Money lineTotal) {
    }

    /** dueDays/dueAt: for a balance due AFTER_SHIPMENT (dueAt is known once the goods shipped). */
    public record InstallmentView(int seq, String name, BigDecimal percent, String due, Integer dueDays, Instant dueAt,
            Money amount, Money paid, boolean covered) {
    }

    /** Why the order is back in DRAFT (e.g. CREDIT_LIMIT_EXCEEDED with the supplier's available credit). */
    public record Returned(String reason, Money availableCredit) {
    }

    /** data: the event's data as published, passed on as stored (not parsed and written again). */
    public record EventView(String id, String type, Instant occurredAt, boolean published, RawValue data) {
    }

    /** deadlines: what is pending for the order and when it falls due (e.g. ORDER_PAYMENT_TIMEOUT). */
    public static OrderView of(Order o, Map<String, Instant> deadlines, List<Outbox.RecordedEvent> events) {
        return new OrderView(o.id, o.kind.name(), o.state.name(), o.supplierId, o.buyerId, o.buyerEmail, o.initiator.name(),
                DeliveryView.of(o), o.currency,
                o.lines.stream().map(l -> new LineView(l.productName, l.model, l.specification, l.color, l.packaging,
                        o.money(l.unitPrice), l.quantity, o.money(l.lineTotal()))).toList(),
                o.money(o.shippingCost), o.totalMoney(),
                o.installments.stream().map(i -> new InstallmentView(i.seq, i.name, i.percent, i.due.name(), i.dueDays,
                        i.dueAt, o.money(i.amount), o.money(i.paid), i.isCovered())).toList(),
                o.shipment.deadline, o.shipment.shipWithinDays, o.shipment.extensionDays, o.shipment.proposedExtensionDays,
                o.supplierCompletedTerms,
                o.returnReason == null ? null : new Returned(o.returnReason,
                        o.returnAvailableUsd == null ? null : new Money(o.returnAvailableUsd, "USD")),
                o.modificationNote, deadlines, o.termsVersion, o.shippedAt, o.money(o.refunded), o.createdAt, o.updatedAt,
                events.stream().map(e -> new EventView(e.id(), e.type(), e.occurredAt(), e.publishedAt() != null,
                        new RawValue(e.payload())))
                        .toList(), RemittanceInstructions.of(o));
    }
}
