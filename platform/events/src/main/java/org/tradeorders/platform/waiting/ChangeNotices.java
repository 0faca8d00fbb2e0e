package org.tradeorders.platform.waiting;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * Changes that record no event, announced through the service's own database (PostgreSQL's
 * NOTIFY): {@link #announce} in the transaction that makes the change; on its commit, and only then,
 * PostgreSQL delivers the notice to every instance's listener, which wakes the readers waiting there
 * ({@link Changes}), on this instance and on the others alike. On in a service whose waiting reads
 * follow such a change ({@code tradeorders.waits.notices.enabled}: fulfillment-service's readiness to
 * ship).
 *
 * <p>The listener is a {@link PollingWorker} with a connection of its own, outside the pool (a
 * listening session must not be handed to a request). The driver waits for notices without a word to the server, so a connection
 * that died silently would never be noticed: every {@link #PING_EVERY_MS} without a notice it asks the
 * server, and breaks off a connection that does not answer. Notices sent while it was not listening
 * are lost, so after every (re)connection every waiting reader reads again.
 */
@ApplicationScoped
public class ChangeNotices {
    static final String CHANNEL = "tradeorders_changes";
    private static final long PING_EVERY_MS = 15_000;

    @Inject
    EntityManager em;
    @Inject
    Changes changes;
    @Inject
    WaitsConfig config;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PollingWorker worker;
    /** The listening connection, the worker's alone; null until (re)connected. */
    private Connection listening;
    private long lastHeard;

    /** In the current transaction: {@code key} changed. Readers waiting for it are woken when it commits. */
    public void announce(String key) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, key).getSingleResult();
    }

    void onStart(@Observes StartupEvent ev) {
        if (!config.notices().enabled()) {
            return;
        }
        // every round waits up to a second for notices itself, so the worker's interval is never slept
        worker = new PollingWorker("change-notices", Duration.ofSeconds(1), Duration.ofSeconds(1), this::listen);
        worker.start();
    }

    /** One round: (re)connect if needed, then wake the readers of what was announced within a second. */
    private boolean listen() throws SQLException {
        try {
            if (listening == null) {
                listening = connect();
                try (Statement s = listening.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                lastHeard = System.currentTimeMillis();
                changes.changedAll(); // what was announced while not listening is read again
            }
            PGNotification[] notices = listening.unwrap(PGConnection.class).getNotifications(1000);
            if (notices != null && notices.length > 0) {
                for (PGNotification n : notices) {
                    changes.changed(n.getParameter());
                }
                lastHeard = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastHeard > PING_EVERY_MS) {
                try (Statement s = listening.createStatement()) {
                    s.execute("select 1"); // throws on a connection that died silently
                }
                lastHeard = System.currentTimeMillis();
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            close(); // the next round connects anew; until then readers here are woken by the end of their wait
            throw e;
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        user.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("socketTimeout", "10"); // seconds: a ping the server does not answer breaks off
        p.setProperty("ApplicationName", "change-notices");
        return DriverManager.getConnection(url, p);
    }

    private void close() {
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException ignored) {
                // a broken connection: nothing left to close
            }
            listening = null;
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (worker != null) {
            worker.stop(); // after its current round, at most a second
            close();
        }
    }
}
