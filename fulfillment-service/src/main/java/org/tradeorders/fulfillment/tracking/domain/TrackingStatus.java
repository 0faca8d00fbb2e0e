package org.tradeorders.fulfillment.tracking.domain;

/** A carrier's tracking event, in the carriers' common vocabulary; DELIVERED records the delivery. */
public enum TrackingStatus {
    PICKED_UP, IN_TRANSIT, ARRIVED_AT_PORT, CUSTOMS_CLEARED, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION
}
