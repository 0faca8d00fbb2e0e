package org.tradeorders.fulfillment.tracking.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A tracking event as the carrier reported it; its key is the carrier's own event id. */
@Entity
@Table(name = "tracking_event")
public class TrackingEvent {
    @Embeddable
    public record Key(@Column(name = "carrier") String carrier, @Column(name = "carrier_event_id") String carrierEventId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "shipment_id", nullable = false)
    public String shipmentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrackingStatus status;
    public String location;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
