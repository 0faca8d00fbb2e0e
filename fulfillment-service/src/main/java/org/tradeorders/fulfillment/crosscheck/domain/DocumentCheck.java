package org.tradeorders.fulfillment.crosscheck.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest cross-check of a shipment's documents. */
@Entity
@Table(name = "document_check")
public class DocumentCheck {
    @Id
    @Column(name = "shipment_id")
    public String shipmentId;
    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;
    /** The discrepancies as a JSON array of {@link Discrepancy}; empty when the documents agree. */
    @Column(nullable = false, columnDefinition = "text")
    public String discrepancies;
}
