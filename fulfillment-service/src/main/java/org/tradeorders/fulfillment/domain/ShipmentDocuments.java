package org.tradeorders.fulfillment.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tradeorders.fulfillment.crosscheck.domain.CrossCheckRules;
import org.tradeorders.fulfillment.crosscheck.domain.Declaration;
import org.tradeorders.fulfillment.crosscheck.domain.Discrepancy;
import org.tradeorders.fulfillment.crosscheck.domain.DocumentChecks;
import org.tradeorders.fulfillment.crosscheck.domain.DocumentCrossCheck;
import org.tradeorders.fulfillment.documents.domain.CommercialInvoice;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Address;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Company;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.DeclaredItem;
import org.tradeorders.fulfillment.documents.domain.DocumentKind;
import org.tradeorders.fulfillment.documents.domain.OrderTerms;
import org.tradeorders.fulfillment.documents.domain.TradeDocumentSet;
import org.tradeorders.fulfillment.documents.domain.TradeDocumentSet.ShippedGoods;
import org.tradeorders.fulfillment.documents.domain.TradeDocuments;
import org.tradeorders.fulfillment.exportbill.domain.ExportBill;
import org.tradeorders.fulfillment.exportbill.domain.ExportBills;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.persistence.RowLock;
import org.tradeorders.platform.problem.ProblemException;

/**
 * A shipment's trade documents and their cross-check: issued with the shipment or corrected later
 * (a new version), each time checked against the proforma invoice and the customs declaration or export
 * bill; and the same check on a draft before the supplier submits it. Locks the shippable order first
 * (like a submission), so one order's documents are issued one after the other.
 */
@ApplicationScoped
public class ShipmentDocuments {

    @Inject
    EntityManager em;
    @Inject
    TradeDocuments documents;
    @Inject
    DocumentChecks checks;
    @Inject
    CrossCheckRules rules;
    @Inject
    ObjectMapper json;

    /** Issues the shipment's documents from the supplier's details and records their cross-check (caller holds the lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public DocumentChecks.Result issue(ShippableOrder order, Shipment s, DocumentDetails details) {
        s.documentDetails = write(details);
        TradeDocumentSet set = documents.issue(terms(order), goodsOf(s), details);
        Declaration declaration = declarationOf(s, details, set.invoice());
        return checks.record(s.id, s.orderId, s.supplierId, DocumentCrossCheck.check(terms(order), set.invoice(),
                set.packingList(), declaration, prepaid(order), rules));
    }

    /** The supplier corrects a shipment's documents: both are issued again with the next version. */
    @Transactional
    public DocumentChecks.Result correct(String supplierId, String shipmentId, DocumentDetails details) {
        Shipment s = em.find(Shipment.class, shipmentId);
        if (s == null || !s.supplierId.equals(supplierId)) {
            throw ProblemException.notFound("shipment", shipmentId);
        }
        ShippableOrder order = RowLock.find(em, ShippableOrder.class, "shippable_order", "order_id", s.orderId);
        return issue(order, s, details);
    }

    /** The cross-check of a shipment not yet submitted: nothing is issued or kept. */
    public List<Discrepancy> preview(ShippableOrder order, Map<String, Integer> quantityByModel, DocumentDetails details,
            ExportBill bill, ExportBills.Draft newBill) {
        ShippedGoods goods = new ShippedGoods("(not submitted)", quantityByModel, firstShipment(order.orderId));
        TradeDocumentSet set = documents.preview(terms(order), goods, details);
        List<DeclaredItem> declared = bill != null ? itemsOf(bill) : newBill != null ? newBill.items().stream()
                .map(i -> new DeclaredItem(i.hsCode(), i.quantity(), new Money(i.declaredAmount(), i.declaredCurrency())))
                .toList() : details.customsDeclaration();
        List<CommercialInvoice.Line> covers = new ArrayList<>(set.invoice().lines());
        if (bill != null) {
            covers.addAll(linesOfOtherShipments(bill.id, null));
        }
        Declaration declaration = declared == null ? null
                : new Declaration(bill != null || newBill != null ? "exportBill" : "customsDeclaration", declared, covers);
        return DocumentCrossCheck.check(terms(order), set.invoice(), set.packingList(), declaration, prepaid(order), rules);
    }

    OrderTerms terms(ShippableOrder o) {
        if (o.currency == null) {
            throw new RuleViolation("order-terms-unknown", "order " + o.orderId + " became shippable before its prices "
                    + "were kept here: its trade documents cannot be made");
        }
        Company buyer = new Company(o.buyerCompanyName, o.deliveryStreet == null ? null
                : new Address(o.deliveryStreet, o.deliveryCity, o.deliveryZipCode, o.deliveryCountry), o.buyerContactName,
                o.buyerPhone);
        return new OrderTerms(o.orderId, o.currency, o.incoterm, buyer, o.shippingCost, o.lines.stream()
                .map(l -> new OrderTerms.ProformaLine(l.model, l.productName, l.specification, l.unitPrice, l.quantity))
                .toList());
    }

    private ShippedGoods goodsOf(Shipment s) {
        Map<String, Integer> byModel = new LinkedHashMap<>();
        s.lines.forEach(l -> byModel.merge(l.model, l.quantity, Integer::sum));
        return new ShippedGoods(s.id, byModel, isFirst(s));
    }

    /** The order's first shipment carries its shipping cost on the invoice. */
    private boolean isFirst(Shipment s) {
        return em.createQuery("select count(x) from Shipment x where x.orderId = ?1 and (x.submittedAt < ?2 "
                + "or (x.submittedAt = ?2 and x.id < ?3))", Long.class).setParameter(1, s.orderId)
                .setParameter(2, s.submittedAt).setParameter(3, s.id).getSingleResult() == 0;
    }

    private boolean firstShipment(String orderId) {
        return em.createQuery("select count(x) from Shipment x where x.orderId = ?1", Long.class).setParameter(1, orderId)
                .getSingleResult() == 0;
    }

    private Declaration declarationOf(Shipment s, DocumentDetails details, CommercialInvoice invoice) {
        if (s.exportBillId == null) {
            return details.customsDeclaration() == null ? null
                    : new Declaration("customsDeclaration", details.customsDeclaration(), invoice.lines());
        }
        ExportBill bill = em.find(ExportBill.class, s.exportBillId);
        List<CommercialInvoice.Line> covers = new ArrayList<>(invoice.lines());
        covers.addAll(linesOfOtherShipments(bill.id, s.id));
        return new Declaration("exportBill", itemsOf(bill), covers);
    }

    private static List<DeclaredItem> itemsOf(ExportBill bill) {
        return bill.items.stream().map(i -> new DeclaredItem(i.hsCode, i.quantity, i.declaredValue())).toList();
    }

    /** The latest invoice lines of the bill's other shipments: a bill declares the goods of all of them. */
    private List<CommercialInvoice.Line> linesOfOtherShipments(String billId, String exceptShipmentId) {
        List<CommercialInvoice.Line> lines = new ArrayList<>();
        em.createQuery("select x.id from Shipment x where x.exportBillId = ?1", String.class).setParameter(1, billId)
                .getResultList().stream().filter(id -> !id.equals(exceptShipmentId))
                .forEach(id -> documents.find(id, DocumentKind.COMMERCIAL_INVOICE, null)
                        .ifPresent(d -> lines.addAll(read(d.content).lines())));
        return lines;
    }

    private static Money prepaid(ShippableOrder o) {
        return o.prepaid == null ? null : new Money(o.prepaid, o.currency);
    }

    private String write(DocumentDetails details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CommercialInvoice read(String content) {
        try {
            return json.readValue(content, CommercialInvoice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept commercial invoice is unreadable", e);
        }
    }
}
