package org.tradeorders.fulfillment.shippingdocs.domain;

import static org.tradeorders.fulfillment.events.FulfillmentEvents.SHIPPING_DOCUMENT_ADDED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tradeorders.fulfillment.domain.Shipment;
import org.tradeorders.fulfillment.events.FulfillmentEvents;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.UploadedFile;

/**
 * A shipment's shipping documents: its supplier uploads a bill of lading, an air waybill, a certificate of
 * origin or inspection, or another document (PDF, JPEG or PNG by content, within the size and count
 * limits), kept with its checksum; the same file again is the one already kept. Locks the shipment, so
 * the count limit holds under concurrency.
 */
@ApplicationScoped
public class ShippingDocuments {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    ShippingDocumentRules rules;

    /** A document's description, without its content. */
    public record Info(String id, String shipmentId, ShippingDocumentKind kind, String fileName, String mediaType,
            long sizeBytes, String sha256, Instant addedAt) {
    }

    public record Added(Info document, boolean isNew) {
    }

    @Transactional
    public Added add(String supplierId, String shipmentId, ShippingDocumentKind kind, String fileName, String declaredType,
            byte[] content) {
        Shipment s = em.find(Shipment.class, shipmentId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !s.supplierId.equals(supplierId)) {
            throw ProblemException.notFound("shipment", shipmentId);
        }
        UploadedFile file = UploadedFile.check(fileName, declaredType, content, rules.maxFileBytes());
        List<Info> kept = of(shipmentId);
        Optional<Info> same = kept.stream().filter(d -> d.sha256().equals(file.sha256())).findFirst();
        if (same.isPresent()) {
            return new Added(same.get(), false);
        }
        if (kept.size() >= rules.maxFilesPerShipment()) {
            throw new RuleViolation("shipping-document-limit", "shipment " + shipmentId + " has " + kept.size()
                    + " documents already, the most a shipment takes");
        }
        ShippingDocument d = new ShippingDocument();
        d.id = UUID.randomUUID().toString();
        d.shipmentId = shipmentId;
        d.orderId = s.orderId;
        d.kind = kind;
        d.fileName = fileName;
        d.mediaType = file.type().mediaType;
        d.sizeBytes = content.length;
        d.sha256 = file.sha256();
        d.content = content;
        d.addedAt = clock.instant();
        em.persist(d);
        outbox.append(SHIPPING_DOCUMENT_ADDED, s.orderId, new FulfillmentEvents.ShippingDocumentAdded(s.id, s.orderId, d.id,
                kind.name(), fileName, d.mediaType, d.sizeBytes, d.sha256, d.addedAt));
        return new Added(info(d), true);
    }

    /** The shipment's documents, oldest first, without their content. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Info> of(String shipmentId) {
        return em.createQuery("""
                select d.id, d.shipmentId, d.kind, d.fileName, d.mediaType, d.sizeBytes, d.sha256, d.addedAt
                from ShippingDocument d where d.shipmentId = ?1 order by d.addedAt, d.id""", Object[].class)
                .setParameter(1, shipmentId).getResultList().stream()
                .map(r -> new Info((String) r[0], (String) r[1], (ShippingDocumentKind) r[2], (String) r[3], (String) r[4],
                        (Long) r[5], (String) r[6], (Instant) r[7])).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ShippingDocument> file(String shipmentId, String documentId) {
        return Optional.ofNullable(em.find(ShippingDocument.class, documentId)).filter(d -> d.shipmentId.equals(shipmentId));
    }

    private static Info info(ShippingDocument d) {
        return new Info(d.id, d.shipmentId, d.kind, d.fileName, d.mediaType, d.sizeBytes, d.sha256, d.addedAt);
    }
}
