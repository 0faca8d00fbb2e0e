package org.tradeorders.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tradeorders.platform.events.CloudEvents;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.time.Timestamps;
import org.tradeorders.platform.tracing.TraceContext;
import org.tradeorders.platform.worker.AfterCommit;

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
        em.createNativeQuery("insert into outbox_event (event_id, event_type, aggregate_id, topic, payload, occurred_at, "
                + "trace_parent) values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7)")
                .setParameter(1, id)
                .setParameter(2, type.type())
                .setParameter(3, aggregateId)
                .setParameter(4, config.topic())
                .setParameter(5, payload)
                .setParameter(6, Timestamp.from(clock.instant()))
                .setParameter(7, TraceContext.currentTraceparent())
                .executeUpdate();
        // one synchronization per event: once committed, wake the relay and count the event
        Counter recorded = registry.counter("tradeorders.events.recorded", "type", type.type());
        AfterCommit.run(tx, () -> {
            relay.wakeUp();
            recorded.increment();
        });
        return id;
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
        AfterCommit.run(tx, relay::wakeUp);
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
                Timestamps.toInstant(r[3]), readTree((String) r[4]))).toList();
    }

    private JsonNode readTree(String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record RecordedEvent(String id, String type, Instant occurredAt, Instant publishedAt,
            JsonNode data) {
    }
}
