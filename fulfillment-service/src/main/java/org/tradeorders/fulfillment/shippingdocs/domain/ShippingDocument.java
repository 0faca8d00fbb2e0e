package org.tradeorders.fulfillment.shippingdocs.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file the supplier uploaded for a shipment, kept as uploaded with its SHA-256. */
@Entity
@Table(name = "shipping_document")
public class ShippingDocument {
    @Id
    public String id;
    @Column(name = "shipment_id", nullable = false)
    public String shipmentId;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShippingDocumentKind kind;
    @Column(name = "file_name", nullable = false)
    public String fileName;
    @Column(name = "media_type", nullable = false)
    public String mediaType;
    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;
    @Column(nullable = false, length = 64)
    public String sha256;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;
    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
