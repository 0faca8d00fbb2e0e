package org.tradeorders.order.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OrderColumn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ListIndexBase;
import org.tradeorders.platform.money.Money;

/**
 * The online proforma invoice of an order: what both parties agree, at a version a confirmation
 * names. Its products and prices, shipping, delivery, the shipment deadline and the payment terms.
 */
@MappedSuperclass
public abstract class ProformaInvoice {
    @Embedded
    public BuyerContact buyerContact = new BuyerContact();
    @Embedded
    public DeliveryAddress deliveryAddress = new DeliveryAddress();
    @Enumerated(EnumType.STRING)
    public Incoterm incoterm;
    @Enumerated(EnumType.STRING)
    @Column(name = "transport_method")
    public TransportMethod transportMethod;

    @Column(nullable = false, length = 3)
    public String currency;
    @Column(name = "shipping_cost", nullable = false, precision = 19, scale = 4)
    public BigDecimal shippingCost;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal total;
    @Embedded
    public ShipmentSchedule shipment = new ShipmentSchedule();

    /** The version of the terms: +1 on every edit; a confirmation names the version it agrees to. */
    @Column(name = "terms_version", nullable = false)
    public int termsVersion = 1;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<OrderLine> lines = new ArrayList<>();

    /**
     * Indexed by seq (numbered from 1), not a bag: the order, its lines and its installments load in one
     * statement, and a payment updates its installment's row instead of deleting and inserting them all.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_installment", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "seq")
    @ListIndexBase(1)
    public List<Installment> installments = new ArrayList<>();

    public Money totalMoney() {
        return new Money(total, currency);
    }

    public Money money(BigDecimal amount) {
        return new Money(amount, currency);
    }

    /** Prices the order: lines plus shipping, and each installment's share (the last takes the rounding rest). */
    public void price() {
        int scale = Money.scaleOf(currency);
        BigDecimal sum = shippingCost;
        for (OrderLine l : lines) {
            sum = sum.add(l.lineTotal());
        }
        total = sum.setScale(scale, RoundingMode.HALF_EVEN);
        plan().allocate(total, scale);
    }

    /** The installments and what they say: what is paid, what is due. */
    public InstallmentPlan plan() {
        return new InstallmentPlan(installments);
    }
}
