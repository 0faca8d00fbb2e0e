package org.tradeorders.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A version of a review that an edit replaced: kept as written, so the history shows what the buyer first said. */
@Entity
@Table(name = "review_version")
public class ReviewVersion {
    @Embeddable
    public record Key(@Column(name = "order_id") String orderId, @Column(name = "version") int version)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "service_attitude", nullable = false)
    public int serviceAttitude;
    @Column(name = "delivery_speed", nullable = false)
    public int deliverySpeed;
    @Column(name = "description_accuracy", nullable = false)
    public int descriptionAccuracy;
    @Column(length = 4000)
    public String text;
    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;
    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;

    static ReviewVersion of(String orderId, int version, Stars stars, String text, Instant writtenAt, Instant replacedAt) {
        ReviewVersion v = new ReviewVersion();
        v.key = new Key(orderId, version);
        v.serviceAttitude = stars.serviceAttitude();
        v.deliverySpeed = stars.deliverySpeed();
        v.descriptionAccuracy = stars.descriptionAccuracy();
        v.text = text;
        v.writtenAt = writtenAt;
        v.replacedAt = replacedAt;
        return v;
    }
}
