package org.tradeorders.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tradeorders.platform.events.CloudEvents;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.IncomingEvent;

/**
 * Which handler takes the events of which topic. Consumers subscribe at startup (through
 * {@link Inbox#subscribe}), so that consumption and an operator's redrive find the same handler.
 */
@ApplicationScoped
class Subscriptions {

    /** A consumer's handler for the events of one topic; {@code handled} empty = every type. */
    record Subscription(String topic, Set<EventType> handled, Consumer<IncomingEvent> handler) {
        boolean handles(String type) {
            return handled.isEmpty() || handled.stream().anyMatch(t -> t.type().equals(type));
        }
    }

    private final Map<String, Subscription> byTopic = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    void add(String topic, Set<EventType> handled, Consumer<IncomingEvent> handler) {
        byTopic.put(topic, new Subscription(topic, Set.copyOf(handled), handler));
        // the topic's counters show from the start, at zero
        registry.counter("tradeorders.consumer.retries", "topic", topic, "reason", "transient");
        registry.counter("tradeorders.consumer.retries", "topic", topic, "reason", "failure");
        registry.counter("tradeorders.consumer.dead.lettered", "topic", topic);
        registry.counter("tradeorders.consumer.batches", "outcome", "committed");
        registry.counter("tradeorders.consumer.batches", "outcome", "split");
    }

    Subscription of(String topic) {
        Subscription s = byTopic.get(topic);
        if (s == null) {
            throw new IllegalStateException("no subscription for topic " + topic);
        }
        return s;
    }

    /** Whether a handler takes the record's type: what none takes is acknowledged untouched. */
    boolean handles(ConsumerRecord<String, String> record) {
        return of(record.topic()).handles(IncomingEvent.header(record, CloudEvents.TYPE));
    }
}
