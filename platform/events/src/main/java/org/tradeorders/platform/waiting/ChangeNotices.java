package org.tradeorders.platform.waiting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Changes that record no event, announced through the service's own database (PostgreSQL's
 * NOTIFY): {@link #announce} in the transaction that makes the change; on its commit, and only then,
 * PostgreSQL delivers the notice to every instance's listener, which wakes the readers waiting there
 * ({@link Changes}), on this instance and on the others alike. On in a service whose waiting reads
 * follow such a change ({@code tradeorders.waits.notices.enabled}: fulfillment-service's readiness to
 * ship). The listener holds one connection of the pool; while it cannot listen, a reader is woken by the
 * end of its wait, which reads again.
 */
@ApplicationScoped
public class ChangeNotices {
    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);
    static final String CHANNEL = "tradeorders_changes";

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Changes changes;
    @Inject
    WaitsConfig config;

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
            try (Connection c = dataSource.getConnection(); Statement listen = c.createStatement()) {
                listen.execute("listen " + CHANNEL);
                if (failing) {
                    LOG.info("change notices heard again");
                    failing = false;
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(1000);
                    if (notices != null) {
                        for (PGNotification n : notices) {
                            changes.changed(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
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
                thread.join(3000); // the listener notices within its one-second wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
