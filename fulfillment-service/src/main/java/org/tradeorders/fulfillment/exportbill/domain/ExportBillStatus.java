package org.tradeorders.fulfillment.exportbill.domain;

/** Where a one-stop export bill stands. */
public enum ExportBillStatus {
    /** drafted by its supplier; no shipment names it yet */
    DRAFTED,
    /** a shipment names it: from then on it serves shipments of that one order only */
    USED
}
