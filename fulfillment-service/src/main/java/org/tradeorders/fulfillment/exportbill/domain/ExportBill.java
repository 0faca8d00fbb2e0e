package org.tradeorders.fulfillment.exportbill.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tradeorders.platform.money.Money;

/**
 * A one-stop export bill: the platform declares the goods for export on the supplier's behalf. Drafted
 * by a supplier on its own or inline with a one-stop shipment; once a shipment names it, it belongs to
 * that shipment's order (it may serve several shipments of that order, never another order's).
 */
@Entity
@Table(name = "export_bill")
public class ExportBill {
    @Id
    public String id;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExportBillStatus status;
    /** the order it serves: null while DRAFTED */
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "exporter_name", nullable = false)
    public String exporterName;
    @Column(name = "consignee_name", nullable = false)
    public String consigneeName;
    /** ISO 3166-1 alpha-2 */
    @Column(name = "destination_country", nullable = false, length = 2)
    public String destinationCountry;
    @Column(name = "port_of_loading", nullable = false)
    public String portOfLoading;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "export_bill_item", joinColumns = @JoinColumn(name = "export_bill_id"))
    @OrderColumn(name = "line_no")
    public List<Item> items = new ArrayList<>();

    @Embeddable
    public static class Item {
        /** 6 to 10 digits */
        @Column(name = "hs_code", nullable = false)
        public String hsCode;
        @Column(nullable = false)
        public String description;
        @Column(nullable = false)
        public int quantity;
        @Column(name = "declared_amount", nullable = false)
        public BigDecimal declaredAmount;
        @Column(name = "declared_currency", nullable = false, length = 3)
        public String declaredCurrency;

        public Money declaredValue() {
            return new Money(declaredAmount, declaredCurrency);
        }
    }
}
