package org.tradeorders.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.tradeorders.platform.events.CloudEvents;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.tracing.TraceContext;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * Publishes outbox rows to Kafka in commit order, as CloudEvents in binary mode, key = aggregate id.
 *
 * <p>At-least-once and ordered: a row is marked published only after the broker acknowledged it and
 * every row before it; on the first failure the rest of the batch waits and is sent again later, so
 * one aggregate's events never overtake each other. Consumers de-duplicate by ce_id. With several
 * instances, a PostgreSQL advisory lock lets one relay at a time publish. Each event carries the
 * traceparent of the transaction that recorded it.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: one relay per database at a time. */
    private static final long RELAY_LOCK = 0x7472_6164_6572_6c79L;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventsConfig config;
    /** Every {@code kafka.*} property of the service (bootstrap servers, security protocol, TLS, SASL, client settings). */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private PollingWorker worker;
    private KafkaProducer<String, String> producer;
    private KafkaClientMetrics producerMetrics;
    private Counter published;
    private Counter failures;

    void onStart(@Observes StartupEvent ev) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        Properties p = new Properties();
        // the service's whole Kafka client configuration, as its consumers get it; the relay's guarantees on top
        kafkaConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k) || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                p.put(k, v);
            }
        });
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int timeout = (int) config.relay().deliveryTimeout().toMillis();
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 5000));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        published = Counter.builder("tradeorders.outbox.published").description("events the broker acknowledged")
                .register(registry);
        failures = Counter.builder("tradeorders.outbox.publish.failures")
                .description("relay rounds that ended on an event the broker did not acknowledge").register(registry);
        // a full batch means more may be waiting: go on at once
        worker = new PollingWorker("outbox-relay", config.relay().pollInterval(), config.relay().retryBackoff(),
                () -> publishBatch() >= config.relay().batchSize());
        worker.start();
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (worker != null) {
            worker.stop();
        }
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a transaction that appended events committed: publish now rather than at the next poll. */
    void wakeUp() {
        if (worker != null) {
            worker.wakeUp();
        }
    }

    /** @return how many events were published */
    int publishBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = publishBatch(c);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0; // another instance is relaying
                }
            }
        }
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select seq, event_id, event_type, aggregate_id, topic, "
                + "coalesce(raw_payload, payload::text), occurred_at, headers::text, trace_parent from outbox_event where published_at is null order by seq limit ?")) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(5), rs.getString(4), rs.getString(6));
                    header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
                    header(record, CloudEvents.ID, rs.getString(2));
                    header(record, CloudEvents.TYPE, rs.getString(3));
                    header(record, CloudEvents.SOURCE, config.source());
                    header(record, CloudEvents.SUBJECT, rs.getString(4));
                    header(record, CloudEvents.TIME, DateTimeFormatter.ISO_INSTANT.format(rs.getTimestamp(7).toInstant()));
                    header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
                    if (EventType.isType(rs.getString(3))) {
                        header(record, CloudEvents.DATASCHEMA, EventType.parse(rs.getString(3)).dataSchema());
                    }
                    header(record, TraceContext.TRACEPARENT, rs.getString(9));
                    overrideHeaders(record, rs.getString(8));
                    seqs.add(rs.getLong(1));
                    try {
                        acks.add(producer.send(record));
                    } catch (RuntimeException e) {
                        acks.add(CompletableFuture.failedFuture(e));
                        break;
                    }
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        producer.flush();
        // Only the acknowledged prefix counts as published: nothing after a failure may overtake it.
        List<Long> acknowledged = new ArrayList<>();
        Exception failure = null;
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(config.relay().deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(seqs.get(i));
            } catch (Exception e) {
                failure = e;
                break;
            }
        }
        if (!acknowledged.isEmpty()) {
            try (PreparedStatement mark = c.prepareStatement("update outbox_event set published_at = now() where seq = any(?)")) {
                mark.setArray(1, c.createArrayOf("bigint", acknowledged.toArray()));
                mark.executeUpdate();
            }
        }
        published.increment(acknowledged.size());
        if (failure != null) {
            failures.increment();
            c.commit();
            throw new IllegalStateException("broker did not acknowledge event (" + acknowledged.size() + " of "
                    + seqs.size() + " published)", failure);
        }
        return acknowledged.size();
    }

    /** A dead letter keeps the original event's headers (its ce_id, ce_source, ...) and adds the consumer's. */
    private void overrideHeaders(ProducerRecord<String, String> record, String headers) {
        if (headers == null) {
            return;
        }
        try {
            json.readTree(headers).fields().forEachRemaining(h -> {
                record.headers().remove(h.getKey());
                header(record, h.getKey(), h.getValue().asText());
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row with unreadable headers", e);
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        if (value != null) {
            r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
