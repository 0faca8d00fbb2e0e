package org.tradeorders.fulfillment.documents.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One issued version of a shipment's commercial invoice or packing list: never changed once written. */
@Entity
@Table(name = "trade_document")
public class TradeDocument {
    @Id
    public String id;
    @Column(name = "shipment_id", nullable = false)
    public String shipmentId;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentKind kind;
    @Column(nullable = false)
    public String number;
    @Column(nullable = false)
    public int version;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    /** The document as JSON (a {@link CommercialInvoice} or {@link PackingList}). */
    @Column(nullable = false, columnDefinition = "text")
    public String content;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] pdf;
}
