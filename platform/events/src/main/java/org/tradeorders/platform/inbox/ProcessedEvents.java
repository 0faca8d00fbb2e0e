package org.tradeorders.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.tradeorders.platform.events.IncomingEvent;

/**
 * The processed-event records, written in the transaction that applies the events (so one is never
 * written without its effect): a record that is already there means the event was applied before.
 * Plain JDBC on the transaction's connection, like the outbox's insert: a Hibernate native query
 * would first flush the persistence context.
 */
@ApplicationScoped
class ProcessedEvents {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /** Records the event; false if it was recorded (applied) before. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean record(IncomingEvent event) {
        return !recordAll(List.of(event)).isEmpty();
    }

    /**
     * Records the events in one statement; returns the ids of those not recorded before. An id that
     * occurs twice is recorded once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<String> recordAll(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> insert(connection, events));
    }

    private Set<String> insert(Connection connection, List<IncomingEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into processed_event (consumer, event_id, "
                + "event_type, subject, processed_at) select ?, e.id, e.type, e.subject, ? "
                + "from unnest(?, ?, ?) as e(id, type, subject) on conflict do nothing returning event_id")) {
            insert.setString(1, consumer);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.setArray(3, connection.createArrayOf("varchar", events.stream().map(IncomingEvent::id).toArray()));
            insert.setArray(4, connection.createArrayOf("varchar", events.stream().map(IncomingEvent::type).toArray()));
            insert.setArray(5, connection.createArrayOf("varchar", events.stream().map(IncomingEvent::subject).toArray()));
            Set<String> recorded = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getString(1));
                }
            }
            return recorded;
        }
    }
}
