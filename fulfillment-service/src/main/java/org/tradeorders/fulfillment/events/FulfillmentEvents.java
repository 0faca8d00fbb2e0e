package org.tradeorders.fulfillment.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.money.Money;

/**
 * What fulfillment-service publishes on {@code fulfillment-events}: shipments, their documents and
 * tracking (key = order id), and one-stop export bills (key = the bill id).
 */
public final class FulfillmentEvents {
    public static final EventType SHIPMENT_SUBMITTED = EventType.of("ShipmentSubmitted", 1);
    public static final EventType EXPORT_BILL_DRAFTED = EventType.of("ExportBillDrafted", 1);
    public static final EventType TRADE_DOCUMENTS_ISSUED = EventType.of("TradeDocumentsIssued", 1);
    public static final EventType SHIPMENT_DOCUMENTS_DISAGREE = EventType.of("ShipmentDocumentsDisagree", 1);
    public static final EventType SHIPPING_DOCUMENT_ADDED = EventType.of("ShippingDocumentAdded", 1);
    public static final EventType TRACKING_UPDATED = EventType.of("TrackingUpdated", 1);
    public static final EventType GOODS_DELIVERED = EventType.of("GoodsDelivered", 1);

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

    /** A shipment's commercial invoice and packing list were issued (version 1) or corrected (a later version). */
    public record TradeDocumentsIssued(String shipmentId, String orderId, int version, String commercialInvoiceNumber,
            String packingListNumber, Money invoiceTotal, Instant issuedAt) {
    }

    public record DocumentDiscrepancy(String code, String field, String reason) {
    }

    /** The cross-check found a shipment's documents disagreeing (each discrepancy with its reason). */
    public record ShipmentDocumentsDisagree(String shipmentId, String orderId, String supplierId,
            List<DocumentDiscrepancy> discrepancies, Instant checkedAt) {
    }

    /** The supplier uploaded a shipping document (bill of lading, air waybill, a certificate) for a shipment. */
    public record ShippingDocumentAdded(String shipmentId, String orderId, String documentId, String kind, String fileName,
            String mediaType, long sizeBytes, String sha256, Instant addedAt) {
    }

    /** The carrier reported a tracking event for a shipment (once per carrier event id). */
    public record TrackingUpdated(String shipmentId, String orderId, String carrier, String trackingNumber,
            String carrierEventId, String status, String location, Instant occurredAt) {
    }

    /** The carrier reported the shipment delivered; allShipmentsDelivered: every shipment of a fully shipped order is. */
    public record GoodsDelivered(String shipmentId, String orderId, String buyerId, Instant deliveredAt, String location,
            boolean allShipmentsDelivered) {
    }
}
