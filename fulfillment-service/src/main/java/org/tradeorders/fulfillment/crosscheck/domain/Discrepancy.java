package org.tradeorders.fulfillment.crosscheck.domain;

/**
 * Where two of a shipment's documents disagree: a stable code (e.g. declared-value-below-prepayment),
 * the field it concerns (document and path), and the reason in words, with both values.
 */
public record Discrepancy(String code, String field, String reason) {
}
