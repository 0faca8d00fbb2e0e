package org.tradeorders.fulfillment.crosscheck.domain;

import static org.tradeorders.fulfillment.events.FulfillmentEvents.SHIPMENT_DOCUMENTS_DISAGREE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tradeorders.fulfillment.events.FulfillmentEvents;
import org.tradeorders.fulfillment.events.FulfillmentEvents.DocumentDiscrepancy;
import org.tradeorders.platform.outbox.Outbox;

/**
 * Keeps each shipment's latest cross-check, for the operator, and announces a shipment whose documents
 * disagree (ShipmentDocumentsDisagree), in the transaction that issued the documents.
 */
@ApplicationScoped
public class DocumentChecks {
    private static final TypeReference<List<Discrepancy>> LIST = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    public record Result(String shipmentId, Instant checkedAt, List<Discrepancy> discrepancies) {
        public boolean agree() {
            return discrepancies.isEmpty();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result record(String shipmentId, String orderId, String supplierId, List<Discrepancy> found) {
        DocumentCheck c = em.find(DocumentCheck.class, shipmentId);
        boolean first = c == null;
        if (first) {
            c = new DocumentCheck();
            c.shipmentId = shipmentId;
        }
        c.checkedAt = clock.instant();
        c.discrepancies = write(found);
        if (first) {
            em.persist(c);
        }
        if (!found.isEmpty()) {
            outbox.append(SHIPMENT_DOCUMENTS_DISAGREE, orderId, new FulfillmentEvents.ShipmentDocumentsDisagree(shipmentId,
                    orderId, supplierId, found.stream().map(d -> new DocumentDiscrepancy(d.code(), d.field(), d.reason()))
                            .toList(), c.checkedAt));
        }
        return new Result(shipmentId, c.checkedAt, found);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Result> latest(String shipmentId) {
        return Optional.ofNullable(em.find(DocumentCheck.class, shipmentId))
                .map(c -> new Result(shipmentId, c.checkedAt, read(c.discrepancies)));
    }

    private String write(List<Discrepancy> found) {
        try {
            return json.writeValueAsString(found);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Discrepancy> read(String stored) {
        try {
            return json.readValue(stored, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document_check holds unreadable JSON", e);
        }
    }
}
