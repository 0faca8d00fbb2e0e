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

        public int remaining() {
            return quantity - shippedQuantity;
        }
    }

    public boolean fullyShipped() {
        return lines.stream().allMatch(l -> l.remaining() == 0);
    }
}
