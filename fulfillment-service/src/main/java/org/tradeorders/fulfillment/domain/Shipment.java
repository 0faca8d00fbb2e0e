package org.tradeorders.fulfillment.domain;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "shipment")
public class Shipment {
    @Id
    public String id;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "export_mode", nullable = false)
    public ExportMode exportMode;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    @Column(name = "customs_declaration_number")
    public String customsDeclarationNumber;
    /** a one-stop export's bill (export_bill.id); null for a self-operated export */
    @Column(name = "export_bill_id")
    public String exportBillId;
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
    @Column(nullable = false)
    public boolean completes;
    /** What the supplier last gave for the trade documents, as JSON (null: none issued yet). */
    @Column(name = "document_details", columnDefinition = "text")
    public String documentDetails;
    /** The latest status the carrier reported, and when it reported the goods delivered. */
    @Column(name = "tracking_status")
    public String trackingStatus;
    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shipment_line", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderColumn(name = "line_no")
    public List<Line> lines = new ArrayList<>();

    @Embeddable
    public static class Line {
        @Column(nullable = false)
        public String model;
        @Column(nullable = false)
        public int quantity;
    }
}
