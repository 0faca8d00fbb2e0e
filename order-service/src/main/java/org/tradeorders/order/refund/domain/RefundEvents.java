package org.tradeorders.order.refund.domain;

import java.time.Instant;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.money.Money;

/**
 * What a refund case publishes on {@code order-events}, each payload built next to its type. The key
 * (and ce_subject) is the order id, not the case's: a case belongs to its order (at most one open at a
 * time), and a reader needs its events in order with the order's own. Schemas: event-schemas/.
 */
public final class RefundEvents {
    public static final EventType REFUND_REQUESTED = EventType.of("RefundRequested", 1);
    public static final EventType REFUND_RESPONDED = EventType.of("RefundResponded", 1);
    public static final EventType REFUND_REVISED = EventType.of("RefundRevised", 1);
    public static final EventType REFUND_AGREED = EventType.of("RefundAgreed", 1);
    public static final EventType REFUND_ESCALATED = EventType.of("RefundEscalated", 1);
    public static final EventType REFUND_DECIDED = EventType.of("RefundDecided", 1);
    public static final EventType REFUND_WITHDRAWN = EventType.of("RefundWithdrawn", 1);
    public static final EventType REFUND_EVIDENCE_ADDED = EventType.of("RefundEvidenceAdded", 1);

    private RefundEvents() {
    }

    /** The buyer opened a case: the supplier answers by responseDueAt; coverage is the most it may claim. */
    public record RefundRequested(String caseId, String orderId, String supplierId, String buyerId, String kind,
            String reason, Money requested, Money coverage, Instant responseDueAt, Instant escalationAllowedAt,
            Instant autoEscalateAt) {
        static RefundRequested of(RefundCase c) {
            return new RefundRequested(c.id, c.orderId, c.supplierId, c.buyerId, c.kind.name(), c.reason.name(),
                    c.money(c.requested), c.money(c.coverage), c.responseDueAt, c.escalationAllowedAt, c.autoEscalateAt);
        }
    }

    /** The supplier answered: ACCEPTED (amount), REJECTED (note), or COUNTER_OFFERED (amount, note). */
    public record RefundResponded(String caseId, String orderId, String supplierId, String buyerId, String response,
            Money amount, String note) {
        static RefundResponded of(RefundCase c, String response, Money amount) {
            return new RefundResponded(c.id, c.orderId, c.supplierId, c.buyerId, response, amount, c.supplierNote);
        }
    }

    /** The buyer changed its request; the supplier answers it by responseDueAt. */
    public record RefundRevised(String caseId, String orderId, String supplierId, String buyerId, Money requested,
            Instant responseDueAt) {
        static RefundRevised of(RefundCase c) {
            return new RefundRevised(c.id, c.orderId, c.supplierId, c.buyerId, c.money(c.requested), c.responseDueAt);
        }
    }

    /**
     * The parties agreed a refund of amount, to be paid by payBy; supplierLost: agreed above the
     * configured share of the first claim.
     */
    public record RefundAgreed(String caseId, String orderId, String supplierId, String buyerId, String kind, String reason,
            Money amount, boolean supplierLost, Instant payBy) {
        static RefundAgreed of(RefundCase c, RefundRules rules) {
            return new RefundAgreed(c.id, c.orderId, c.supplierId, c.buyerId, c.kind.name(), c.reason.name(),
                    c.money(c.toPay), c.lostBySupplier(rules), c.payBy);
        }
    }

    /** Trade Assurance: the case goes to an operator (escalatedBy BUYER or TIMEOUT); evidence until evidenceDueAt. */
    public record RefundEscalated(String caseId, String orderId, String supplierId, String buyerId, String escalatedBy,
            Instant evidenceDueAt) {
        static RefundEscalated of(RefundCase c, String by) {
            return new RefundEscalated(c.id, c.orderId, c.supplierId, c.buyerId, by, c.evidenceDueAt);
        }
    }

    /**
     * The operator's final decision: amount (0 for no refund), with its reason; supplierLost when it
     * refunds; payBy: when the refund is paid by (null for no refund).
     */
    public record RefundDecided(String caseId, String orderId, String supplierId, String buyerId, String reason,
            Money amount, String decidedBy, String note, boolean supplierLost, Instant payBy) {
        static RefundDecided of(RefundCase c, Money amount, RefundRules rules) {
            return new RefundDecided(c.id, c.orderId, c.supplierId, c.buyerId, c.reason.name(), amount, c.decidedBy,
                    c.decisionNote, c.lostBySupplier(rules), c.payBy);
        }
    }

    /** The buyer took its request back. */
    public record RefundWithdrawn(String caseId, String orderId, String supplierId, String buyerId) {
        static RefundWithdrawn of(RefundCase c) {
            return new RefundWithdrawn(c.id, c.orderId, c.supplierId, c.buyerId);
        }
    }

    /** A party attached a file to the case (its content stays in order-service; sha256: its checksum). */
    public record RefundEvidenceAdded(String caseId, String orderId, String supplierId, String buyerId, String evidenceId,
            String fileName, String mediaType, long sizeBytes, String sha256, String addedBy, Instant addedAt) {
        static RefundEvidenceAdded of(RefundCase c, Evidence e) {
            return new RefundEvidenceAdded(c.id, c.orderId, c.supplierId, c.buyerId, e.id, e.fileName, e.mediaType,
                    e.sizeBytes, e.sha256, e.addedBy.name(), e.addedAt);
        }
    }
}
