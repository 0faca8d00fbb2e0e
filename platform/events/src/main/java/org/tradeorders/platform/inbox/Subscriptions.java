package org.tradeorders.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
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

    /**
     * A consumer's handler for the events of one topic; {@code handled} empty = every type. An event of a
     * type in {@code onlyIf} is taken only if its test passes (read from its data).
     */
    record Subscription(String topic, Set<EventType> handled, Map<String, Predicate<IncomingEvent>> onlyIf,
            Consumer<IncomingEvent> handler) {
        boolean handles(String type) {
            return handled.isEmpty() || handled.stream().anyMatch(t -> t.type().equals(type));
        }

        /**
         * Whether the handler wants this event of a type it handles: its data passes the type's test, if
         * any. A test that cannot read the data takes the event, so that it fails where an event the
         * handler cannot read is dead-lettered.
         */
        boolean wants(IncomingEvent event) {
            Predicate<IncomingEvent> test = onlyIf.get(event.type());
            try {
                return test == null || test.test(event);
            } catch (RuntimeException unreadable) {
                return true;
            }
        }
    }

    private final Map<String, Subscription> byTopic = new ConcurrentHashMap<>();

    @Inject
    MeterRegistry registry;

    void add(String topic, Set<EventType> handled, Map<EventType, Predicate<IncomingEvent>> onlyIf,
            Consumer<IncomingEvent> handler) {
        Map<String, Predicate<IncomingEvent>> tests = new HashMap<>();
        onlyIf.forEach((type, test) -> {
            if (!handled.isEmpty() && !handled.contains(type)) {
                throw new IllegalArgumentException(topic + ": a test for " + type.type() + ", which is not subscribed");
            }
            tests.put(type.type(), test);
        });
        byTopic.put(topic, new Subscription(topic, Set.copyOf(handled), Map.copyOf(tests), handler));
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

    /**
     * Whether a handler takes the record (its type, and its data where the subscription tests it): what
     * none takes is acknowledged untouched. A record that cannot be read is taken, as in
     * {@link Subscription#wants}.
     */
    boolean handles(ConsumerRecord<String, String> record, ObjectMapper json) {
        Subscription s = of(record.topic());
        String type = IncomingEvent.header(record, CloudEvents.TYPE);
        if (!s.handles(type)) {
            return false;
        }
        if (type == null || !s.onlyIf().containsKey(type)) {
            return true; // nothing to read before the transaction
        }
        try {
            return s.wants(IncomingEvent.from(record, json));
        } catch (RuntimeException unreadable) {
            return true;
        }
    }
}
