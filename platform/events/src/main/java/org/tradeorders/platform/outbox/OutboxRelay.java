package org.tradeorders.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.events.KafkaClientConfig;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * Publishes outbox rows to Kafka, as CloudEvents in binary mode, key = aggregate id.
 *
 * <p>One instance per database leads the relay: it holds a PostgreSQL session advisory lock on the
 * relay's own connection, so no two instances ever publish the same row; the others try to take
 * the lead at every round. The leader publishes by two paths, on one thread. A transaction committed
 * on the leader hands its events over ({@link Handoffs}): they are sent at once, without being read
 * back, and their rows are marked published in bulk by the next database round. The database round
 * (every poll interval, or when a hand-off was refused) marks those rows, then reads what is still
 * unpublished in sequence order and sends it: events written on other instances, by a crashed
 * leader, or left behind by a failure. A row is marked only after the broker acknowledged it and
 * every row before it; on the first failure the rest waits and is sent again, so one aggregate's
 * events never overtake each other. At-least-once: a crash between an acknowledgement and its mark
 * sends the event again, and consumers de-duplicate by ce_id. Each event carries the traceparent of
 * the transaction that recorded it.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Session advisory lock key: one leading relay per database. */
    private static final long RELAY_LOCK = 0x7472_6164_6572_6c79L;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventsConfig config;
    @Inject
    KafkaClientConfig kafka;
    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private final Handoffs handoffs = new Handoffs();
    /** While this instance leads: the connection that holds the lock, on which every database round runs. */
    private Connection lead;
    private PollingWorker worker;
    private KafkaProducer<String, String> producer;
    private KafkaClientMetrics producerMetrics;
    private Counter published;
    private Counter failures;
    /** A database round is wanted before the poll interval is up (a refused hand-off, a failure). */
    private volatile boolean roundWanted = true;
    private long lastRound;

    void onStart(@Observes StartupEvent ev) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        Properties p = kafka.forClient(ProducerConfig.configNames()); // the relay's guarantees on top
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
        worker = new PollingWorker("outbox-relay", config.relay().pollInterval(), config.relay().retryBackoff(), this::round);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent ev) {
        handoffs.close();
        if (worker != null) {
            worker.stop();
            release();
            try {
                flushMarks(); // what was acknowledged; unmarked, it would only be sent again
            } catch (SQLException | RuntimeException e) {
                LOG.infof("outbox relay stopped with %d acknowledged events unmarked (%s): they will be sent again",
                        handoffs.waitingToBeMarked(), e.getMessage());
            }
        }
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Asked in the transaction that records an event, with the older unpublished events of its aggregate.
     *
     * @return the epoch to hand the event off in after commit, or {@link Handoffs#REFUSED}
     */
    long admit(Collection<Long> olderUnpublished) {
        return handoffs.admit(olderUnpublished);
    }

    /** After commit: a transaction's events are sent at once if they were admitted, else by the database round, soon. */
    void handOff(List<Handoffs.Event> events, long admittedIn) {
        if (handoffs.handOff(events, admittedIn)) {
            wakeUp();
        } else {
            publishSoon();
        }
    }

    /** After commit of rows that were not handed off: a database round now rather than at the next poll. */
    void publishSoon() {
        roundWanted = true;
        wakeUp();
    }

    private void wakeUp() {
        if (worker != null) {
            worker.wakeUp();
        }
    }

    /** @return true if more work is waiting */
    private boolean round() throws SQLException {
        if (handoffs.hasQueued()) {
            sendHandedOff();
        }
        long now = System.nanoTime();
        boolean more = false;
        if (roundWanted || now - lastRound >= config.relay().pollInterval().toNanos()
                || handoffs.waitingToBeMarked() >= config.relay().batchSize()) {
            roundWanted = false;
            lastRound = now;
            more = publishBatch() >= config.relay().batchSize();
        }
        return more || handoffs.hasQueued();
    }

    private void sendHandedOff() {
        List<Handoffs.Event> batch = handoffs.drain();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Handoffs.Event e : batch) {
            try {
                acks.add(producer.send(EventRecords.of(e, config.source(), null, json)));
            } catch (RuntimeException ex) {
                acks.add(CompletableFuture.failedFuture(ex));
                break;
            }
        }
        producer.flush();
        Acks acked = acknowledgedPrefix(acks);
        int ok = acked.count();
        handoffs.acknowledged(batch.subList(0, ok).stream().map(Handoffs.Event::seq).toList());
        published.increment(ok);
        if (acked.failure() != null) {
            handoffs.failed(batch.subList(ok, batch.size()));
            roundWanted = true;
            failures.increment();
            throw new IllegalStateException("broker did not acknowledge a handed-off event (" + ok + " of "
                    + batch.size() + " published); the rest is left to the database round", acked.failure());
        }
    }

    private void flushMarks() throws SQLException {
        List<Long> marks = handoffs.marks();
        try (Connection c = dataSource.getConnection()) {
            mark(c, marks); // autocommit: one statement
        }
        handoffs.roundCommitted(marks, List.of());
    }

    /** @return how many events the database round published */
    int publishBatch() throws SQLException {
        if (!leading()) {
            if (handoffs.waitingToBeMarked() > 0) {
                flushMarks(); // acknowledged while this instance still led
            }
            return 0;
        }
        List<Long> marks = handoffs.marks();
        Round round;
        try {
            round = publishBatch(lead, marks);
            lead.commit();
        } catch (SQLException | RuntimeException e) {
            release(); // a broken connection has lost the lock with it: lead again only after taking it anew
            throw e;
        }
        handoffs.roundCommitted(marks, round.published());
        if (round.failure() != null) {
            throw new IllegalStateException("broker did not acknowledge event (" + round.published().size() + " of "
                    + round.read() + " published)", round.failure());
        }
        return round.published().size();
    }

    /** Whether this instance leads the relay, taking the lead if no one holds it. */
    private boolean leading() throws SQLException {
        if (lead != null) {
            return true;
        }
        Connection c = dataSource.getConnection();
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    c.setAutoCommit(false);
                    lead = c;
                    handoffs.open();
                    LOG.info("outbox relay: this instance leads (hand-offs on)");
                    return true;
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close(); // another instance leads
        return false;
    }

    /** Gives up the lead: hand-offs stop, and what was queued is left to the next leader's database round. */
    private void release() {
        if (lead == null) {
            return;
        }
        handoffs.close();
        try {
            if (!lead.getAutoCommit()) {
                lead.rollback();
            }
            try (PreparedStatement unlock = lead.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, RELAY_LOCK);
                unlock.execute();
            }
            lead.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("outbox relay: the lead's connection is gone (%s)", e.getMessage());
        } finally {
            try {
                lead.close();
            } catch (SQLException e) {
                LOG.debugf("outbox relay: closing the lead's connection: %s", e.getMessage());
            }
            lead = null;
        }
    }

    private record Round(List<Long> published, int read, Exception failure) {
    }

    private Round publishBatch(Connection c, List<Long> marks) throws SQLException {
        mark(c, marks);
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select seq, event_id, event_type, aggregate_id, topic, "
                + "coalesce(raw_payload, payload::text), occurred_at, headers::text, trace_parent from outbox_event where published_at is null order by seq limit ?")) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Handoffs.Event e = new Handoffs.Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(9));
                    seqs.add(e.seq());
                    try {
                        acks.add(producer.send(EventRecords.of(e, config.source(), rs.getString(8), json)));
                    } catch (RuntimeException ex) {
                        acks.add(CompletableFuture.failedFuture(ex));
                        break;
                    }
                }
            }
        }
        if (seqs.isEmpty()) {
            return new Round(List.of(), 0, null);
        }
        producer.flush();
        // Only the acknowledged prefix counts as published: nothing after a failure may overtake it.
        Acks acked = acknowledgedPrefix(acks);
        List<Long> acknowledged = List.copyOf(seqs.subList(0, acked.count()));
        mark(c, acknowledged);
        published.increment(acked.count());
        if (acked.failure() != null) {
            failures.increment();
        }
        return new Round(acknowledged, seqs.size(), acked.failure());
    }

    /** How many sends, from the first, the broker acknowledged; the failure that stopped the count, if any. */
    private record Acks(int count, Exception failure) {
    }

    private Acks acknowledgedPrefix(List<Future<RecordMetadata>> acks) {
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(config.relay().deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return new Acks(i, e);
            }
        }
        return new Acks(acks.size(), null);
    }

    private static void mark(Connection c, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement mark = c.prepareStatement("update outbox_event set published_at = now() where seq = any(?)")) {
            mark.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            mark.executeUpdate();
        }
    }
}
