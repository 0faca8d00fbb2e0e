package org.tradeorders.fulfillment.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tradeorders.fulfillment.domain.ShipmentWorkflow;
import org.tradeorders.fulfillment.domain.ShipmentWorkflow.OrderedLine;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.inbox.Inbox;

/** An order that is paid for shipment becomes shippable here, with its lines to check shipments against. */
@Startup
@ApplicationScoped
public class OrderEventsConsumer {
    static final EventType ORDER_READY_TO_SHIP = EventType.of("OrderReadyToShip", 1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(String productName, String model, int quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderReadyToShip(String orderId, String supplierId, String buyerId, List<Line> lines, LocalDate shipmentDeadline) {
    }

    @Inject
    Inbox inbox;
    @Inject
    ShipmentWorkflow shipments;

    @PostConstruct
    void subscribe() {
        inbox.subscribe("order-events", Set.of(ORDER_READY_TO_SHIP), this::dispatch);
    }

    @Incoming("order-events")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        inbox.consume(record);
    }

    /** OrderReadyToShip, read tolerantly, becomes plain arguments for the shipment workflow. */
    void dispatch(IncomingEvent e) {
        if (!e.is(ORDER_READY_TO_SHIP)) {
            return;
        }
        OrderReadyToShip ready = e.dataAs(OrderReadyToShip.class);
        shipments.orderReadyToShip(ready.orderId(), ready.supplierId(), ready.buyerId(), ready.shipmentDeadline(),
                ready.lines().stream().map(l -> new OrderedLine(l.model(), l.productName(), l.quantity())).toList());
    }
}
