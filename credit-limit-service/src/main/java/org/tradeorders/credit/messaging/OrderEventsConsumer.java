package org.tradeorders.credit.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tradeorders.credit.domain.CreditWorkflow;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.inbox.Inbox;
import org.tradeorders.platform.money.Money;

/**
 * Confirmed orders reserve credit; completed or cancelled ones release it. e-Collection orders never
 * reserve (they publish no OrderConfirmed); when completed, their value counts as trade volume.
 */
@Startup
@ApplicationScoped
public class OrderEventsConsumer {
    static final EventType ORDER_CONFIRMED = EventType.of("OrderConfirmed", 1);
    static final EventType ORDER_COMPLETED = EventType.of("OrderCompleted", 1);
    static final EventType ORDER_CANCELLED = EventType.of("OrderCancelled", 1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderValue(String orderId, String supplierId, Money total) {
    }

    /** kind: added to v1; absent means TRADE_ASSURANCE. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderCompleted(String orderId, String supplierId, Money total, Instant completedAt, String kind) {
    }

    @Inject
    Inbox inbox;
    @Inject
    CreditWorkflow credit;

    @PostConstruct
    void subscribe() {
        inbox.subscribe("order-events", Set.of(ORDER_CONFIRMED, ORDER_COMPLETED, ORDER_CANCELLED), this::dispatch);
    }

    @Incoming("order-events")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        inbox.consume(record);
    }

    void dispatch(IncomingEvent e) {
        if (e.is(ORDER_CONFIRMED)) {
            OrderValue o = e.dataAs(OrderValue.class);
            credit.reserve(o.orderId(), o.supplierId(), o.total());
        } else if (e.is(ORDER_COMPLETED)) {
            OrderCompleted o = e.dataAs(OrderCompleted.class);
            if ("E_COLLECTION".equals(o.kind())) {
                credit.eCollectionCompleted(o.orderId(), o.supplierId(), o.total(), o.completedAt());
            } else {
                credit.complete(e.subject());
            }
        } else if (e.is(ORDER_CANCELLED)) {
            credit.release(e.subject());
        }
    }
}
