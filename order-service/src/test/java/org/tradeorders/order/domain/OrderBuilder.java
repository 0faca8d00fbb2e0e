package org.tradeorders.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Orders for the aggregate's tests, built by what matters to each test: kind, initiator, state, terms. */
public final class OrderBuilder {
    public static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Order order = new Order();

    private OrderBuilder(OrderKind kind) {
        order.id = "order-1";
        order.kind = kind;
        order.supplierId = "SUP";
        order.buyerId = "BUY";
        order.buyerEmail = "purchasing@buyer.example";
        order.initiator = Party.SUPPLIER;
        order.state = OrderState.DRAFT;
        order.currency = "USD";
        order.shippingCost = new BigDecimal("150.00");
        order.shipment.deadline = LocalDate.parse("2027-01-31");
        order.createdAt = NOW;
        order.updatedAt = NOW;
        line("12.35", 1000);
    }

    /** A Trade Assurance order drafted by the supplier, 30% before production and 70% before shipment. */
    public static OrderBuilder aTradeAssuranceOrder() {
        return new OrderBuilder(OrderKind.TRADE_ASSURANCE).installment("30", InstallmentDue.BEFORE_PRODUCTION, null)
                .installment("70", InstallmentDue.BEFORE_SHIPMENT, null);
    }

    /** An e-Collection order: the supplier drafts it, remittances pay it in full. */
    public static OrderBuilder anECollectionOrder() {
        OrderBuilder b = new OrderBuilder(OrderKind.E_COLLECTION);
        b.order.replaceInstallments(List.of());
        return b;
    }

    public OrderBuilder initiatedByTheBuyer() {
        order.initiator = Party.BUYER;
        order.supplierCompletedTerms = false;
        return this;
    }

    public OrderBuilder in(OrderState state) {
        order.state = state;
        return this;
    }

    public OrderBuilder atVersion(int version) {
        order.termsVersion = version;
        return this;
    }

    public OrderBuilder withCollectionAccount(String account) {
        order.collectionAccount = account;
        return this;
    }

    public OrderBuilder shippingWithinDays(int days) {
        order.shipment.deadline = null;
        order.shipment.shipWithinDays = days;
        return this;
    }

    public OrderBuilder withoutInstallments() {
        order.installments.clear();
        return this;
    }

    public OrderBuilder installment(String percent, InstallmentDue due, Integer dueDays) {
        Installment in = new Installment();
        in.seq = order.installments.size() + 1;
        in.name = due.name();
        in.percent = new BigDecimal(percent);
        in.due = due;
        in.dueDays = dueDays;
        order.installments.add(in);
        return this;
    }

    public OrderBuilder line(String unitPrice, int quantity) {
        OrderLine l = new OrderLine();
        l.productName = "Bluetooth speaker";
        l.model = "BT-" + (order.lines.size() + 1);
        l.unitPrice = new BigDecimal(unitPrice);
        l.quantity = quantity;
        order.lines.add(l);
        return this;
    }

    /** The order as built, priced (total 12,500.00 USD with the default line and shipping). */
    public Order build() {
        order.price();
        return order;
    }
}
