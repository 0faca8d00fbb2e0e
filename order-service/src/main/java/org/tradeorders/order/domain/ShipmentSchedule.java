package org.tradeorders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.tradeorders.platform.domain.RuleViolation;

/**
 * When the order must ship: a fixed last day, or N days from the moment production starts; extended
 * only by the parties' agreement (the supplier proposes, the buyer accepts), never beyond the
 * configured total (order.max-shipment-extension).
 */
@Embeddable
public class ShipmentSchedule {
    /** The last day to ship: fixed when drafted, or set from shipWithinDays when production starts. */
    @Column(name = "shipment_deadline")
    public LocalDate deadline;
    /** "Ship within N days of the initial payment", instead of a fixed date. */
    @Column(name = "ship_within_days")
    public Integer shipWithinDays;
    /** Days the deadline was extended by agreement, in total. */
    @Column(name = "shipment_extension_days", nullable = false)
    public int extensionDays;
    /** An extension the supplier proposed and the buyer has not answered yet. */
    @Column(name = "proposed_extension_days")
    public Integer proposedExtensionDays;

    /** Production started at {@code now}: a deadline given in days becomes a date. */
    void start(Instant now) {
        if (shipWithinDays != null) {
            deadline = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(shipWithinDays);
        }
    }

    /** The moment shipping is late: the end (UTC) of the deadline day. */
    public Instant dueAt() {
        return deadline == null ? null : deadline.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    void propose(String orderId, int days, long maxDays) {
        if (extensionDays + days > maxDays) {
            throw new RuleViolation("extension-limit", "the shipment deadline of order " + orderId + " may be extended "
                    + "by at most " + maxDays + " days in total; " + extensionDays + " are used, " + days
                    + " more would exceed it");
        }
        proposedExtensionDays = days;
    }

    /** The buyer's answer to the proposal; returns the days the deadline moved (0 when declined). */
    int answer(String orderId, boolean accept) {
        if (proposedExtensionDays == null) {
            throw new RuleViolation("no-proposal", "order " + orderId + " has no shipment extension to answer");
        }
        int days = accept ? proposedExtensionDays : 0;
        proposedExtensionDays = null;
        extensionDays += days;
        deadline = deadline.plusDays(days);
        return days;
    }
}
