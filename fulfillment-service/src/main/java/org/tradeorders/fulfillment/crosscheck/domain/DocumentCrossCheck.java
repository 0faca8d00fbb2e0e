package org.tradeorders.fulfillment.crosscheck.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tradeorders.fulfillment.documents.domain.CommercialInvoice;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.DeclaredItem;
import org.tradeorders.fulfillment.documents.domain.OrderTerms;
import org.tradeorders.fulfillment.documents.domain.OrderTerms.ProformaLine;
import org.tradeorders.fulfillment.documents.domain.PackingList;
import org.tradeorders.platform.money.Money;

/**
 * The document cross-check of a shipment: the proforma invoice, the commercial invoice, the packing list
 * and the customs declaration (or export bill) compared for models, quantities, values, currency and HS
 * codes, and the declared export value against what the buyer prepaid. Pure: the same documents always
 * give the same discrepancies, in the order of these rules.
 */
public final class DocumentCrossCheck {
    private DocumentCrossCheck() {
    }

    public static List<Discrepancy> check(OrderTerms proforma, CommercialInvoice invoice, PackingList packingList,
            Declaration declaration, Money prepaid, CrossCheckRules rules) {
        List<Discrepancy> found = new ArrayList<>();
        proformaAgainstInvoice(proforma, invoice, found);
        invoiceAgainstPackingList(invoice, packingList, found);
        if (declaration == null || declaration.items().isEmpty()) {
            found.add(new Discrepancy("declaration-not-given", "customsDeclaration",
                    "no customs declaration items are known for this shipment: HS codes, quantities and the declared value "
                            + "cannot be compared"));
            return found;
        }
        String currency = invoice.currency();
        List<DeclaredItem> foreign = declaration.items().stream()
                .filter(i -> !i.declaredValue().currency().equals(currency)).toList();
        foreign.forEach(i -> found.add(new Discrepancy("declared-currency-differs", declaration.source() + ".items[hsCode="
                + i.hsCode() + "].declaredValue.currency", "declared in " + i.declaredValue().currency()
                + ", the commercial invoice is in " + currency)));
        hsCodesAndQuantities(declaration, found);
        if (!foreign.isEmpty()) {
            return found; // values in another currency cannot be compared without a rate
        }
        Money declared = declaration.items().stream().map(DeclaredItem::declaredValue).reduce(Money.zero(currency), Money::plus);
        Money invoiced = declaration.covers().stream().map(CommercialInvoice.Line::amount).reduce(Money.zero(currency), Money::plus);
        BigDecimal tolerance = invoiced.amount().multiply(rules.invoiceValueTolerance());
        if (declared.amount().subtract(invoiced.amount()).abs().compareTo(tolerance) > 0) {
            found.add(new Discrepancy("declared-value-differs-from-invoice", declaration.source() + ".declaredValue",
                    "declares " + declared + ", the commercial invoice's goods are " + invoiced + " (tolerance "
                            + percent(rules.invoiceValueTolerance()) + ")"));
        }
        prepayment(proforma, declaration, declared, invoiced, prepaid, rules, found);
        return found;
    }

    private static void proformaAgainstInvoice(OrderTerms proforma, CommercialInvoice invoice, List<Discrepancy> found) {
        if (!invoice.currency().equals(proforma.currency())) {
            found.add(new Discrepancy("currency-differs-from-proforma", "commercialInvoice.currency", "the invoice is in "
                    + invoice.currency() + ", the proforma invoice in " + proforma.currency()));
        }
        for (CommercialInvoice.Line l : invoice.lines()) {
            ProformaLine ordered = proforma.line(l.model());
            String field = "commercialInvoice.lines[model=" + l.model() + "]";
            if (ordered == null) {
                found.add(new Discrepancy("model-not-on-proforma", field + ".model", "model " + l.model()
                        + " is not on the proforma invoice"));
            } else if (ordered.unitPrice().compareTo(l.unitPrice().amount()) != 0) {
                found.add(new Discrepancy("price-differs-from-proforma", field + ".unitPrice", "invoiced at "
                        + l.unitPrice().amount().toPlainString() + ", agreed at " + ordered.unitPrice().toPlainString()));
            }
        }
    }

    private static void invoiceAgainstPackingList(CommercialInvoice invoice, PackingList packingList, List<Discrepancy> found) {
        Map<String, Integer> invoiced = new TreeMap<>();
        invoice.lines().forEach(l -> invoiced.merge(l.model(), l.quantity(), Integer::sum));
        Map<String, Integer> packed = new TreeMap<>();
        packingList.lines().forEach(l -> packed.merge(l.model(), l.quantity(), Integer::sum));
        invoiced.forEach((model, qty) -> {
            Integer p = packed.get(model);
            if (p == null) {
                found.add(new Discrepancy("model-not-packed", "packingList.lines[model=" + model + "]",
                        "the commercial invoice bills " + qty + " of " + model + ", the packing list has none"));
            } else if (p.intValue() != qty) {
                found.add(new Discrepancy("packed-quantity-differs", "packingList.lines[model=" + model + "].quantity",
                        "the packing list packs " + p + ", the commercial invoice bills " + qty));
            }
        });
        packed.keySet().stream().filter(m -> !invoiced.containsKey(m)).forEach(m -> found.add(new Discrepancy(
                "packed-model-not-invoiced", "packingList.lines[model=" + m + "]", "packed, but not on the commercial invoice")));
    }

    private static void hsCodesAndQuantities(Declaration declaration, List<Discrepancy> found) {
        Map<String, Integer> invoiced = new TreeMap<>();
        declaration.covers().forEach(l -> invoiced.merge(l.hsCode(), l.quantity(), Integer::sum));
        Map<String, Integer> declared = new TreeMap<>();
        declaration.items().forEach(i -> declared.merge(i.hsCode(), i.quantity(), Integer::sum));
        invoiced.forEach((hs, qty) -> {
            Integer d = declared.get(hs);
            if (d == null) {
                found.add(new Discrepancy("hs-code-not-declared", "commercialInvoice.lines[hsCode=" + hs + "]",
                        "the commercial invoice classifies goods under HS " + hs + ", the " + declaration.source()
                                + " declares none under it"));
            } else if (d.intValue() != qty) {
                found.add(new Discrepancy("declared-quantity-differs", declaration.source() + ".items[hsCode=" + hs
                        + "].quantity", "declares " + d + " under HS " + hs + ", the commercial invoice " + qty));
            }
        });
        declared.keySet().stream().filter(hs -> !invoiced.containsKey(hs)).forEach(hs -> found.add(new Discrepancy(
                "declared-hs-code-not-invoiced", declaration.source() + ".items[hsCode=" + hs + "]",
                "declared under HS " + hs + ", which no commercial invoice line carries")));
    }

    /** The declared value against the prepayment for the declared goods (their share of the order's goods). */
    private static void prepayment(OrderTerms proforma, Declaration declaration, Money declared, Money invoiced,
            Money prepaid, CrossCheckRules rules, List<Discrepancy> found) {
        if (prepaid == null || !prepaid.currency().equals(declared.currency()) || !prepaid.isPositive()) {
            return;
        }
        BigDecimal orderGoods = proforma.lines().stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal share = orderGoods.signum() == 0 ? BigDecimal.ONE
                : invoiced.amount().divide(orderGoods, 10, RoundingMode.HALF_EVEN).min(BigDecimal.ONE);
        Money forTheseGoods = prepaid.times(share).rounded();
        Money floor = forTheseGoods.times(rules.minDeclaredShareOfPrepayment()).rounded();
        if (declared.amount().compareTo(floor.amount()) < 0) {
            found.add(new Discrepancy("declared-value-below-prepayment", declaration.source() + ".declaredValue",
                    "declares " + declared + ", below " + percent(rules.minDeclaredShareOfPrepayment()) + " of the "
                            + forTheseGoods + " the buyer prepaid for these goods"));
        }
        if (declared.currency().equals(rules.maxDeclaredDifferenceCurrency())
                && declared.amount().subtract(forTheseGoods.amount()).abs().compareTo(rules.maxDeclaredDifferenceFromPrepayment()) > 0) {
            found.add(new Discrepancy("declared-value-far-from-prepayment", declaration.source() + ".declaredValue",
                    "declares " + declared + ", more than " + rules.maxDeclaredDifferenceFromPrepayment().toPlainString() + " "
                            + rules.maxDeclaredDifferenceCurrency() + " away from the " + forTheseGoods
                            + " the buyer prepaid for these goods"));
        }
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
