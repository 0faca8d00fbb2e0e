package org.tradeorders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.domain.RuleViolation;

/**
 * The buyer's time to confirm receipt after shipment (order.receiving-window); when it ends, receipt
 * is confirmed automatically. Each party may extend it once.
 */
@Embeddable
public class ReceivingWindow {
    /** The end of the window; set when the goods ship, moved by extensions. */
    @Column(name = "receipt_due_at")
    public Instant dueAt;
    @Column(name = "receipt_extended_by_buyer", nullable = false)
    public boolean extendedByBuyer;
    @Column(name = "receipt_extended_by_supplier", nullable = false)
    public boolean extendedBySupplier;
    /** When receipt was confirmed, by the buyer or by the window's end: the claim window runs from then. */
    @Column(name = "receipt_confirmed_at")
    public Instant confirmedAt;

    void open(Instant shippedAt, Duration window) {
        dueAt = shippedAt.plus(window);
    }

    void confirmed(Instant at) {
        confirmedAt = at;
    }

    /** {@code by} extends the window by 1 to {@code maxDays} days, once per party. */
    void extend(String orderId, Party by, int days, long maxDays) {
        if (days < 1 || days > maxDays) {
            throw new InvalidInput("days", "must be between 1 and " + maxDays);
        }
        if (by == Party.BUYER ? extendedByBuyer : extendedBySupplier) {
            throw new RuleViolation("already-extended", "the " + by + " has already extended the receiving window of "
                    + "order " + orderId);
        }
        if (by == Party.BUYER) {
            extendedByBuyer = true;
        } else {
            extendedBySupplier = true;
        }
        dueAt = dueAt.plus(Duration.ofDays(days));
    }
}
