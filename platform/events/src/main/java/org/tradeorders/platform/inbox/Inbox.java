package org.tradeorders.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.IncomingEvent;

/**
 * Idempotent consumption: the processed-event record and the handler's effect commit in one
 * transaction, so a redelivered event (same ce_id) changes nothing, and a crash between the two
 * cannot happen.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    /** The consumer's name in processed_event: the service, which is also its consumer group. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /**
     * As {@link #handleOnce(ConsumerRecord, Consumer)}, for a consumer that reacts only to some types:
     * any other event is acknowledged without a transaction (it has no effect, so nothing to de-duplicate).
     */
    public boolean handleOnce(ConsumerRecord<String, String> record, java.util.Set<EventType> handled,
            Consumer<IncomingEvent> handler) {
        String type = IncomingEvent.header(record, org.tradeorders.platform.events.CloudEvents.TYPE);
        if (handled.stream().noneMatch(t -> t.type().equals(type))) {
            return false;
        }
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> handleOnce(record, handler));
    }

    /**
     * Applies {@code handler} to the event unless this service already applied it.
     *
     * @return true if the handler ran, false for a duplicate
     */
    @Transactional
    public boolean handleOnce(ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = IncomingEvent.from(record, json);
        int inserted = em.createNativeQuery("insert into processed_event (consumer, event_id, event_type, subject, processed_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, event.subject())
                .setParameter(5, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("%s: event %s (%s) already processed, skipped", consumer, event.id(), event.type());
            return false;
        }
        handler.accept(event);
        return true;
    }
}
