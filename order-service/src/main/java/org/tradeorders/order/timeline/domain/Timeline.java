package org.tradeorders.order.timeline.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.time.Timestamps;

/**
 * An order's timeline: what every service reported about it, in order, with who did it and when.
 * order-service's own events come from its outbox; the others' are recorded as they arrive.
 */
@ApplicationScoped
public class Timeline {
    /** Whose action an event reports, where its data does not say it in a ...By field. */
    private static final Map<String, String> ACTOR_BY_TYPE = Map.of(
            "PaymentReceived", "BUYER",
            "ShipmentSubmitted", "SUPPLIER",
            "ReviewSubmitted", "BUYER",
            "OrderRevised", "SUPPLIER",
            "OrderDrafted", "SUPPLIER");
    private static final List<String> ACTOR_FIELDS = List.of("submittedBy", "confirmedBy", "cancelledBy", "requestedBy",
            "receiptConfirmedBy", "initiator");

    /** data: the event's data as published, passed on as recorded (not parsed and written again). */
    public record Entry(String eventId, Instant at, String type, String source, String actor, RawValue data) {
    }

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    /**
     * Records another service's event on its order's timeline (inside the inbox transaction); an event
     * whose subject is not one of our orders (e.g. a supplier-level one) is left out by the same statement.
     */
    public void record(String orderId, IncomingEvent e) {
        em.createNativeQuery("insert into order_timeline (event_id, order_id, event_type, source, actor, occurred_at, "
                + "recorded_at, data) select cast(?1 as varchar), cast(?2 as varchar), cast(?3 as varchar), "
                + "cast(?4 as varchar), cast(?5 as varchar), cast(?6 as timestamptz), cast(?7 as timestamptz), "
                + "cast(?8 as jsonb) where exists (select 1 from trade_order where id = ?2) on conflict do nothing")
                .setParameter(1, e.id()).setParameter(2, orderId).setParameter(3, e.type())
                .setParameter(4, e.source() == null ? "unknown" : e.source()).setParameter(5, actorOf(e.type(), e.data()))
                .setParameter(6, Timestamp.from(e.time() == null ? clock.instant() : e.time()))
                .setParameter(7, Timestamp.from(clock.instant())).setParameter(8, e.data().toString())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> of(String orderId, String ownSource) {
        List<Entry> entries = new ArrayList<>();
        outbox.eventsOf(orderId).forEach(e -> entries.add(new Entry(e.id(), e.occurredAt(), e.type(), ownSource,
                actorOf(e.type(), read(e.payload())), new RawValue(e.payload()))));
        List<Object[]> rows = em.createNativeQuery("select event_id, occurred_at, event_type, source, actor, data\\:\\:text "
                + "from order_timeline where order_id = ?1").setParameter(1, orderId).getResultList();
        for (Object[] r : rows) {
            entries.add(new Entry((String) r[0], Timestamps.toInstant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                    new RawValue((String) r[5])));
        }
        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::eventId)); // a stable order for paging
        return entries;
    }

    static String actorOf(String type, JsonNode data) {
        for (String f : ACTOR_FIELDS) {
            if (data.hasNonNull(f)) {
                String v = data.get(f).asText();
                return "TIMEOUT".equals(v) ? "SYSTEM" : v;
            }
        }
        String name = type.replaceFirst("^tradeorders\\.", "").replaceFirst("\\.v[0-9]+$", "");
        return ACTOR_BY_TYPE.getOrDefault(name, "SYSTEM");
    }

    private JsonNode read(String s) {
        try {
            return json.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
