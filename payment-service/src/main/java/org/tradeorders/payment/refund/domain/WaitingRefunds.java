package org.tradeorders.payment.refund.domain;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * Tries the refunds that wait for the supplier's money again, the longest waiting first, each in its
 * own transaction: one that settled funds now cover is paid. Instances racing for one refund are
 * serialised by its locks; the second finds it paid.
 */
@ApplicationScoped
public class WaitingRefunds {
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

    /** One round; returns whether a refund was paid (then the next round follows at once). */
    boolean round() {
        boolean paid = false;
        for (String caseId : refunds.waiting(rules.retryBatch())) {
            paid |= refunds.retry(caseId);
        }
        return paid;
    }
}
