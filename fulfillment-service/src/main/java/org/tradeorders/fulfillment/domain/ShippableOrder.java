package org.tradeorders.fulfillment.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** fulfillment-service's own copy of an order that may ship (from OrderReadyToShip), with what is left to ship. */
@Entity
@Table(name = "shippable_order")
public class ShippableOrder {
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "shipment_deadline", nullable = false)
    public LocalDate shipmentDeadline;

    /** The proforma invoice's terms the trade documents take (null for orders made shippable before they were read). */
    @Column(length = 3)
    public String currency;
    @Column(name = "shipping_cost", precision = 19, scale = 4)
    public BigDecimal shippingCost;
    /** What the buyer paid before shipment (the cross-check compares declared values with it). */
    @Column(precision = 19, scale = 4)
    public BigDecimal prepaid;
    @Column(length = 10)
    public String incoterm;
    @Column(name = "buyer_company_name")
    public String buyerCompanyName;
    @Column(name = "buyer_contact_name")
    public String buyerContactName;
    @Column(name = "buyer_phone")
    public String buyerPhone;
    @Column(name = "delivery_street")
    public String deliveryStreet;
    @Column(name = "delivery_city")
    public String deliveryCity;
    @Column(name = "delivery_zip_code")
    public String deliveryZipCode;
    @Column(name = "delivery_country", length = 2)
    public String deliveryCountry;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shippable_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<Line> lines = new ArrayList<>();

    @Embeddable
    public static class Line {
        @Column(nullable = false)
        public String model;
        @Column(name = "product_name", nullable = false)
        public String productName;
        @Column(nullable = false)
        public int quantity;
        @Column(name = "shipped_quantity", nullable = false)
        public int shippedQuantity;
        @Column(name = "unit_price", precision = 19, scale = 4)
        public BigDecimal unitPrice;
        public String specification;

        public int remaining() {
            return quantity - shippedQuantity;
        }
    }

    public boolean fullyShipped() {
        return lines.stream().allMatch(l -> l.remaining() == 0);
    }
}
