package org.tradeorders.review.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.inbox.EventConsumer;
import org.tradeorders.platform.inbox.Inbox;
import org.tradeorders.review.domain.ReviewWorkflow;
import org.tradeorders.review.domain.ReviewWorkflow.Buyer;

/** A completed order opens its review window. */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {
    static final EventType ORDER_COMPLETED = EventType.of("OrderCompleted", 1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderCompleted(String orderId, String supplierId, String buyerId, Instant completedAt, String buyerName,
            String buyerCountry) {
    }

    @Inject
    Inbox inbox;
    @Inject
    ReviewWorkflow reviews;

    @Override
    public void subscribe() {
        inbox.subscribe("order-events", Set.of(ORDER_COMPLETED), this::dispatch);
    }

    void dispatch(IncomingEvent e) {
        if (e.is(ORDER_COMPLETED)) {
            OrderCompleted c = e.dataAs(OrderCompleted.class);
            reviews.openWindow(c.orderId(), c.supplierId(), new Buyer(c.buyerId(), c.buyerName(), c.buyerCountry()),
                    c.completedAt());
        }
    }
}
