package org.tradeorders.fulfillment.domain;

import static org.tradeorders.fulfillment.events.FulfillmentEvents.SHIPMENT_SUBMITTED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tradeorders.fulfillment.crosscheck.domain.Discrepancy;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Company;
import org.tradeorders.fulfillment.events.FulfillmentEvents;
import org.tradeorders.fulfillment.exportbill.domain.ExportBill;
import org.tradeorders.fulfillment.exportbill.domain.ExportBills;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.persistence.RowLock;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.waiting.ChangeNotices;

@ApplicationScoped
public class ShipmentWorkflow {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @Inject
    ExportBills exportBills;
    @Inject
    ShipmentDocuments shipmentDocuments;
    @Inject
    ChangeNotices notices;

    /**
     * A one-stop export names its bill: an existing one ({@code exportBillId}) or a new one drafted with the
     * shipment ({@code newExportBill}), exactly one of them. A self-operated export names none.
     */
    public record ShipmentDraft(String orderId, ExportMode exportMode, String carrier, String trackingNumber,
            String customsDeclarationNumber, String exportBillId, ExportBills.Draft newExportBill,
            Map<String, Integer> quantityByModel, DocumentDetails documents) {
    }

    /** One line the order may ship: its model, product name, ordered quantity, and price (null if not told). */
    public record OrderedLine(String model, String productName, String specification, int quantity, BigDecimal unitPrice) {
    }

    /**
     * The proforma invoice's terms the trade documents take: currency, shipping cost, what the buyer
     * prepaid, the Incoterm and the buyer with its delivery address (each null if the event named none).
     */
    public record ShippableTerms(String currency, BigDecimal shippingCost, BigDecimal prepaid, String incoterm,
            Company buyer) {
    }

    /**
     * order-service says the order is paid for shipment: it becomes shippable here, with the lines its
     * shipments are checked against. Said again (a redelivery): nothing changes.
     */
    public void orderReadyToShip(String orderId, String supplierId, String buyerId, LocalDate shipmentDeadline,
            List<OrderedLine> lines, ShippableTerms terms) {
        if (em.find(ShippableOrder.class, orderId) != null) {
            return;
        }
        ShippableOrder o = new ShippableOrder();
        o.orderId = orderId;
        o.supplierId = supplierId;
        o.buyerId = buyerId;
        o.shipmentDeadline = shipmentDeadline;
        o.currency = terms.currency();
        o.shippingCost = terms.shippingCost();
        o.prepaid = terms.prepaid();
        o.incoterm = terms.incoterm();
        Company buyer = terms.buyer();
        if (buyer != null) {
            o.buyerCompanyName = buyer.name();
            o.buyerContactName = buyer.contactName();
            o.buyerPhone = buyer.phone();
            if (buyer.address() != null) {
                o.deliveryStreet = buyer.address().street();
                o.deliveryCity = buyer.address().city();
                o.deliveryZipCode = buyer.address().zipCode();
                o.deliveryCountry = buyer.address().country();
            }
        }
        for (OrderedLine l : lines) {
            ShippableOrder.Line line = new ShippableOrder.Line();
            line.model = l.model();
            line.productName = l.productName();
            line.specification = l.specification();
            line.quantity = l.quantity();
            line.unitPrice = l.unitPrice();
            o.lines.add(line);
        }
        em.persist(o);
        notices.announce(orderId); // a supplier waiting to ship it learns it on commit, on whichever instance
    }

    /**
     * The supplier ships (part of) an order. The shipped lines are checked against the order: an unknown
     * model or more than is left to ship is refused, and nothing changes. A self-operated export needs its
     * carrier, tracking number and customs declaration number; a one-stop export its export bill, which then
     * serves this order only (another order's bill is refused with 409 export-bill-in-use).
     */
    @Transactional
    public Shipment submit(String supplierId, ShipmentDraft draft) {
        // element collections: locked by plain SQL (RowLock), not Hibernate's follow-on locking
        ShippableOrder order = RowLock.find(em, ShippableOrder.class, "shippable_order",
                "order_id", draft.orderId());
        ExportBill bill = validate(supplierId, order, draft);
        if (draft.newExportBill() != null) {
            bill = exportBills.create(supplierId, draft.newExportBill());
        }
        if (bill != null) {
            exportBills.use(bill, order.orderId);
        }
        Shipment s = shipmentOf(order, draft, bill);
        outbox.append(SHIPMENT_SUBMITTED, s.orderId, new FulfillmentEvents.ShipmentSubmitted(s.id, s.orderId, s.supplierId,
                s.buyerId, s.exportMode.name(), s.carrier, s.trackingNumber, s.customsDeclarationNumber,
                s.lines.stream().map(l -> new FulfillmentEvents.ShippedLine(l.model, l.quantity)).toList(), s.completes,
                s.exportBillId));
        if (draft.documents() != null) {
            shipmentDocuments.issue(order, s, draft.documents());
        }
        notices.announce(order.orderId); // what remains to ship changed
        return s;
    }

    /**
     * The cross-check of a shipment before the supplier submits it: the same checks as a submission
     * (a refused draft answers as it would), then the documents it would get, compared; nothing changes.
     */
    @Transactional
    public List<Discrepancy> check(String supplierId, ShipmentDraft draft) {
        ShippableOrder order = em.find(ShippableOrder.class, draft.orderId());
        ExportBill bill = validate(supplierId, order, draft);
        if (draft.documents() == null) {
            throw ProblemException.invalid(List.of(new FieldViolation("documents",
                    "the cross-check compares the trade documents: give the shipment's documents")));
        }
        return shipmentDocuments.preview(order, draft.quantityByModel(), draft.documents(), bill, draft.newExportBill());
    }

    /** The order is the supplier's and ready; the export mode's fields and every line are right. @return the named bill */
    private ExportBill validate(String supplierId, ShippableOrder order, ShipmentDraft draft) {
        if (order == null || !order.supplierId.equals(supplierId)) {
            throw ProblemException.conflict("order-not-ready-to-ship", "order " + draft.orderId()
                    + " is not ready to ship: it is not yours, production has not started, or the balance due before shipment is unpaid");
        }
        List<FieldViolation> errors = new ArrayList<>();
        ExportBill bill = null;
        if (draft.exportMode() == ExportMode.SELF_OPERATED) {
            if (blank(draft.carrier())) {
                errors.add(new FieldViolation("carrier", "a self-operated export needs a carrier"));
            }
            if (blank(draft.trackingNumber())) {
                errors.add(new FieldViolation("trackingNumber", "a self-operated export needs a tracking number"));
            }
            if (blank(draft.customsDeclarationNumber())) {
                errors.add(new FieldViolation("customsDeclarationNumber",
                        "a self-operated export needs a customs declaration number"));
            }
            if (draft.exportBillId() != null || draft.newExportBill() != null) {
                errors.add(new FieldViolation("exportBillId",
                        "only a one-stop export names an export bill; a self-operated export declares customs itself"));
            }
        } else if ((draft.exportBillId() == null) == (draft.newExportBill() == null)) {
            errors.add(new FieldViolation("exportBillId", "a one-stop export names exactly one export bill: "
                    + "an existing one by exportBillId, or a new one drafted as exportBill"));
        } else if (draft.exportBillId() != null) {
            bill = exportBills.lockOwn(draft.exportBillId(), supplierId);
            if (bill == null) {
                errors.add(new FieldViolation("exportBillId",
                        "export bill " + draft.exportBillId() + " does not exist or is not yours"));
            }
        } else {
            errors.addAll(ExportBills.check(draft.newExportBill(), "exportBill."));
        }
        Map<String, Integer> remaining = new LinkedHashMap<>();
        order.lines.forEach(l -> remaining.merge(l.model, l.remaining(), Integer::sum));
        draft.quantityByModel().forEach((model, qty) -> {
            if (!remaining.containsKey(model)) {
                errors.add(new FieldViolation("lines[model=" + model + "]", "model is not on order " + order.orderId));
            } else if (qty > remaining.get(model)) {
                errors.add(new FieldViolation("lines[model=" + model + "]",
                        "ships " + qty + " but only " + remaining.get(model) + " are left to ship"));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return bill;
    }

    private Shipment shipmentOf(ShippableOrder order, ShipmentDraft draft, ExportBill bill) {
        Shipment s = new Shipment();
        s.id = UUID.randomUUID().toString();
        s.orderId = order.orderId;
        s.supplierId = order.supplierId;
        s.buyerId = order.buyerId;
        s.exportMode = draft.exportMode();
        s.carrier = draft.carrier();
        s.trackingNumber = draft.trackingNumber();
        s.customsDeclarationNumber = draft.customsDeclarationNumber();
        s.exportBillId = bill == null ? null : bill.id;
        s.submittedAt = clock.instant();
        draft.quantityByModel().forEach((model, qty) -> {
            Shipment.Line line = new Shipment.Line();
            line.model = model;
            line.quantity = qty;
            s.lines.add(line);
            int left = qty;
            for (ShippableOrder.Line l : order.lines) {
                if (l.model.equals(model) && left > 0) {
                    int take = Math.min(left, l.remaining());
                    l.shippedQuantity += take;
                    left -= take;
                }
            }
        });
        s.completes = order.fullyShipped();
        em.persist(s);
        return s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
