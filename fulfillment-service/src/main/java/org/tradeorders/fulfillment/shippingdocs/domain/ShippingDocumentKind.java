package org.tradeorders.fulfillment.shippingdocs.domain;

/** The shipping documents a supplier uploads for a shipment. */
public enum ShippingDocumentKind {
    BILL_OF_LADING, AIR_WAYBILL, CERTIFICATE_OF_ORIGIN, INSPECTION_CERTIFICATE, OTHER
}
