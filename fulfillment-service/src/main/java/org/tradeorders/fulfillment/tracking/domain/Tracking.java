package org.tradeorders.fulfillment.tracking.domain;

import static org.tradeorders.fulfillment.events.FulfillmentEvents.GOODS_DELIVERED;
import static org.tradeorders.fulfillment.events.FulfillmentEvents.TRACKING_UPDATED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.tradeorders.fulfillment.domain.Shipment;
import org.tradeorders.fulfillment.domain.ShippableOrder;
import org.tradeorders.fulfillment.events.FulfillmentEvents;
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.ProblemException;

/**
 * Carrier tracking: a carrier adapter reports a shipment's tracking events (found by carrier and tracking
 * number). Each carrier event id is applied once: a repeated report changes nothing and publishes
 * nothing. The shipment shows the status of its latest event; the first DELIVERED records the delivery
 * (GoodsDelivered). Locks the shipment, so two reports of one shipment apply one after the other.
 */
@ApplicationScoped
public class Tracking {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    TrackingRules rules;

    public record Report(String carrier, String trackingNumber, String carrierEventId, TrackingStatus status,
            String location, Instant occurredAt) {
    }

    public record Applied(TrackingEvent event, boolean isNew) {
    }

    @Transactional
    public Applied report(String adapter, Report r) {
        String allowed = rules.carrierAdapters().getOrDefault(adapter, "");
        if (!"*".equals(allowed.strip()) && Arrays.stream(allowed.split("\\s*,\\s*")).noneMatch(r.carrier()::equalsIgnoreCase)) {
            throw ProblemException.forbidden("carrier adapter " + adapter + " does not report for carrier " + r.carrier()
                    + " (fulfillment.tracking.carrier-adapters." + adapter + ")");
        }
        Instant now = clock.instant();
        if (r.occurredAt().isAfter(now.plus(rules.maxClockSkew()))) {
            throw new InvalidInput("occurredAt", "is " + r.occurredAt() + ", ahead of the service's clock (" + now + ")");
        }
        Shipment s = shipment(r.carrier(), r.trackingNumber());
        int inserted = em.createNativeQuery("insert into tracking_event (carrier, carrier_event_id, shipment_id, status, "
                + "location, occurred_at, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, s.carrier).setParameter(2, r.carrierEventId()).setParameter(3, s.id)
                .setParameter(4, r.status().name()).setParameter(5, r.location()).setParameter(6, Timestamp.from(r.occurredAt()))
                .setParameter(7, Timestamp.from(now)).executeUpdate();
        TrackingEvent event = em.find(TrackingEvent.class, new TrackingEvent.Key(s.carrier, r.carrierEventId()));
        if (inserted == 0) {
            return new Applied(event, false);
        }
        if (isLatest(s, r.occurredAt())) {
            s.trackingStatus = r.status().name();
        }
        outbox.append(TRACKING_UPDATED, s.orderId, new FulfillmentEvents.TrackingUpdated(s.id, s.orderId, s.carrier,
                s.trackingNumber, r.carrierEventId(), r.status().name(), r.location(), r.occurredAt()));
        if (r.status() == TrackingStatus.DELIVERED && s.deliveredAt == null) {
            s.deliveredAt = r.occurredAt();
            em.flush();
            outbox.append(GOODS_DELIVERED, s.orderId, new FulfillmentEvents.GoodsDelivered(s.id, s.orderId, s.buyerId,
                    s.deliveredAt, r.location(), allDelivered(s.orderId)));
        }
        return new Applied(event, true);
    }

    /** The shipment's tracking events, in the order they occurred. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrackingEvent> of(String shipmentId) {
        return em.createQuery("select e from TrackingEvent e where e.shipmentId = ?1 order by e.occurredAt, e.receivedAt",
                TrackingEvent.class).setParameter(1, shipmentId).getResultList();
    }

    private Shipment shipment(String carrier, String trackingNumber) {
        List<String> ids = em.createQuery("select s.id from Shipment s where lower(s.carrier) = lower(?1) "
                + "and s.trackingNumber = ?2 order by s.submittedAt desc", String.class).setParameter(1, carrier)
                .setParameter(2, trackingNumber).setMaxResults(1).getResultList();
        if (ids.isEmpty()) {
            throw ProblemException.notFound("shipment of carrier " + carrier + " with tracking number", trackingNumber);
        }
        return em.find(Shipment.class, ids.get(0), LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether no event of the shipment occurred later (compared in the database, at its precision). */
    private boolean isLatest(Shipment s, Instant occurredAt) {
        Number later = (Number) em.createNativeQuery("select count(*) from tracking_event where shipment_id = ?1 "
                + "and occurred_at > ?2").setParameter(1, s.id).setParameter(2, Timestamp.from(occurredAt)).getSingleResult();
        return later.longValue() == 0;
    }

    /** Every shipment of a fully shipped order is delivered. */
    private boolean allDelivered(String orderId) {
        ShippableOrder order = em.find(ShippableOrder.class, orderId);
        long undelivered = em.createQuery("select count(s) from Shipment s where s.orderId = ?1 and s.deliveredAt is null",
                Long.class).setParameter(1, orderId).getSingleResult();
        return order != null && order.fullyShipped() && undelivered == 0;
    }
}
