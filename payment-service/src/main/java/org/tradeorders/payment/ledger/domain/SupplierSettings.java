package org.tradeorders.payment.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A supplier's choice of settlement currency (otherwise payment.settlement-currency). */
@Entity
@Table(name = "supplier_settings")
public class SupplierSettings {
    @Id
    @Column(name = "supplier_id")
    public String supplierId;
    @Column(name = "settlement_currency", nullable = false, length = 3)
    public String settlementCurrency;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
