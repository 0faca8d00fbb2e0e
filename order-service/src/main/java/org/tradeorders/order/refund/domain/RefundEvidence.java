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
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.validation.FileContent;
import org.tradeorders.platform.validation.Formats;

/**
 * Evidence on a refund case: either party attaches photos, an inspection report or correspondence
 * while the case is being negotiated, or escalated until its evidence due time. A file is a PDF, JPEG
 * or PNG by its content (whatever its name or declared type say), within the size and count limits,
 * and kept with its checksum; the same file again is the one already kept. Locks the case (after its
 * order) like every change to it, so the count limit holds under concurrency.
 */
@ApplicationScoped
public class RefundEvidence {
    static final String ANY_TYPE = "application/octet-stream";

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
        requireFileName(fileName);
        if (content.length == 0) {
            throw new InvalidInput("body", "is empty: send the file itself as the body");
        }
        if (content.length > rules.evidence().maxFileBytes()) {
            throw new InvalidInput("body", "is larger than " + rules.evidence().maxFileBytes() + " bytes");
        }
        FileContent.Type type = FileContent.typeOf(content).orElseThrow(() -> new InvalidInput("body",
                "is not a PDF, JPEG or PNG file (judged by its content, not its name)"));
        if (declaredType != null && !ANY_TYPE.equals(declaredType) && !type.mediaType.equals(declaredType)) {
            throw new InvalidInput("Content-Type", "says " + declaredType + ", but the file is " + type.mediaType);
        }
        String sha256 = FileContent.sha256(content);
        List<Info> kept = of(caseId);
        Optional<Info> same = kept.stream().filter(e -> e.sha256().equals(sha256)).findFirst();
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
        e.mediaType = type.mediaType;
        e.sizeBytes = content.length;
        e.sha256 = sha256;
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

    /** A name to show and download the file by: refused, never altered, if it could name a path. */
    private static void requireFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new InvalidInput("fileName", "is required: the file's name, e.g. inspection-report.pdf");
        }
        if (fileName.length() > 200 || !Formats.isPrintable(fileName) || fileName.contains("/") || fileName.contains("\\")) {
            throw new InvalidInput("fileName", "must be at most 200 printable characters without / or \\");
        }
    }
}
