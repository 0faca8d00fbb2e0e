package org.tradeorders.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** Money a buyer paid through a link and a channel. Append-only. */
@Entity
@Table(name = "payment")
public class Payment {
    @Id
    public String id;
    @Column(name = "link_id", nullable = false)
    public String linkId;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    /** the channel's own transaction id: a repeated report of it has no second effect */
    @Column(name = "channel_reference", nullable = false, unique = true)
    public String channelReference;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
