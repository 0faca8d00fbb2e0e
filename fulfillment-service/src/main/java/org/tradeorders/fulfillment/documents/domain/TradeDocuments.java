package org.tradeorders.fulfillment.documents.domain;

import static org.tradeorders.fulfillment.events.FulfillmentEvents.TRADE_DOCUMENTS_ISSUED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tradeorders.fulfillment.documents.domain.TradeDocumentSet.Numbering;
import org.tradeorders.fulfillment.documents.domain.TradeDocumentSet.ShippedGoods;
import org.tradeorders.fulfillment.events.FulfillmentEvents;
import org.tradeorders.platform.outbox.Outbox;

/**
 * Issues a shipment's trade documents: both numbered (CI-/PL-year-sequence), dated, kept as JSON and as
 * PDF, never changed; a correction issues both again under the same numbers with the next version. The
 * caller holds the shipment's lock, so two issues of one shipment never take the same version.
 */
@ApplicationScoped
public class TradeDocuments {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    TradeDocumentPdf pdf;

    /** The documents as they would be issued now, without issuing them (for the cross-check before submission). */
    public TradeDocumentSet preview(OrderTerms terms, ShippedGoods goods, DocumentDetails details) {
        return TradeDocumentSet.compose(terms, goods, details, new Numbering(null, null, 0, clock.instant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public TradeDocumentSet issue(OrderTerms terms, ShippedGoods goods, DocumentDetails details) {
        Instant now = clock.instant();
        List<TradeDocument> issued = versions(goods.shipmentId());
        Numbering n;
        if (issued.isEmpty()) {
            long seq = ((Number) em.createNativeQuery("select nextval('trade_document_number')").getSingleResult()).longValue();
            String suffix = "-%d-%06d".formatted(now.atZone(ZoneOffset.UTC).getYear(), seq);
            n = new Numbering(DocumentKind.COMMERCIAL_INVOICE.prefix + suffix, DocumentKind.PACKING_LIST.prefix + suffix, 1, now);
        } else {
            TradeDocument last = issued.get(issued.size() - 1);
            String suffix = last.number.substring(last.number.indexOf('-'));
            n = new Numbering(DocumentKind.COMMERCIAL_INVOICE.prefix + suffix, DocumentKind.PACKING_LIST.prefix + suffix,
                    last.version + 1, now);
        }
        TradeDocumentSet set = TradeDocumentSet.compose(terms, goods, details, n);
        keep(DocumentKind.COMMERCIAL_INVOICE, set.invoice().number(), set.invoice(), pdf.invoice(set.invoice()), goods, terms, n);
        keep(DocumentKind.PACKING_LIST, set.packingList().number(), set.packingList(), pdf.packingList(set.packingList()),
                goods, terms, n);
        outbox.append(TRADE_DOCUMENTS_ISSUED, terms.orderId(), new FulfillmentEvents.TradeDocumentsIssued(goods.shipmentId(),
                terms.orderId(), n.version(), n.invoiceNumber(), n.packingListNumber(), set.invoice().total(), now));
        return set;
    }

    /** Every issued version of the shipment's documents, oldest first (the PDF not loaded). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TradeDocument> versions(String shipmentId) {
        return em.createQuery("select d from TradeDocument d where d.shipmentId = ?1 order by d.version, d.kind",
                TradeDocument.class).setParameter(1, shipmentId).getResultList();
    }

    /** One version of one document; version null means the latest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TradeDocument> find(String shipmentId, DocumentKind kind, Integer version) {
        return versions(shipmentId).stream().filter(d -> d.kind == kind && (version == null || d.version == version))
                .reduce((a, b) -> b);
    }

    private void keep(DocumentKind kind, String number, Object content, byte[] rendered, ShippedGoods goods,
            OrderTerms terms, Numbering n) {
        TradeDocument d = new TradeDocument();
        d.id = UUID.randomUUID().toString();
        d.shipmentId = goods.shipmentId();
        d.orderId = terms.orderId();
        d.kind = kind;
        d.number = number;
        d.version = n.version();
        d.issuedAt = n.issuedAt();
        try {
            d.content = json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trade document did not serialise", e);
        }
        d.pdf = rendered;
        em.persist(d);
    }
}
