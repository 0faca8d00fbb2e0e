package org.tradeorders.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.tradeorders.platform.worker.AfterCommit;

/**
 * Business counters ({@code tradeorders.<what>}, tagged by kind, channel, currency, outcome): each
 * counts once the change it reports has committed, so a rolled-back or retried transaction counts
 * nothing twice. One name always carries the same tag keys (Prometheus requires it). Unremovable: a JPA
 * listener (order-service's OrderTransitions) looks it up instead of injecting it.
 */
@Unremovable
@ApplicationScoped
public class BusinessMetrics {
    @Inject
    MeterRegistry registry;
    @Inject
    TransactionSynchronizationRegistry tx;

    /** @param tags key, value, key, value... */
    public void count(String name, String... tags) {
        Counter counter = registry.counter(name, tags);
        if (tx.getTransactionStatus() == Status.STATUS_ACTIVE) {
            AfterCommit.run(tx, counter::increment);
        } else {
            counter.increment();
        }
    }
}
