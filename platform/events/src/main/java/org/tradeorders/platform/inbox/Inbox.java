package org.tradeorders.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.tradeorders.platform.events.CloudEvents;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.EventsConfig;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.faults.Causes;
import org.tradeorders.platform.faults.Transients;

/**
 * Consumption that neither repeats nor strands an event. One room orchestrates it:
 * <ol>
 * <li>Idempotent: the processed-event record and the handler's effect commit in one transaction, so a
 * redelivered event (same ce_id) changes nothing.</li>
 * <li>Transient failures (database unreachable or restarting, deadlock, serialization failure) are
 * retried in place with capped exponential backoff for as long as they last, holding the partition so
 * one aggregate's events keep their order; {@link ConsumerHealth} shows the consumer as retrying.</li>
 * <li>Poison events (unreadable, or a handler that keeps failing for another reason for
 * {@code tradeorders.events.consumer.max-attempts}) are dead-lettered and their aggregate parked
 * ({@link Parking}): the event goes to {@code <service>.<topic>.dlq}, later events of the same
 * aggregate are held back in order, and {@link #redrive(String)} applies them once the cause is fixed.</li>
 * <li>Batched: the events of one poll that a handler takes are applied in one transaction (at most
 * {@code tradeorders.events.consumer.batch-size}), each with its processed-event record, so a poll costs
 * one commit, and one statement each to look for parked aggregates and to record the events. If any
 * of them fails, nothing of the batch committed and each is applied again alone, as above: one bad
 * event neither blocks nor poisons the others.</li>
 * </ol>
 * Each event is processed in its span ({@link EventSpans}). A consumer {@link #subscribe}s its topic's
 * handler at startup ({@link Subscriptions}) and hands every poll to {@link #consumeAll}; redrive finds the
 * handler the same way.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /** What a redrive did: events applied, and the one that failed again (it stays parked with the rest). */
    public record Redrive(String subject, int applied, int remaining, String error) {
    }

    private volatile boolean stopping;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    EventsConfig config;
    @Inject
    Parking parking;
    @Inject
    ProcessedEvents processed;
    @Inject
    Subscriptions subscriptions;
    @Inject
    EventSpans spans;
    @Inject
    MeterRegistry registry;
    @Inject
    @Readiness
    ConsumerHealth health;
    /** The consumer's name in processed_event and parking: the service, which is also its consumer group. */
    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /** The handler for the events of {@code topic} of the given types (others are acknowledged untouched). */
    public void subscribe(String topic, Set<EventType> handled, Consumer<IncomingEvent> handler) {
        subscribe(topic, handled, Map.of(), handler);
    }

    /**
     * As {@link #subscribe(String, Set, Consumer)}, and an event of a type in {@code onlyIf} that its test
     * refuses is acknowledged untouched too, before any transaction: for a type the handler ignores by
     * its data (an effect-free event needs no processed-event record, so it costs no commit). Like an
     * unsubscribed type, it is not held behind a parked aggregate either: it has nothing to wait for; a
     * redrive applies the same test.
     */
    public void subscribe(String topic, Set<EventType> handled, Map<EventType, Predicate<IncomingEvent>> onlyIf,
            Consumer<IncomingEvent> handler) {
        subscriptions.add(topic, handled, onlyIf, handler);
    }

    /** The handler for every event of {@code topic}. */
    public void subscribe(String topic, Consumer<IncomingEvent> handler) {
        subscribe(topic, Set.of(), handler);
    }

    /**
     * Applies the records of one poll, in order, batch by batch in one transaction each; a batch that
     * fails is applied again event by event, as {@link #consume} does. Returns when every record committed.
     */
    public void consumeAll(Iterable<ConsumerRecord<String, String>> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (subscriptions.handles(record, json)) { // what no handler takes costs nothing: no transaction
                batch.add(record);
            }
            if (batch.size() >= config.consumer().batchSize()) {
                applyBatch(batch);
                batch = new ArrayList<>();
            }
        }
        applyBatch(batch);
    }

    private void applyBatch(List<ConsumerRecord<String, String>> batch) {
        if (batch.size() <= 1) {
            batch.forEach(this::applyAlone);
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> applyInOrder(batch, spans::traced));
            batch.forEach(r -> health.recovered(partitionOf(r)));
            registry.counter("tradeorders.consumer.batches", "outcome", "committed").increment();
        } catch (RuntimeException e) {
            registry.counter("tradeorders.consumer.batches", "outcome", "split").increment();
            LOG.debugf("%s: a batch of %d events failed (%s); each is applied alone", consumer, batch.size(), Causes.rootMessage(e));
            batch.forEach(this::applyAlone);
        }
    }

    /**
     * In the caller's transaction, the records in order, each held behind its parked aggregate,
     * skipped as applied before (or as a second delivery among them), or applied; each step runs
     * {@code around} it (its span, for a batch). One statement finds (and locks) the parked aggregates
     * among the records', one records the others' events as processed, however many records there are.
     */
    private void applyInOrder(List<ConsumerRecord<String, String>> records,
            BiConsumer<ConsumerRecord<String, String>, Runnable> around) {
        List<IncomingEvent> events = records.stream().map(this::read).toList();
        List<String> subjects = records.stream().map(IncomingEvent::subjectOf).toList();
        Set<String> parked = parking.lockParked(consumer, new HashSet<>(subjects));
        Set<String> fresh = new HashSet<>(processed.recordAll(IntStream.range(0, records.size())
                .filter(i -> !parked.contains(subjects.get(i))).mapToObj(events::get).toList()));
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            IncomingEvent event = events.get(i);
            String subject = subjects.get(i);
            around.accept(record, () -> {
                if (parked.contains(subject)) {
                    parking.hold(consumer, subject, record, event.type());
                    LOG.infof("%s: %s (%s) held: its aggregate %s is parked", consumer, event.id(), event.type(), subject);
                } else if (fresh.remove(event.id())) {
                    subscriptions.of(record.topic()).handler().accept(event);
                } else {
                    LOG.debugf("%s: event %s (%s) already processed, skipped", consumer, event.id(), event.type());
                }
            });
            em.flush(); // each event sees the one before it, as it would after a commit
            em.clear();
        }
    }

    /**
     * Applies the record once, holds it behind its parked aggregate, or dead-letters it. Returns only
     * when one of these committed; blocks while a transient failure lasts.
     */
    public void consume(ConsumerRecord<String, String> record) {
        if (!subscriptions.handles(record, json)) {
            return; // no effect, so nothing to de-duplicate: no transaction
        }
        applyAlone(record);
    }

    /** A record a handler takes, in a transaction of its own; its span covers every attempt. */
    private void applyAlone(ConsumerRecord<String, String> record) {
        spans.traced(record, () -> applyOnce(record));
    }

    private void applyOnce(ConsumerRecord<String, String> record) {
        Backoff backoff = new Backoff(config.consumer().initialBackoff(), config.consumer().maxBackoff());
        int attempts = 0;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyInOrder(List.of(record), (r, step) -> step.run()));
                health.recovered(partitionOf(record));
                return;
            } catch (RuntimeException e) {
                if (Transients.isTransient(e)) {
                    health.retrying(partitionOf(record), e);
                    registry.counter("tradeorders.consumer.retries", "topic", record.topic(), "reason", "transient").increment();
                    LOG.warnf("%s: %s/%d@%d failed transiently, retrying in place: %s", consumer, record.topic(),
                            record.partition(), record.offset(), Causes.rootMessage(e));
                } else if (++attempts >= config.consumer().maxAttempts() || e instanceof UnreadableEvent) {
                    deadLetter(record, e, attempts);
                    return;
                } else {
                    registry.counter("tradeorders.consumer.retries", "topic", record.topic(), "reason", "failure").increment();
                    LOG.warnf(e, "%s: %s/%d@%d failed (attempt %d of %d)", consumer, record.topic(), record.partition(),
                            record.offset(), attempts, config.consumer().maxAttempts());
                }
                backoff.pause(this::stopping);
            }
        }
    }

    /**
     * Applies the parked events of {@code subject} in order, each in its own transaction with its
     * processed-event record (so a second redrive, or one that overlaps, changes nothing); stops at
     * one that fails again, which stays parked with everything behind it.
     */
    public Redrive redrive(String subject) {
        Backoff backoff = new Backoff(config.consumer().initialBackoff(), config.consumer().maxBackoff());
        int applied = 0;
        while (true) {
            AtomicReference<Parking.Parked> current = new AtomicReference<>();
            try {
                boolean more = QuarkusTransaction.requiringNew().call(() -> {
                    Parking.Parked next = parking.lockNext(consumer, subject);
                    if (next == null) {
                        return false;
                    }
                    current.set(next);
                    Subscriptions.Subscription s = subscriptions.of(next.record().topic());
                    if (s.handles(next.eventType())) {
                        IncomingEvent event = read(next.record());
                        if (s.wants(event)) { // the same test as when it came
                            apply(event, s);
                        }
                    }
                    parking.remove(next);
                    return true;
                });
                if (!more) {
                    return new Redrive(subject, applied, 0, null);
                }
                applied++;
            } catch (RuntimeException e) {
                if (Transients.isTransient(e)) {
                    backoff.pause(this::stopping);
                    continue;
                }
                String error = Causes.rootMessage(e);
                Parking.Parked failed = current.get();
                int remaining = retryingTransients(null, () -> QuarkusTransaction.requiringNew().call(() -> {
                    if (failed != null) {
                        parking.failedAgain(failed, error);
                    }
                    return parking.count(consumer, subject);
                }));
                LOG.warnf("%s: redrive of %s stopped after %d event(s): %s", consumer, subject, applied, error);
                return new Redrive(subject, applied, remaining, error);
            }
        }
    }

    /** Redrive's step: the event applied unless it was before (its aggregate is the one being redriven). */
    private void apply(IncomingEvent event, Subscriptions.Subscription subscription) {
        if (!processed.record(event)) {
            LOG.debugf("%s: event %s (%s) already processed, skipped", consumer, event.id(), event.type());
            return;
        }
        subscription.handler().accept(event);
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException cause, int attempts) {
        String error = Causes.rootMessage(cause);
        registry.counter("tradeorders.consumer.dead.lettered", "topic", record.topic()).increment();
        LOG.errorf(cause, "%s: %s/%d@%d dead-lettered after %d attempt(s), aggregate %s parked", consumer, record.topic(),
                record.partition(), record.offset(), attempts, IncomingEvent.subjectOf(record));
        // a failure to park that is not transient stops the channel: the record stays uncommitted and comes again
        retryingTransients(partitionOf(record), () -> QuarkusTransaction.requiringNew().call(() -> {
            parking.park(consumer, IncomingEvent.subjectOf(record), record, IncomingEvent.header(record, CloudEvents.TYPE), error, attempts);
            return null;
        }));
    }

    /** Runs {@code work} until it succeeds or fails for a reason that is not transient (then throws). */
    private <T> T retryingTransients(String partition, Supplier<T> work) {
        Backoff backoff = new Backoff(config.consumer().initialBackoff(), config.consumer().maxBackoff());
        while (true) {
            try {
                T result = work.get();
                if (partition != null) {
                    health.recovered(partition);
                }
                return result;
            } catch (RuntimeException e) {
                if (!Transients.isTransient(e)) {
                    throw e;
                }
                if (partition != null) {
                    health.retrying(partition, e);
                }
                backoff.pause(this::stopping);
            }
        }
    }

    private IncomingEvent read(ConsumerRecord<String, String> record) {
        try {
            return IncomingEvent.from(record, json);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent(e.getMessage(), e);
        }
    }

    private static String partitionOf(ConsumerRecord<String, String> record) {
        return record.topic() + "/" + record.partition();
    }

    private boolean stopping() {
        return stopping;
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /** Not a CloudEvent, or no JSON data: it will never be readable, so it is dead-lettered at once. */
    static final class UnreadableEvent extends RuntimeException {
        UnreadableEvent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
