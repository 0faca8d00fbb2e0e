package org.tradeorders.fulfillment.crosscheck.domain;

import java.util.List;
import org.tradeorders.fulfillment.documents.domain.CommercialInvoice;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.DeclaredItem;

/**
 * What was declared to customs for the goods: a self-operated export's customs declaration (this
 * shipment's goods) or a one-stop export bill (the goods of every shipment that goes out with it, so
 * {@code covers} holds their invoice lines). {@code source} names it in the reasons.
 */
public record Declaration(String source, List<DeclaredItem> items, List<CommercialInvoice.Line> covers) {
}
