package org.tradeorders.platform.worker;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs something once the current transaction has committed (never on rollback). */
public final class AfterCommit {
    private AfterCommit() {
    }

    public static void run(TransactionSynchronizationRegistry tx, Runnable action) {
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
