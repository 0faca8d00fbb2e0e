package org.tradeorders.platform.inbox;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The service's one Kafka consumer: every topic it reacts to comes through the channel
 * {@value #CHANNEL} (a service names them in {@code mp.messaging.incoming.consumed-events.topics}), and
 * each poll goes whole to the {@link Inbox}, which hands every event to the handler subscribed for its
 * topic. One consumer per service rather than one per topic: a fetch waits up to
 * {@code fetch.max.wait.ms} for events, so every consumer costs the broker and the service a fetch every
 * 200 ms even when idle; and events of several topics that arrive together are applied in one transaction.
 */
@Startup
@ApplicationScoped
public class ConsumedEvents {
    public static final String CHANNEL = "consumed-events";

    @Inject
    Inbox inbox;
    @Inject
    Instance<EventConsumer> consumers;

    /** Before the first poll (the channel's first call creates this bean) and before any redrive. */
    @PostConstruct
    void subscribeAll() {
        consumers.forEach(EventConsumer::subscribe);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onPoll(ConsumerRecords<String, String> records) {
        inbox.consumeAll(records);
    }
}
