package org.tradeorders.fulfillment.messaging;

import java.util.List;
import org.tradeorders.platform.events.EventType;

/** What fulfillment-service publishes on {@code fulfillment-events} (key = order id). */
public final class FulfillmentEvents {
    public static final EventType SHIPMENT_SUBMITTED = EventType.of("ShipmentSubmitted", 1);

    private FulfillmentEvents() {
    }

    public record ShippedLine(String model, int quantity) {
    }

    /** complete = nothing of the order is left to ship (the order becomes SHIPPED). */
    public record ShipmentSubmitted(String shipmentId, String orderId, String supplierId, String buyerId,
            String exportMode, String carrier, String trackingNumber, String customsDeclarationNumber,
            List<ShippedLine> lines, boolean complete) {
    }
}
