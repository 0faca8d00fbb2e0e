package org.tradeorders.fulfillment.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.money.Money;

/**
 * What fulfillment-service publishes on {@code fulfillment-events}: shipments (key = order id) and
 * one-stop export bills (key = the bill id).
 */
public final class FulfillmentEvents {
    public static final EventType SHIPMENT_SUBMITTED = EventType.of("ShipmentSubmitted", 1);
    public static final EventType EXPORT_BILL_DRAFTED = EventType.of("ExportBillDrafted", 1);

    private FulfillmentEvents() {
    }

    public record ShippedLine(String model, int quantity) {
    }

    /**
     * complete = nothing of the order is left to ship (the order becomes SHIPPED). exportBillId: the
     * one-stop export bill the shipment goes out with (optional, added to v1; absent for a self-operated export).
     */
    public record ShipmentSubmitted(String shipmentId, String orderId, String supplierId, String buyerId,
            String exportMode, String carrier, String trackingNumber, String customsDeclarationNumber,
            List<ShippedLine> lines, boolean complete, @JsonInclude(JsonInclude.Include.NON_NULL) String exportBillId) {
    }

    public record DeclaredItem(String hsCode, String description, int quantity, Money declaredValue) {
    }

    /** A supplier drafted a one-stop export bill (on its own, or inline with a shipment). Key: exportBillId. */
    public record ExportBillDrafted(String exportBillId, String supplierId, String exporterName, String consigneeName,
            String destinationCountry, String portOfLoading, List<DeclaredItem> items, Instant draftedAt) {
    }
}
