package org.tradeorders.order.refund.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.tradeorders.order.domain.Party;
import org.tradeorders.order.refund.domain.RefundCase;
import org.tradeorders.order.refund.domain.RefundCases;
import org.tradeorders.order.rest.OrderAccess;
import org.tradeorders.platform.problem.ProblemException;

/** Who may see a refund case: its order's parties (in their own role) and operators; anyone else gets 404. */
@RequestScoped
public class CaseAccess {
    @Inject
    RefundCases cases;
    @Inject
    OrderAccess access;

    /** The case, if the caller may see its order; 404 otherwise, as for a case that does not exist. */
    RefundCase visible(String caseId) {
        RefundCase c = cases.find(caseId).orElseThrow(() -> ProblemException.notFound("refund case", caseId));
        try {
            access.requireVisible(c.orderId);
        } catch (ProblemException e) {
            throw ProblemException.notFound("refund case", caseId);
        }
        return c;
    }

    /**
     * The caller's side of the case's order (acting in its own role), checked on the order loaded under
     * its row lock ({@link OrderAccess#partyFor}), so nothing here loads the order before.
     */
    Party partyIn(String caseId) {
        RefundCase c = cases.find(caseId).orElseThrow(() -> ProblemException.notFound("refund case", caseId));
        try {
            return access.partyFor(c.orderId);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw ProblemException.notFound("refund case", caseId);
            }
            throw e;
        }
    }
}
