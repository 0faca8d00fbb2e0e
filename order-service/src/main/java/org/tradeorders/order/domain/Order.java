package org.tradeorders.order.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;

/** An order (Trade Assurance or e-Collection): the online proforma invoice both parties agree, and where it stands. */
@Entity
@Table(name = "trade_order")
public class Order {
    @Id
    public String id;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "buyer_email", nullable = false)
    public String buyerEmail;
    /** Where the supplier's notifications go (the drafting or completing person's address). */
    @Column(name = "supplier_email")
    public String supplierEmail;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderKind kind = OrderKind.TRADE_ASSURANCE;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Party initiator;
    @Embedded
    public BuyerContact buyerContact = new BuyerContact();
    @Embedded
    public DeliveryAddress deliveryAddress = new DeliveryAddress();
    @Enumerated(EnumType.STRING)
    public Incoterm incoterm;
    @Enumerated(EnumType.STRING)
    @Column(name = "transport_method")
    public TransportMethod transportMethod;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(name = "shipping_cost", nullable = false, precision = 19, scale = 4)
    public BigDecimal shippingCost;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal total;
    /** The last day to ship: fixed when drafted, or set from shipWithinDays when the initial payment arrives. */
    @Column(name = "shipment_deadline")
    public LocalDate shipmentDeadline;
    /** "Ship within N days of the initial payment", instead of a fixed date. */
    @Column(name = "ship_within_days")
    public Integer shipWithinDays;
    /** Days the shipment deadline was extended by agreement, in total (at most order.max-shipment-extension). */
    @Column(name = "shipment_extension_days", nullable = false)
    public int shipmentExtensionDays;
    /** An extension the supplier proposed and the buyer has not answered yet. */
    @Column(name = "proposed_extension_days")
    public Integer proposedExtensionDays;
    /** Why the order last went back to DRAFT (e.g. CREDIT_LIMIT_EXCEEDED), shown to the supplier. */
    @Column(name = "return_reason")
    public String returnReason;
    @Column(name = "return_available_usd", precision = 19, scale = 4)
    public BigDecimal returnAvailableUsd;
    /** The version of the terms: +1 on every edit; a confirmation names the version it agrees to. */
    @Column(name = "terms_version", nullable = false)
    public int termsVersion = 1;
    @Column(name = "modification_note", length = 1000)
    public String modificationNote;
    /** false for a buyer-initiated order until the supplier has completed the terms (PUT). */
    @Column(name = "supplier_completed_terms", nullable = false)
    public boolean supplierCompletedTerms = true;
    @Column(name = "receipt_extended_by_buyer", nullable = false)
    public boolean receiptExtendedByBuyer;
    @Column(name = "receipt_extended_by_supplier", nullable = false)
    public boolean receiptExtendedBySupplier;
    @Column(name = "shipped_at")
    public Instant shippedAt;
    @Column(name = "ready_to_ship_announced", nullable = false)
    public boolean readyToShipAnnounced;
    /** e-Collection: the order's own collection account (a virtual account) and where it is held. */
    @Column(name = "collection_account")
    public String collectionAccount;
    @Embedded
    public Beneficiary beneficiary = new Beneficiary();
    /** e-Collection: payment reminders sent to the buyer so far */
    @Column(name = "reminders_sent", nullable = false)
    public int remindersSent;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<OrderLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_installment", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("seq")
    public List<Installment> installments = new ArrayList<>();

    public Money totalMoney() {
        return new Money(total, currency);
    }

    public Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    public boolean isParty(String companyId) {
        return supplierId.equals(companyId) || buyerId.equals(companyId);
    }

    public Party partyOf(String companyId) {
        return supplierId.equals(companyId) ? Party.SUPPLIER : Party.BUYER;
    }

    /** Prices the order: lines plus shipping, and each installment's share (the last takes the rounding rest). */
    public void price() {
        int scale = Money.scaleOf(currency);
        BigDecimal sum = shippingCost;
        for (OrderLine l : lines) {
            sum = sum.add(l.lineTotal());
        }
        total = sum.setScale(scale, RoundingMode.HALF_EVEN);
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < installments.size(); i++) {
            Installment in = installments.get(i);
            in.amount = i == installments.size() - 1 ? total.subtract(allocated)
                    : total.multiply(in.percent).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_EVEN);
            allocated = allocated.add(in.amount);
        }
    }

    /** Moves the order by the transition table, or refuses with the states that would have allowed it. */
    public void apply(OrderTrigger trigger, Instant at) {
        state = OrderStateMachine.next(kind, state, trigger).orElseThrow(() -> new RuleViolation("invalid-transition",
                "order " + id + " (" + kind + ") is " + state + "; " + trigger + " is possible only from "
                        + Arrays.stream(OrderState.values())
                                .filter(s -> OrderStateMachine.allowedFrom(kind, s).containsKey(trigger)).toList()));
        updatedAt = at;
    }

    public boolean canApply(OrderTrigger trigger) {
        return OrderStateMachine.next(kind, state, trigger).isPresent();
    }

    public Installment installment(int seq) {
        return installments.stream().filter(i -> i.seq == seq).findFirst().orElse(null);
    }

    /** The initial payment: every installment due before production. */
    public boolean initialPaymentCovered() {
        return installments.stream().filter(i -> i.due == InstallmentDue.BEFORE_PRODUCTION).allMatch(Installment::isCovered);
    }

    /** The moment shipping is late: the end (UTC) of the deadline day. */
    public Instant shipmentDueAt() {
        return shipmentDeadline == null ? null : shipmentDeadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** e-Collection: what the associated remittances paid so far (the order's one installment). */
    public BigDecimal remitted() {
        return installments.stream().map(i -> i.paid).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean anythingPaid() {
        return installments.stream().anyMatch(i -> i.paid.signum() > 0);
    }

    /** Everything due before shipment (initial payment and balance) is paid; a balance after shipment is not. */
    public boolean paidForShipment() {
        return installments.stream().filter(i -> i.due != InstallmentDue.AFTER_SHIPMENT).allMatch(Installment::isCovered);
    }

    /** Balances due after shipment that are unpaid at {@code now} and not yet announced as overdue. */
    public List<Installment> overdueBalances(Instant now) {
        return installments.stream().filter(i -> i.dueAt != null && !i.dueAt.isAfter(now) && !i.isCovered()
                && !i.overdueAnnounced).toList();
    }

    /** The next moment a balance after shipment falls due, if one is still open. */
    public Optional<Instant> nextBalanceDue() {
        return installments.stream().filter(i -> i.dueAt != null && !i.isCovered() && !i.overdueAnnounced)
                .map(i -> i.dueAt).min(Instant::compareTo);
    }
}
