package org.tradeorders.payment.collection.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.tradeorders.payment.events.PaymentEvents;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.time.Timestamps;

/** Activating e-collection with the supplier's collection information, and changing it later (history kept). */
@ApplicationScoped
public class CollectionInfos {

    /** The information as given; checked here, stored compact. */
    public record Details(String bankName, String accountHolder, String accountNumber, String bankCountry, String swiftBic,
            String contactEmail, String contactPhone) {
    }

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** @return the new version; version 1 activates e-collection */
    @Transactional
    public CollectionInfo save(String supplierId, Details d, String by) {
        List<FieldViolation> problems = BankAccounts.check(d.accountNumber(), d.swiftBic(), d.bankCountry());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        Instant now = clock.instant();
        CollectionInfo info = em.find(CollectionInfo.class, supplierId, LockModeType.PESSIMISTIC_WRITE);
        boolean activation = info == null;
        if (activation) {
            info = new CollectionInfo();
            info.supplierId = supplierId;
            info.activatedAt = now;
        }
        info.bankName = d.bankName().trim();
        info.accountHolder = d.accountHolder().trim();
        info.accountNumber = BankAccounts.compact(d.accountNumber());
        info.bankCountry = d.bankCountry();
        info.swiftBic = BankAccounts.compact(d.swiftBic());
        info.contactEmail = d.contactEmail().trim();
        info.contactPhone = d.contactPhone().trim();
        info.version = activation ? 1 : info.version + 1;
        info.updatedAt = now;
        if (activation) {
            em.persist(info);
        }
        em.flush();
        em.createNativeQuery("""
                insert into collection_info_history (supplier_id, version, bank_name, account_holder, account_number,
                    bank_country, swift_bic, contact_email, contact_phone, changed_by, changed_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, supplierId).setParameter(2, info.version).setParameter(3, info.bankName)
                .setParameter(4, info.accountHolder).setParameter(5, info.accountNumber).setParameter(6, info.bankCountry)
                .setParameter(7, info.swiftBic).setParameter(8, info.contactEmail).setParameter(9, info.contactPhone)
                .setParameter(10, by).setParameter(11, Timestamp.from(now)).executeUpdate();
        outbox.append(PaymentEvents.COLLECTION_INFO_CHANGED, supplierId, new PaymentEvents.CollectionInfoChanged(supplierId,
                info.version, activation, info.bankName, BankAccounts.masked(info.accountNumber), info.bankCountry,
                info.swiftBic, now));
        return info;
    }

    public CollectionInfo of(String supplierId) {
        CollectionInfo info = em.find(CollectionInfo.class, supplierId);
        if (info == null) {
            throw ProblemException.notFound("e-collection information of supplier", supplierId);
        }
        return info;
    }

    /** Every version, newest first: version, bank, masked account, BIC, who changed it and when. */
    public record Version(int version, String bankName, String accountHolder, String accountNumber, String bankCountry,
            String swiftBic, String contactEmail, String contactPhone, String changedBy, Instant changedAt) {
    }

    @SuppressWarnings("unchecked")
    public List<Version> history(String supplierId) {
        List<Object[]> rows = em.createNativeQuery("""
                select version, bank_name, account_holder, account_number, bank_country, swift_bic, contact_email,
                       contact_phone, changed_by, changed_at
                from collection_info_history where supplier_id = ?1 order by version desc""")
                .setParameter(1, supplierId).getResultList();
        return rows.stream().map(r -> new Version(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                BankAccounts.masked((String) r[3]), ((String) r[4]).trim(), (String) r[5], (String) r[6], (String) r[7],
                (String) r[8], Timestamps.toInstant(r[9]))).toList();
    }
}
