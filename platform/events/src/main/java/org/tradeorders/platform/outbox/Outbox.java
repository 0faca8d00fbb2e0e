package org.tradeorders.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.tradeorders.platform.events.CloudEvents;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.time.Timestamps;
import org.tradeorders.platform.tracing.TraceContext;
import org.tradeorders.platform.waiting.Changes;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits:
 * the state change and its event are one atomic write (no dual write). {@link OutboxRelay} publishes.
 * The row keeps the transaction's trace context, which the event carries on as its traceparent.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    EventsConfig config;
    @Inject
    Clock clock;
    @Inject
    TransactionSynchronizationRegistry tx;
    @Inject
    OutboxRelay relay;
    @Inject
    MeterRegistry registry;
    @Inject
    Changes changes;

    /**
     * @param aggregateId the Kafka key and ce_subject: the order id, or the supplier id for supplier-level events
     * @return the event id (ce_id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventType type, String aggregateId, Object data) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + type + " is not serialisable", e);
        }
        Instant occurredAt = EventRecords.asStored(clock.instant());
        String traceParent = TraceContext.currentTraceparent();
        Recorded row = em.unwrap(Session.class).doReturningWork(
                connection -> insert(connection, id, type.type(), aggregateId, payload, occurredAt, traceParent));
        Handoffs.Event event = new Handoffs.Event(row.seq(), id.toString(), type.type(), aggregateId, config.topic(), payload,
                occurredAt, traceParent);
        TransactionEvents.of(tx, relay, changes).add(event, sequenceNumbers(row.olderUnpublished()),
                registry.counter("tradeorders.events.recorded", "type", type.type()));
        return id;
    }

    /**
     * One statement on the transaction's own connection: the row, and the aggregate's older events still
     * unpublished (the insert is not among them). Plain JDBC, not a Hibernate native query: that would
     * first flush the persistence context, a dirty check of every managed entity per event recorded
     * (7.6% of order-service's CPU in the pipeline benchmark), which the commit does once anyway. The
     * outbox table is written by this class alone, so nothing pending in the context concerns it.
     */
    private Recorded insert(Connection connection, UUID id, String type, String aggregateId, String payload,
            Instant occurredAt, String traceParent) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("with e as (insert into outbox_event (event_id, "
                + "event_type, aggregate_id, topic, payload, occurred_at, trace_parent) values (?, ?, ?, ?, cast(? as jsonb), ?, ?) "
                + "returning seq) select e.seq, (select string_agg(cast(o.seq as text), ',') from outbox_event o "
                + "where o.aggregate_id = ? and o.published_at is null) from e")) {
            insert.setObject(1, id);
            insert.setString(2, type);
            insert.setString(3, aggregateId);
            insert.setString(4, config.topic());
            insert.setString(5, payload);
            insert.setTimestamp(6, Timestamp.from(occurredAt));
            insert.setString(7, traceParent);
            insert.setString(8, aggregateId);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new Recorded(row.getLong(1), row.getString(2));
            }
        }
    }

    /**
     * Records a Kafka record to publish verbatim (a dead letter: the original value and headers, plus
     * the consumer's), in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendRaw(String topic, String key, String value, Map<String, String> headers) {
        String headerJson;
        try {
            headerJson = json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("headers are not serialisable", e);
        }
        em.createNativeQuery("insert into outbox_event (event_id, event_type, aggregate_id, topic, payload, occurred_at, "
                + "headers, raw_payload) values (?1, ?2, ?3, ?4, cast('null' as jsonb), ?5, cast(?6 as jsonb), ?7)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, headers.getOrDefault(CloudEvents.TYPE, "unknown"))
                .setParameter(3, key)
                .setParameter(4, topic)
                .setParameter(5, Timestamp.from(clock.instant()))
                .setParameter(6, headerJson)
                .setParameter(7, value)
                .executeUpdate();
        TransactionEvents.of(tx, relay, changes).addUnlisted();
    }

    /** The events this service recorded for one aggregate, oldest first: its history. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordedEvent> eventsOf(String aggregateId) {
        List<Object[]> rows = em.createNativeQuery("select event_id, event_type, occurred_at, published_at, payload\\:\\:text "
                + "from outbox_event where aggregate_id = ?1 and topic = ?2 order by seq")
                .setParameter(1, aggregateId)
                .setParameter(2, config.topic())
                .getResultList();
        return rows.stream().map(r -> new RecordedEvent(r[0].toString(), (String) r[1], Timestamps.toInstant(r[2]),
                Timestamps.toInstant(r[3]), (String) r[4])).toList();
    }

    /**
     * The events the current transaction recorded for one aggregate, oldest first, not yet published: for
     * an aggregate the transaction created, its whole history, without reading back what was just written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RecordedEvent> recordedInThisTransaction(String aggregateId) {
        return TransactionEvents.recorded(tx).stream().filter(e -> e.aggregateId().equals(aggregateId))
                .map(e -> new RecordedEvent(e.eventId(), e.type(), e.occurredAt(), null, e.payload())).toList();
    }

    /** The row's sequence number, and its aggregate's older unpublished ones (comma separated, or null). */
    private record Recorded(long seq, String olderUnpublished) {
    }

    private static List<Long> sequenceNumbers(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(Long::valueOf).toList();
    }

    /** An event as recorded; {@code payload} is its data, JSON text as stored (a view passes it on without parsing it). */
    public record RecordedEvent(String id, String type, Instant occurredAt, Instant publishedAt, String payload) {
    }
}
