package org.tradeorders.fulfillment.documents.domain;

import java.math.BigDecimal;
import java.util.List;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Company;

/** What the trade documents take from the order's proforma invoice (as OrderReadyToShip told it). */
public record OrderTerms(String orderId, String currency, String incoterm, Company buyer, BigDecimal shippingCost,
        List<ProformaLine> lines) {

    public record ProformaLine(String model, String productName, String specification, BigDecimal unitPrice,
            int quantity) {
    }

    public ProformaLine line(String model) {
        return lines.stream().filter(l -> l.model().equals(model)).findFirst().orElse(null);
    }
}
