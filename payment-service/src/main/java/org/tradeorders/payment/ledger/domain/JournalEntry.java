package org.tradeorders.payment.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One balanced movement of money. Append-only: a correction is a new entry. */
@Entity
@Table(name = "journal_entry")
public class JournalEntry {
    @Id
    public String id;
    /** written by the database: the order entries were posted in */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntryType type;
    @Column(nullable = false, unique = true)
    public String reference;
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "supplier_id")
    public String supplierId;
    @Column(nullable = false)
    public String description;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
