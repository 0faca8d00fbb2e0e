package org.tradeorders.platform.outbox;

import org.tradeorders.platform.time.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.worker.AfterCommit;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits:
 * the state change and its event are one atomic write (no dual write). {@link OutboxRelay} publishes.
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
        em.createNativeQuery("insert into outbox_event (event_id, event_type, aggregate_id, topic, payload, occurred_at) "
                + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6)")
                .setParameter(1, id)
                .setParameter(2, type.type())
                .setParameter(3, aggregateId)
                .setParameter(4, config.topic())
                .setParameter(5, payload)
                .setParameter(6, Timestamp.from(clock.instant()))
                .executeUpdate();
        AfterCommit.run(tx, relay::wakeUp);
        return id;
    }

    /** The events this service recorded for one aggregate, oldest first: its history. */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordedEvent> eventsOf(String aggregateId) {
        List<Object[]> rows = em.createNativeQuery("select event_id, event_type, occurred_at, published_at, payload\\:\\:text "
                + "from outbox_event where aggregate_id = ?1 order by seq")
                .setParameter(1, aggregateId)
                .getResultList();
        return rows.stream().map(r -> new RecordedEvent(r[0].toString(), (String) r[1], Timestamps.toInstant(r[2]),
                Timestamps.toInstant(r[3]), readTree((String) r[4]))).toList();
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record RecordedEvent(String id, String type, Instant occurredAt, Instant publishedAt,
            com.fasterxml.jackson.databind.JsonNode data) {
    }
}
