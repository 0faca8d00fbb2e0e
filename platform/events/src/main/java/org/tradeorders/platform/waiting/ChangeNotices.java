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
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Changes that record no event, announced through the service's own database (PostgreSQL's
 * NOTIFY): {@link #announce} in the transaction that makes the change; on its commit, and only then,
 * PostgreSQL delivers the notice to every instance's listener, which wakes the readers waiting there
 * ({@link Changes}), on this instance and on the others alike. On in a service whose waiting reads
 * follow such a change ({@code tradeorders.waits.notices.enabled}: fulfillment-service's readiness to
 * ship).
 *
 * <p>The listener has a connection of its own, outside the pool (a listening session must not be
 * handed to a request). The driver waits for notices without a word to the server, so a connection
 * that died silently would never be noticed: every {@link #PING_EVERY_MS} without a notice it asks the
 * server, and breaks off a connection that does not answer. Notices sent while it was not listening
 * are lost, so after every (re)connection every waiting reader reads again.
 */
@ApplicationScoped
public class ChangeNotices {
    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);
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

    private Thread thread;
    private volatile boolean running;

    /** In the current transaction: {@code key} changed. Readers waiting for it are woken when it commits. */
    public void announce(String key) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, key).getSingleResult();
    }

    void onStart(@Observes StartupEvent ev) {
        if (!config.notices().enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "change-notices");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        boolean failing = false;
        while (running) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("listen " + CHANNEL);
                changes.changedAll(); // what was announced while not listening is read again
                if (failing) {
                    LOG.info("change notices heard again");
                    failing = false;
                }
                listen(c.unwrap(PGConnection.class), s);
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf("change notices not heard (%s): readers here are woken by the end of their wait until they are",
                            e.toString());
                    failing = true;
                }
                sleep();
            }
        }
    }

    private void listen(PGConnection pg, Statement s) throws SQLException {
        long heard = System.currentTimeMillis();
        while (running) {
            PGNotification[] notices = pg.getNotifications(1000);
            if (notices != null && notices.length > 0) {
                for (PGNotification n : notices) {
                    changes.changed(n.getParameter());
                }
                heard = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - heard > PING_EVERY_MS) {
                s.execute("select 1"); // throws on a connection that died silently
                heard = System.currentTimeMillis();
            }
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

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    void onStop(@Observes ShutdownEvent ev) {
        running = false;
        if (thread != null) {
            try {
                thread.join(3000); // the listener notices within its one-second wait, and closes its connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
