package org.tradeorders.fulfillment.documents.domain;

/** The trade documents made from the order for each shipment. */
public enum DocumentKind {
    COMMERCIAL_INVOICE("CI"), PACKING_LIST("PL");

    /** The prefix of the document's number, e.g. CI-2026-000042. */
    public final String prefix;

    DocumentKind(String prefix) {
        this.prefix = prefix;
    }
}
