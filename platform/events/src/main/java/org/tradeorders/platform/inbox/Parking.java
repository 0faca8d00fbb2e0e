package org.tradeorders.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.tradeorders.platform.events.CloudEvents;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.time.Timestamps;

/**
 * The parked aggregates of this service's consumers and the events held behind them, in arrival
 * order. Every step locks the aggregate's {@code parked_aggregate} row first, so an event that
 * arrives during a redrive waits and then either joins the queue or, once the queue is empty, is
 * applied normally: never out of order.
 */
@ApplicationScoped
public class Parking {
    /** Headers on a dead letter, besides the original event's own. */
    public static final String CONSUMER = "dlq-consumer";
    public static final String ERROR = "dlq-error";
    public static final String ATTEMPTS = "dlq-attempts";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";

    /** One parked event, with the Kafka record rebuilt as it arrived. */
    public record Parked(long seq, String consumer, String subject, boolean deadLetter, String eventType,
            ConsumerRecord<String, String> record) {
    }

    /** A parked aggregate as operators see it. */
    public record ParkedAggregate(String consumer, String subject, Instant parkedAt, String reason, long heldEvents) {
    }

    /** A dead letter as operators see it. */
    public record DeadLetter(String consumer, String subject, String eventId, String eventType, String topic,
            int partition, long offset, String error, int attempts, Instant receivedAt) {
    }

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;

    /** The dead-letter topic of one consumer and topic: {@code <service>.<topic>.dlq}. */
    public static String deadLetterTopic(String consumer, String topic) {
        return consumer + "." + topic + ".dlq";
    }

    /**
     * Which of the subjects are parked, in one statement however many there are; their rows stay locked
     * to the transaction's end, so a redrive of one of them and this transaction take turns.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> lockParked(String consumer, Collection<String> subjects) {
        @SuppressWarnings("unchecked")
        List<String> parked = em.createNativeQuery("select subject from parked_aggregate where consumer = ?1 "
                + "and subject = any(cast(?2 as varchar[])) for update")
                .setParameter(1, consumer).setParameter(2, subjects.toArray(String[]::new)).getResultList();
        return new HashSet<>(parked);
    }

    /** Holds the record behind its aggregate, which {@link #lockParked} found parked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(String consumer, String subject, ConsumerRecord<String, String> record, String eventType) {
        insert(consumer, subject, false, record, eventType, null, 0);
    }

    /** Parks the aggregate with this record as its dead letter, and publishes it on the consumer's dead-letter topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void park(String consumer, String subject, ConsumerRecord<String, String> record, String eventType,
            String error, int attempts) {
        em.createNativeQuery("insert into parked_aggregate (consumer, subject, parked_at, reason) values (?1, ?2, ?3, ?4) "
                + "on conflict do nothing")
                .setParameter(1, consumer).setParameter(2, subject).setParameter(3, Timestamp.from(clock.instant()))
                .setParameter(4, error).executeUpdate();
        lockAggregate(consumer, subject);
        insert(consumer, subject, true, record, eventType, error, attempts);
        Map<String, String> headers = headersOf(record);
        headers.put(CONSUMER, consumer);
        headers.put(ERROR, error);
        headers.put(ATTEMPTS, Integer.toString(attempts));
        headers.put(ORIGINAL_TOPIC, record.topic());
        headers.put(ORIGINAL_PARTITION, Integer.toString(record.partition()));
        headers.put(ORIGINAL_OFFSET, Long.toString(record.offset()));
        outbox.appendRaw(deadLetterTopic(consumer, record.topic()), subject, record.value(), headers);
    }

    /** The oldest parked event of the aggregate, its row locked; null when nothing is parked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Parked lockNext(String consumer, String subject) {
        if (lockAggregate(consumer, subject).isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, dead_letter, event_type, topic, kafka_partition, "
                + "kafka_offset, record_key, headers\\:\\:text, record_value from parked_event "
                + "where consumer = ?1 and subject = ?2 order by seq limit 1")
                .setParameter(1, consumer).setParameter(2, subject).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        RecordHeaders headers = new RecordHeaders();
        readHeaders((String) r[7]).forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        ConsumerRecord<String, String> record = new ConsumerRecord<>((String) r[3], ((Number) r[4]).intValue(),
                ((Number) r[5]).longValue(), ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, (String) r[6], (String) r[8], headers,
                Optional.empty());
        return new Parked(((Number) r[0]).longValue(), consumer, subject, (Boolean) r[1], (String) r[2], record);
    }

    /** The event was applied: it leaves the queue, and the aggregate is unparked with its last one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(Parked parked) {
        em.createNativeQuery("delete from parked_event where seq = ?1").setParameter(1, parked.seq()).executeUpdate();
        if (count(parked.consumer(), parked.subject()) == 0) {
            em.createNativeQuery("delete from parked_aggregate where consumer = ?1 and subject = ?2")
                    .setParameter(1, parked.consumer()).setParameter(2, parked.subject()).executeUpdate();
        }
    }

    /** A redriven event failed again: it stays first in the queue, with the new error. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int failedAgain(Parked parked, String error) {
        em.createNativeQuery("update parked_aggregate set reason = ?3 where consumer = ?1 and subject = ?2")
                .setParameter(1, parked.consumer()).setParameter(2, parked.subject()).setParameter(3, error).executeUpdate();
        return em.createNativeQuery("update parked_event set error = ?2, attempts = attempts + 1, dead_letter = true "
                + "where seq = ?1").setParameter(1, parked.seq()).setParameter(2, error).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int count(String consumer, String subject) {
        return ((Number) em.createNativeQuery("select count(*) from parked_event where consumer = ?1 and subject = ?2")
                .setParameter(1, consumer).setParameter(2, subject).getSingleResult()).intValue();
    }

    /** Parked aggregates, oldest first, with how many events each holds (its dead letter included). */
    @SuppressWarnings("unchecked")
    @Transactional
    public List<ParkedAggregate> aggregates(int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery("select a.consumer, a.subject, a.parked_at, a.reason, "
                + "(select count(*) from parked_event e where e.consumer = a.consumer and e.subject = a.subject) "
                + "from parked_aggregate a order by a.parked_at, a.subject offset ?1 limit ?2")
                .setParameter(1, offset).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new ParkedAggregate((String) r[0], (String) r[1], Timestamps.toInstant(r[2]),
                (String) r[3], ((Number) r[4]).longValue())).toList();
    }

    /** Dead letters (the events that failed), oldest first. */
    @SuppressWarnings("unchecked")
    @Transactional
    public List<DeadLetter> deadLetters(int offset, int limit) {
        List<Object[]> rows = em.createNativeQuery("select consumer, subject, event_id, event_type, topic, kafka_partition, "
                + "kafka_offset, error, attempts, received_at from parked_event where dead_letter order by seq "
                + "offset ?1 limit ?2").setParameter(1, offset).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new DeadLetter((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).longValue(), (String) r[7],
                ((Number) r[8]).intValue(), Timestamps.toInstant(r[9]))).toList();
    }

    /** How many aggregates are parked and how many dead letters wait: [aggregates, dead letters]. */
    @Transactional
    public long[] totals() {
        Object[] r = (Object[]) em.createNativeQuery("select (select count(*) from parked_aggregate), "
                + "(select count(*) from parked_event where dead_letter)").getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }

    private List<?> lockAggregate(String consumer, String subject) {
        return em.createNativeQuery("select 1 from parked_aggregate where consumer = ?1 and subject = ?2 for update")
                .setParameter(1, consumer).setParameter(2, subject).getResultList();
    }

    private void insert(String consumer, String subject, boolean deadLetter, ConsumerRecord<String, String> record,
            String eventType, String error, int attempts) {
        em.createNativeQuery("insert into parked_event (consumer, subject, dead_letter, event_id, event_type, topic, "
                + "kafka_partition, kafka_offset, record_key, headers, record_value, error, attempts, received_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as jsonb), ?11, ?12, ?13, ?14)")
                .setParameter(1, consumer).setParameter(2, subject).setParameter(3, deadLetter)
                .setParameter(4, IncomingEvent.header(record, CloudEvents.ID))
                .setParameter(5, eventType).setParameter(6, record.topic()).setParameter(7, record.partition())
                .setParameter(8, record.offset()).setParameter(9, record.key()).setParameter(10, writeHeaders(headersOf(record)))
                .setParameter(11, record.value()).setParameter(12, error).setParameter(13, attempts)
                .setParameter(14, Timestamp.from(clock.instant())).executeUpdate();
    }

    private static Map<String, String> headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private String writeHeaders(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readHeaders(String text) {
        try {
            return json.readValue(text, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
