package org.tradeorders.platform.faults;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Which failures go away by themselves: the same work, tried again later, may succeed. Consumers
 * retry them in place (never dead-letter them); REST answers them 503 with Retry-After.
 */
public final class Transients {
    /**
     * PostgreSQL SQLSTATEs worth a retry: serialization failure, deadlock victim, lock not available,
     * too many connections, out of memory/disk pressure classes, the server shutting down or starting
     * (admin/crash shutdown, cannot connect now). Class 08 (connection exceptions) is matched as a class.
     */
    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "53000", "53100", "53200", "53300",
            "57P01", "57P02", "57P03", "57014");

    private Transients() {
    }

    public static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    /** Walks the causes and the suppressed exceptions (a failed commit keeps its resource's failure there). */
    private static boolean isTransient(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause() == t ? null : t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                    return true;
                }
                // Agroal: no connection could be had from the pool in time (the database is unreachable)
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (t instanceof IOException) {
                return true; // a socket to the database broke mid-statement
            }
        }
        return false;
    }
}
