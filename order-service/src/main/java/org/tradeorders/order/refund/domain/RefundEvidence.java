package org.tradeorders.order.refund.domain;

import static org.tradeorders.order.refund.domain.RefundEvents.REFUND_EVIDENCE_ADDED;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tradeorders.order.domain.Party;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.validation.UploadedFile;

/**
 * Evidence on a refund case: either party attaches photos, an inspection report or correspondence
 * while the case is being negotiated, or escalated until its evidence due time. A file is a PDF, JPEG
 * or PNG by its content (whatever its name or declared type say), within the size and count limits,
 * and kept with its checksum; the same file again is the one already kept. Locks the case (after its
 * order) like every change to it, so the count limit holds under concurrency.
 */
@ApplicationScoped
public class RefundEvidence {
    @Inject
    RefundCases cases;
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    RefundRules rules;

    /** A file's description, without its content. */
    public record Info(String id, String caseId, String fileName, String mediaType, long sizeBytes, String sha256,
            Party addedBy, Instant addedAt) {
    }

    public record Added(Info evidence, boolean isNew) {
    }

    @Transactional
    public Added add(String caseId, Party by, String company, String fileName, String declaredType, byte[] content) {
        RefundCase c = cases.lockCase(caseId);
        Instant now = clock.instant();
        c.requireEvidenceOpen(now);
        UploadedFile file = UploadedFile.check(fileName, declaredType, content, rules.evidence().maxFileBytes());
        List<Info> kept = of(caseId);
        Optional<Info> same = kept.stream().filter(e -> e.sha256().equals(file.sha256())).findFirst();
        if (same.isPresent()) {
            return new Added(same.get(), false);
        }
        if (kept.size() >= rules.evidence().maxFilesPerCase()) {
            throw new RuleViolation("evidence-limit", "refund case " + caseId + " has " + rules.evidence().maxFilesPerCase()
                    + " files already, the most a case takes");
        }
        Evidence e = new Evidence();
        e.id = UUID.randomUUID().toString();
        e.caseId = caseId;
        e.orderId = c.orderId;
        e.addedBy = by;
        e.addedByCompany = company;
        e.fileName = fileName;
        e.mediaType = file.type().mediaType;
        e.sizeBytes = content.length;
        e.sha256 = file.sha256();
        e.content = content;
        e.addedAt = now;
        em.persist(e);
        outbox.append(REFUND_EVIDENCE_ADDED, c.orderId, RefundEvents.RefundEvidenceAdded.of(c, e));
        return new Added(info(e), true);
    }

    /** The case's files, oldest first, without their content. */
    public List<Info> of(String caseId) {
        return em.createQuery("""
                select e.id, e.caseId, e.fileName, e.mediaType, e.sizeBytes, e.sha256, e.addedBy, e.addedAt
                from Evidence e where e.caseId = ?1 order by e.addedAt, e.id""", Object[].class)
                .setParameter(1, caseId).getResultList().stream()
                .map(r -> new Info((String) r[0], (String) r[1], (String) r[2], (String) r[3], (Long) r[4], (String) r[5],
                        (Party) r[6], (Instant) r[7])).toList();
    }

    public Optional<Evidence> file(String caseId, String evidenceId) {
        return Optional.ofNullable(em.find(Evidence.class, evidenceId)).filter(e -> e.caseId.equals(caseId));
    }

    private static Info info(Evidence e) {
        return new Info(e.id, e.caseId, e.fileName, e.mediaType, e.sizeBytes, e.sha256, e.addedBy, e.addedAt);
    }
}
