package org.tradeorders.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.faults.Transients;

class ProblemMappersTest {

    @Test
    void aDeadlockVictimIsToldToRetryAndOtherDatabaseFailuresAreA500() {
        var deadlock = new PersistenceException("could not execute statement",
                new RuntimeException(new SQLException("deadlock detected", "40P01")));
        var response = new ProblemMappers().persistence(deadlock);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((Problem) response.getEntity()).type().toString()).endsWith("busy-retry");

        assertThat(Transients.isTransient(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(Transients.isTransient(new SQLException("lock not available", "55P03"))).isTrue();
        var broken = new PersistenceException(new SQLException("null value in column", "23502"));
        assertThat(Transients.isTransient(broken)).isFalse();
        assertThat(new ProblemMappers().persistence(broken).getStatus()).isEqualTo(500);
        // the database restarting or unreachable: retry, nothing changed
        assertThat(Transients.isTransient(new PersistenceException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(Transients.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(new ProblemMappers().persistence(new PersistenceException(new SQLException("gone", "08006")))
                .getStatus()).isEqualTo(503);
    }

    @Test
    void aCommitThatFailedBecauseTheDatabaseWentAwayIsBusyRetryNotA500() {
        // how Narayana reports it: the resource's failure is a suppressed exception of the RollbackException
        var lost = new XAException("Error trying to transactionCommit local transaction");
        lost.initCause(new SQLException("terminating connection due to unexpected postmaster exit", "57P01"));
        var rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(lost);
        var wrapped = new RuntimeException("undeclared", rollback);
        assertThat(Transients.isTransient(wrapped)).isTrue();
        var response = new ProblemMappers().unexpected(wrapped);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(((Problem) response.getEntity()).type().toString()).endsWith("busy-retry");
        assertThat(new ProblemMappers().unexpected(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
        assertThat(((Problem) new ProblemMappers().unexpected(new IllegalStateException("a bug")).getEntity()).detail())
                .doesNotContain("IllegalStateException");
    }
}
