package org.tradeorders.payment.refund.domain;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tradeorders.platform.faults.Transients;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * Tries the refunds that wait for the supplier's money again, the longest waiting first, each in its
 * own transaction: one that settled funds now cover is paid. Instances racing for one refund are
 * serialised by its locks; the second finds it paid.
 */
@ApplicationScoped
public class WaitingRefunds {
    private static final Logger LOG = Logger.getLogger(WaitingRefunds.class);

    @Inject
    Refunds refunds;
    @Inject
    RefundRules rules;

    private PollingWorker worker;

    void onStart(@Observes StartupEvent start) {
        worker = new PollingWorker("waiting-refunds", rules.retryInterval(), rules.retryInterval(), this::round);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (worker != null) {
            worker.stop();
        }
    }

    /**
     * One round; returns whether a refund was paid (then the next round follows at once). A transient
     * failure ends the round, which the worker runs again after a pause; any other failure of one
     * refund is logged and leaves it waiting (tried again next round) without holding up the others.
     */
    boolean round() {
        boolean paid = false;
        for (String caseId : refunds.waiting(rules.retryBatch())) {
            try {
                paid |= refunds.retry(caseId);
            } catch (RuntimeException e) {
                if (Transients.isTransient(e)) {
                    throw e;
                }
                LOG.errorf(e, "refund case %s could not be paid; it keeps waiting", caseId);
            }
        }
        return paid;
    }
}
