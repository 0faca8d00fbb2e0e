package org.tradeorders.fulfillment.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tradeorders.fulfillment.domain.ShipmentWorkflow;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Company;
import org.tradeorders.fulfillment.domain.ShipmentWorkflow.OrderedLine;
import org.tradeorders.fulfillment.domain.ShipmentWorkflow.ShippableTerms;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.inbox.EventConsumer;
import org.tradeorders.platform.inbox.Inbox;
import org.tradeorders.platform.money.Money;

/** An order that is paid for shipment becomes shippable here, with its lines to check shipments against. */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {
    static final EventType ORDER_READY_TO_SHIP = EventType.of("OrderReadyToShip", 1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(String productName, String model, String specification, Money unitPrice, int quantity) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String companyName, String contactName, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Address(String street, String city, String zipCode, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivery(Contact buyerContact, Address address, String incoterm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderReadyToShip(String orderId, String supplierId, String buyerId, List<Line> lines, LocalDate shipmentDeadline,
            Delivery delivery, Money shippingCost, Money prepaid) {
    }

    @Inject
    Inbox inbox;
    @Inject
    ShipmentWorkflow shipments;

    @Override
    public void subscribe() {
        inbox.subscribe("order-events", Set.of(ORDER_READY_TO_SHIP), this::dispatch);
    }

    /** OrderReadyToShip, read tolerantly, becomes plain arguments for the shipment workflow. */
    void dispatch(IncomingEvent e) {
        if (!e.is(ORDER_READY_TO_SHIP)) {
            return;
        }
        OrderReadyToShip ready = e.dataAs(OrderReadyToShip.class);
        shipments.orderReadyToShip(ready.orderId(), ready.supplierId(), ready.buyerId(), ready.shipmentDeadline(),
                ready.lines().stream().map(l -> new OrderedLine(l.model(), l.productName(), l.specification(), l.quantity(),
                        l.unitPrice() == null ? null : l.unitPrice().amount())).toList(), termsOf(ready));
    }

    /** The optional parts of OrderReadyToShip the trade documents read; null where an older event names none. */
    static ShippableTerms termsOf(OrderReadyToShip r) {
        String currency = r.lines().stream().map(Line::unitPrice).filter(Objects::nonNull).map(Money::currency).findFirst()
                .orElse(null);
        Delivery d = r.delivery();
        Company buyer = d == null || d.buyerContact() == null ? null : new Company(d.buyerContact().companyName(),
                d.address() == null ? null : new DocumentDetails.Address(d.address().street(), d.address().city(),
                        d.address().zipCode(), d.address().country()),
                d.buyerContact().contactName(), d.buyerContact().phone());
        return new ShippableTerms(currency, r.shippingCost() == null ? null : r.shippingCost().amount(),
                r.prepaid() == null ? null : r.prepaid().amount(), d == null ? null : d.incoterm(), buyer);
    }
}
