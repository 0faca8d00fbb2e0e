package org.tradeorders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.Instant;

/** One part of the payment terms (e.g. "30% deposit before production"); payments accumulate on it. */
@Embeddable
public class Installment {
    /** Its place in the plan, from 1: the list's index column, written by the list (ProformaInvoice). */
    @Column(nullable = false, insertable = false, updatable = false)
    public int seq;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false, precision = 7, scale = 4)
    public BigDecimal percent;
    @Enumerated(EnumType.STRING)
    @Column(name = "due", nullable = false)
    public InstallmentDue due;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal paid = BigDecimal.ZERO;
    /** For AFTER_SHIPMENT: days after shipment the installment falls due. */
    @Column(name = "due_days")
    public Integer dueDays;
    /** For AFTER_SHIPMENT: set when the goods ship. */
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "overdue_announced", nullable = false)
    public boolean overdueAnnounced;

    public boolean isCovered() {
        return paid.compareTo(amount) >= 0;
    }
}
