package org.tradeorders.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The period after an order completed in which its buyer may review the supplier. */
@Entity
@Table(name = "review_window")
public class ReviewWindow {
    @Id
    @Column(name = "order_id")
    public String orderId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;
    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    public boolean isOpenAt(Instant t) {
        return !t.isBefore(opensAt) && t.isBefore(closesAt);
    }
}
