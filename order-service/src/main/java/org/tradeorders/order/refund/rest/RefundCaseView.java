package org.tradeorders.order.refund.rest;

import java.time.Instant;
import org.tradeorders.order.refund.domain.RefundCase;
import org.tradeorders.platform.money.Money;

/**
 * A refund case as its order's parties and operators read it: the claim, the answer, the amount to
 * pay once agreed or decided and when it is paid by (payBy) or was paid (paidAt), and each due time
 * (who must act by when).
 */
public record RefundCaseView(String id, String orderId, String kind, String reason, String description, String state,
        boolean open, Money coverage, Money requested, Money counterOffer, Money toPay, String supplierNote,
        String decisionNote, String decidedBy, Instant openedAt, Instant responseDueAt, Instant escalationAllowedAt,
        Instant autoEscalateAt, Instant escalatedAt, Instant evidenceDueAt, Instant payBy, Instant paidAt, Instant updatedAt) {

    static RefundCaseView of(RefundCase c) {
        return new RefundCaseView(c.id, c.orderId, c.kind.name(), c.reason.name(), c.description, c.state.name(),
                c.isOpen(), c.money(c.coverage), c.money(c.requested), c.money(c.counterOffer), c.money(c.toPay),
                c.supplierNote, c.decisionNote, c.decidedBy, c.openedAt, c.responseDueAt, c.escalationAllowedAt,
                c.autoEscalateAt, c.escalatedAt, c.evidenceDueAt, c.payBy, c.paidAt, c.updatedAt);
    }
}
