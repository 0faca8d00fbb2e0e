package org.tradeorders.review.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.inbox.Inbox;
import org.tradeorders.review.domain.ReviewWorkflow;
import org.tradeorders.review.domain.ReviewWorkflow.Buyer;

/** A completed order opens its review window. */
@Startup
@ApplicationScoped
public class OrderEventsConsumer {
    static final EventType ORDER_COMPLETED = EventType.of("OrderCompleted", 1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderCompleted(String orderId, String supplierId, String buyerId, Instant completedAt, String buyerName,
            String buyerCountry) {
    }

    @Inject
    Inbox inbox;
    @Inject
    ReviewWorkflow reviews;

    @PostConstruct
    void subscribe() {
        inbox.subscribe("order-events", Set.of(ORDER_COMPLETED), this::dispatch);
    }

    @Incoming("order-events")
    @Blocking
    public void onOrderEvents(ConsumerRecords<String, String> records) {
        inbox.consumeAll(records);
    }

    void dispatch(IncomingEvent e) {
        if (e.is(ORDER_COMPLETED)) {
            OrderCompleted c = e.dataAs(OrderCompleted.class);
            reviews.openWindow(c.orderId(), c.supplierId(), new Buyer(c.buyerId(), c.buyerName(), c.buyerCountry()),
                    c.completedAt());
        }
    }
}
