package org.tradeorders.platform.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * Backlogs as gauges for alerts, each a count or an age the database answers: the platform's own
 * (events not yet on Kafka and the oldest one's age, pending and overdue deadlines, unsent and failing
 * e-mails and the oldest one's age) and any a service {@link #register}s (payment-service: remittances
 * not associated). Read every {@code tradeorders.events.consumer.metrics-interval}, never on a scrape.
 * A statement's parameters are all the service clock's now (the clock that stamped the rows), so an
 * age is measured on that clock; a value below zero reads as zero.
 */
@ApplicationScoped
public class DatabaseGauges {
    private record Query(String sql, int parameters, AtomicLong value) {
    }

    @Inject
    MeterRegistry registry;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventsConfig config;
    @Inject
    Clock clock;

    private final List<Query> queries = new CopyOnWriteArrayList<>();
    private PollingWorker worker;

    /** A gauge {@code name} read by {@code sql}: one row, one number; every {@code ?} is now. */
    public void register(String name, String description, String sql) {
        Query q = new Query(sql, (int) sql.chars().filter(ch -> ch == '?').count(), new AtomicLong());
        queries.add(q);
        Gauge.builder(name, q.value(), AtomicLong::get).description(description).register(registry);
    }

    void onStart(@Observes @Priority(1) StartupEvent start) {
        register("tradeorders.outbox.backlog", "events recorded but not yet acknowledged by the broker",
                "select count(*) from outbox_event where published_at is null");
        register("tradeorders.outbox.oldest.age.seconds", "age of the oldest event not yet acknowledged by the broker",
                "select extract(epoch from cast(? as timestamptz) - min(occurred_at)) from outbox_event where published_at is null");
        register("tradeorders.deadlines.pending", "deadlines waiting to fire",
                "select count(*) from deadline where status = 'PENDING'");
        register("tradeorders.deadlines.overdue", "deadlines past due that have not fired",
                "select count(*) from deadline where status = 'PENDING' and due_at < cast(? as timestamptz)");
        register("tradeorders.mail.backlog", "e-mails the mail server has not accepted yet",
                "select count(*) from mail_outbox where sent_at is null");
        register("tradeorders.mail.failing", "unsent e-mails that failed at least once",
                "select count(*) from mail_outbox where sent_at is null and attempts > 0");
        register("tradeorders.mail.oldest.age.seconds", "age of the oldest unsent e-mail",
                "select extract(epoch from cast(? as timestamptz) - min(created_at)) from mail_outbox where sent_at is null");
        Duration interval = config.consumer().metricsInterval();
        worker = new PollingWorker("database-gauges", interval, interval, () -> {
            read();
            return false;
        });
        worker.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (worker != null) {
            worker.stop();
        }
    }

    private void read() throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            for (Query q : queries) {
                try (PreparedStatement s = c.prepareStatement(q.sql())) {
                    for (int p = 1; p <= q.parameters(); p++) {
                        s.setTimestamp(p, now);
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        q.value().set(rs.next() ? Math.max(0, (long) rs.getDouble(1)) : 0);
                    }
                }
            }
        }
    }
}
