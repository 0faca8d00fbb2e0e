package org.tradeorders.fulfillment.documents.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.PackedLine;
import org.tradeorders.fulfillment.documents.domain.OrderTerms.ProformaLine;
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.money.Money;

/**
 * A shipment's commercial invoice and packing list, composed from the order's terms, the shipped
 * quantities and the supplier's details. Prices come from the proforma invoice, never from the
 * supplier; a packing detail for every shipped model, and only those, is required.
 */
public record TradeDocumentSet(CommercialInvoice invoice, PackingList packingList) {

    /** What a shipment carries: per model the shipped quantity; the first shipment of an order carries its shipping cost. */
    public record ShippedGoods(String shipmentId, Map<String, Integer> quantityByModel, boolean carriesShippingCost) {
    }

    /** The documents' numbers and version (a correction keeps the numbers, with the next version). */
    public record Numbering(String invoiceNumber, String packingListNumber, int version, Instant issuedAt) {
    }

    public static TradeDocumentSet compose(OrderTerms terms, ShippedGoods goods, DocumentDetails details, Numbering n) {
        requireDetailsMatch(goods, details);
        String currency = terms.currency();
        List<CommercialInvoice.Line> invoiceLines = new ArrayList<>();
        List<PackingList.Line> packingLines = new ArrayList<>();
        Money goodsTotal = Money.zero(currency);
        int packages = 0;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> shipped : goods.quantityByModel().entrySet()) {
            ProformaLine ordered = terms.line(shipped.getKey());
            PackedLine packed = details.line(shipped.getKey());
            String description = describe(ordered);
            Money unitPrice = new Money(ordered.unitPrice(), currency).rounded();
            Money amount = unitPrice.times(BigDecimal.valueOf(shipped.getValue())).rounded();
            invoiceLines.add(new CommercialInvoice.Line(description, ordered.model(), packed.hsCode(), shipped.getValue(),
                    unitPrice, amount));
            goodsTotal = goodsTotal.plus(amount);
            int packedQuantity = packed.packedQuantity() != null ? packed.packedQuantity() : shipped.getValue();
            packingLines.add(new PackingList.Line(ordered.model(), description, packedQuantity, packed.packages(),
                    packed.netWeightKg(), packed.grossWeightKg(), packed.dimensions()));
            packages += packed.packages();
            net = net.add(packed.netWeightKg());
            gross = gross.add(packed.grossWeightKg());
        }
        Money shipping = new Money(goods.carriesShippingCost() && terms.shippingCost() != null ? terms.shippingCost()
                : BigDecimal.ZERO, currency).rounded();
        CommercialInvoice invoice = new CommercialInvoice(n.invoiceNumber(), n.version(), n.issuedAt(), terms.orderId(),
                goods.shipmentId(), details.seller(), terms.buyer(), terms.incoterm(), currency, invoiceLines, goodsTotal,
                shipping, goodsTotal.plus(shipping));
        PackingList packingList = new PackingList(n.packingListNumber(), n.version(), n.issuedAt(), terms.orderId(),
                goods.shipmentId(), details.seller(), terms.buyer(), packingLines, packages, net, gross);
        return new TradeDocumentSet(invoice, packingList);
    }

    private static String describe(ProformaLine l) {
        return l.specification() == null || l.specification().isBlank() ? l.productName()
                : l.productName() + ", " + l.specification();
    }

    /** Every shipped model has its packing line and HS code, no other model has one; gross weighs at least net. */
    private static void requireDetailsMatch(ShippedGoods goods, DocumentDetails details) {
        List<InvalidInput.Field> errors = new ArrayList<>();
        goods.quantityByModel().keySet().stream().filter(m -> details.line(m) == null).forEach(m -> errors.add(
                new InvalidInput.Field("documents.lines[model=" + m + "]", "the shipment ships this model: give its packing")));
        for (PackedLine l : details.lines()) {
            String field = "documents.lines[model=" + l.model() + "]";
            if (!goods.quantityByModel().containsKey(l.model())) {
                errors.add(new InvalidInput.Field(field, "the shipment does not ship this model"));
            } else if (l.grossWeightKg().compareTo(l.netWeightKg()) < 0) {
                errors.add(new InvalidInput.Field(field + ".grossWeightKg", "must be at least the net weight ("
                        + l.netWeightKg().toPlainString() + " kg)"));
            }
        }
        if (details.lines().stream().map(PackedLine::model).distinct().count() < details.lines().size()) {
            errors.add(new InvalidInput.Field("documents.lines", "names a model twice: give one packing line per model"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
