package org.tradeorders.fulfillment.exportbill.domain;

import static org.tradeorders.fulfillment.events.FulfillmentEvents.EXPORT_BILL_DRAFTED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tradeorders.fulfillment.events.FulfillmentEvents;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.persistence.RowLock;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.Formats;

/** Suppliers' one-stop export bills: drafting, and tying a bill to the order it serves. */
@ApplicationScoped
public class ExportBills {
    /** A Harmonized System code: 6 digits, or a national tariff line of up to 10. */
    public static final String HS_CODE = "[0-9]{6,10}";
    public static final String HS_CODE_MESSAGE = "must be an HS code of 6 to 10 digits";

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** A bill as drafted: the request's shape (required fields, HS code, positive numbers) is checked by its record. */
    public record Draft(String exporterName, String consigneeName, String destinationCountry, String portOfLoading,
            List<Item> items) {
    }

    public record Item(String hsCode, String description, int quantity, BigDecimal declaredAmount, String declaredCurrency) {
    }

    /**
     * What the request's constraints cannot say: the country and currencies exist, an amount has no more
     * decimals than its currency. Fields are named with {@code prefix} ("" or "exportBill.").
     */
    public static List<FieldViolation> check(Draft d, String prefix) {
        List<FieldViolation> errors = new ArrayList<>();
        if (d.destinationCountry() == null || !Formats.isCountry(d.destinationCountry())) {
            errors.add(new FieldViolation(prefix + "destinationCountry", Formats.COUNTRY_MESSAGE));
        }
        for (int i = 0; i < d.items().size(); i++) {
            Item item = d.items().get(i);
            String field = prefix + "items[" + i + "].declaredValue.";
            if (!Formats.isCurrency(item.declaredCurrency())) {
                errors.add(new FieldViolation(field + "currency", "is not an ISO 4217 currency"));
            } else if (item.declaredAmount() != null && !Money.fitsMinorUnit(item.declaredAmount(), item.declaredCurrency())) {
                errors.add(new FieldViolation(field + "amount", "has more decimals than " + item.declaredCurrency() + " has"));
            }
        }
        return errors;
    }

    /** A supplier drafts a bill on its own; it serves a later one-stop shipment. */
    @Transactional
    public ExportBill draft(String supplierId, Draft d) {
        List<FieldViolation> errors = check(d, "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return create(supplierId, d);
    }

    /** Drafts a checked bill in the caller's transaction, with its ExportBillDrafted event (key = the bill id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExportBill create(String supplierId, Draft d) {
        ExportBill b = new ExportBill();
        b.id = UUID.randomUUID().toString();
        b.supplierId = supplierId;
        b.status = ExportBillStatus.DRAFTED;
        b.exporterName = d.exporterName();
        b.consigneeName = d.consigneeName();
        b.destinationCountry = d.destinationCountry();
        b.portOfLoading = d.portOfLoading();
        b.createdAt = clock.instant();
        for (Item i : d.items()) {
            ExportBill.Item item = new ExportBill.Item();
            item.hsCode = i.hsCode();
            item.description = i.description();
            item.quantity = i.quantity();
            Money value = new Money(i.declaredAmount(), i.declaredCurrency());
            item.declaredAmount = value.amount();
            item.declaredCurrency = value.currency();
            b.items.add(item);
        }
        em.persist(b);
        outbox.append(EXPORT_BILL_DRAFTED, b.id, new FulfillmentEvents.ExportBillDrafted(b.id, b.supplierId,
                b.exporterName, b.consigneeName, b.destinationCountry, b.portOfLoading,
                b.items.stream().map(i -> new FulfillmentEvents.DeclaredItem(i.hsCode, i.description, i.quantity,
                        i.declaredValue())).toList(), b.createdAt));
        return b;
    }

    /** The supplier's own bill, locked for this transaction; null when it does not exist or is another's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ExportBill lockOwn(String id, String supplierId) {
        ExportBill b = RowLock.find(em, ExportBill.class, "export_bill", "id", id);
        return b == null || !b.supplierId.equals(supplierId) ? null : b;
    }

    /**
     * A shipment of the order names the bill: it is USED for that order from now on. A bill used for
     * another order is refused (409 export-bill-in-use).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void use(ExportBill b, String orderId) {
        if (b.status == ExportBillStatus.USED && !orderId.equals(b.orderId)) {
            throw ProblemException.conflict("export-bill-in-use", "export bill " + b.id + " is used for order "
                    + b.orderId + "; it cannot serve order " + orderId);
        }
        b.status = ExportBillStatus.USED;
        b.orderId = orderId;
    }

    public ExportBill find(String id) {
        return em.find(ExportBill.class, id);
    }

    /** A page of a supplier's bills, newest first. */
    public Page<ExportBill> of(String supplierId, PageRequest page) {
        long total = em.createQuery("select count(b) from ExportBill b where b.supplierId = ?1", Long.class)
                .setParameter(1, supplierId).getSingleResult();
        return page.of(em.createQuery("select b from ExportBill b where b.supplierId = ?1 order by b.createdAt desc, "
                + "b.id desc", ExportBill.class).setParameter(1, supplierId), total);
    }
}
