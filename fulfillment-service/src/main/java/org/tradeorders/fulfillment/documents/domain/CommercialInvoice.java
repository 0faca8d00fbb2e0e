package org.tradeorders.fulfillment.documents.domain;

import java.time.Instant;
import java.util.List;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Company;
import org.tradeorders.platform.money.Money;

/** The commercial invoice of a shipment, as issued (its JSON form is this record; its PDF shows the same). */
public record CommercialInvoice(String number, int version, Instant issuedAt, String orderId, String shipmentId,
        Company seller, Company buyer, String incoterm, String currency, List<Line> lines, Money goodsTotal,
        Money shippingCost, Money total) {

    public record Line(String description, String model, String hsCode, int quantity, Money unitPrice, Money amount) {
    }
}
