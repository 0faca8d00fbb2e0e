package org.tradeorders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A supplier's e-collection activation, as payment-service announced it (CollectionInfoChanged). */
@Entity
@Table(name = "e_collection_supplier")
public class ECollectionSupplier {
    @Id
    @Column(name = "supplier_id")
    public String supplierId;
    @Column(nullable = false)
    public boolean activated;
    @Column(name = "info_version", nullable = false)
    public int infoVersion;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
