package org.tradeorders.payment.collection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A supplier's e-collection information: its bank account, and whom to contact. Versioned; every version is kept. */
@Entity
@Table(name = "collection_info")
public class CollectionInfo {
    @Id
    @Column(name = "supplier_id")
    public String supplierId;
    @Column(name = "bank_name", nullable = false)
    public String bankName;
    @Column(name = "account_holder", nullable = false)
    public String accountHolder;
    /** compact: no spaces, upper case */
    @Column(name = "account_number", nullable = false)
    public String accountNumber;
    @Column(name = "bank_country", nullable = false, length = 2)
    public String bankCountry;
    @Column(name = "swift_bic", nullable = false)
    public String swiftBic;
    @Column(name = "contact_email", nullable = false)
    public String contactEmail;
    @Column(name = "contact_phone", nullable = false)
    public String contactPhone;
    @Column(nullable = false)
    public int version;
    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
