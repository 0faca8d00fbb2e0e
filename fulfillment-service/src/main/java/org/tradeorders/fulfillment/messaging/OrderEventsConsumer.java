package org.tradeorders.fulfillment.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tradeorders.fulfillment.domain.ShippableOrder;
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
    EntityManager em;

    @PostConstruct
    void subscribe() {
        inbox.subscribe("order-events", Set.of(ORDER_READY_TO_SHIP), this::dispatch);
    }

    @Incoming("order-events")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        inbox.consume(record);
    }

    void dispatch(IncomingEvent e) {
        if (!e.is(ORDER_READY_TO_SHIP) || em.find(ShippableOrder.class, e.subject()) != null) {
            return;
        }
        OrderReadyToShip ready = e.dataAs(OrderReadyToShip.class);
        ShippableOrder o = new ShippableOrder();
        o.orderId = ready.orderId();
        o.supplierId = ready.supplierId();
        o.buyerId = ready.buyerId();
        o.shipmentDeadline = ready.shipmentDeadline();
        for (Line l : ready.lines()) {
            ShippableOrder.Line line = new ShippableOrder.Line();
            line.model = l.model();
            line.productName = l.productName();
            line.quantity = l.quantity();
            o.lines.add(line);
        }
        em.persist(o);
    }
}
