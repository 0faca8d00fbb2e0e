package org.tradeorders.order.refund.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.tradeorders.order.refund.domain.RefundCases;
import org.tradeorders.platform.deadline.DeadlineHandler;

/** Fires when a Trade Assurance refund case is not agreed by order.refund.auto-escalate-after. */
@ApplicationScoped
public class AutoEscalation implements DeadlineHandler {
    @Inject
    RefundCases cases;

    @Override
    public String kind() {
        return RefundCases.AUTO_ESCALATION;
    }

    @Override
    public void fire(String caseId, Instant dueAt) {
        cases.autoEscalationDue(caseId);
    }
}
