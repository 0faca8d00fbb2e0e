package org.tradeorders.platform.retention;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * Deletes published outbox rows and processed-event records past their retention, a small batch per
 * statement and each batch its own short transaction, so neither the relay (which reads only
 * unpublished rows) nor a consumer waits on it. Unpublished rows are never touched.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventsConfig config;
    @Inject
    Clock clock;

    private PollingWorker worker;

    void onStart(@Observes StartupEvent start) {
        Duration interval = config.retention().interval();
        worker = new PollingWorker("retention", interval, interval, () -> purge() >= config.retention().batchSize());
        worker.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (worker != null) {
            worker.stop();
        }
    }

    /** One round: at most a batch of each kind. @return the larger of the two counts (a full batch: go on) */
    public int purge() throws SQLException {
        int batch = config.retention().batchSize();
        int outbox = 0;
        Duration published = config.retention().publishedEvents();
        if (!published.isZero()) {
            outbox = delete("delete from outbox_event where seq in (select seq from outbox_event where published_at < ? "
                    + "order by published_at limit ?)", published, batch);
        }
        int processed = delete("delete from processed_event where (consumer, event_id) in (select consumer, event_id "
                + "from processed_event where processed_at < ? order by processed_at limit ?)",
                config.retention().processedEvents(), batch);
        if (outbox + processed > 0) {
            LOG.debugf("retention: %d published outbox rows, %d processed-event records deleted", outbox, processed);
        }
        return Math.max(outbox, processed);
    }

    private int delete(String sql, Duration olderThan, int batch) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            st.setTimestamp(1, Timestamp.from(clock.instant().minus(olderThan)));
            st.setInt(2, batch);
            return st.executeUpdate();
        }
    }
}
