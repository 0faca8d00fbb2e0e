package org.tradeorders.fulfillment.documents.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Company;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Dimensions;

/** The packing list of a shipment, as issued: per line what is packed how, and the totals. */
public record PackingList(String number, int version, Instant issuedAt, String orderId, String shipmentId,
        Company seller, Company buyer, List<Line> lines, int totalPackages, BigDecimal totalNetWeightKg,
        BigDecimal totalGrossWeightKg) {

    public record Line(String model, String description, int quantity, int packages, BigDecimal netWeightKg,
            BigDecimal grossWeightKg, Dimensions dimensions) {
    }
}
