package org.tradeorders.payment.collection.domain;

import static org.tradeorders.payment.ledger.domain.Posting.credit;
import static org.tradeorders.payment.ledger.domain.Posting.debit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.tradeorders.payment.domain.PaymentRules;
import org.tradeorders.payment.events.PaymentEvents;
import org.tradeorders.payment.ledger.domain.Account;
import org.tradeorders.payment.ledger.domain.EntryType;
import org.tradeorders.payment.ledger.domain.Ledger;
import org.tradeorders.payment.ledger.domain.OrderMoney;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;

/**
 * Remittances to collection accounts: reported by a bank adapter (once per bank reference), listed for
 * their supplier, matched by suggestions, and associated by the supplier with its orders, n:m and in
 * parts. A remittance is never associated beyond its amount, an order never beyond its total plus the
 * bank-fee tolerance, whatever the concurrency: every association locks its orders' accounts, then
 * its remittances, each in id order (one order everywhere, so no two transactions deadlock), checks,
 * and writes; the database's checks refuse anything that would slip through.
 */
@ApplicationScoped
public class Remittances {

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    Ledger ledger;
    @Inject
    OrderMoney orderMoney;
    @Inject
    CollectionAccounts accounts;
    @Inject
    ECollectionRules rules;
    @Inject
    PaymentRules paymentRules;

    /** What the bank reports: the remittance as it arrived on a collection account. */
    public record Report(String bankReference, String collectionAccount, Money amount, Money bankFees, String remitterName,
            String reference, LocalDate valueDate) {
    }

    public record Received(Remittance remittance, boolean replayed) {
    }

    /**
     * Books an inbound remittance: cash in (what the bank credited), into clearing until the supplier
     * associates it. A report repeated with the same bank reference (of the same bank adapter) returns
     * the first; the same reference with other details is refused (409) and changes nothing.
     */
    @Transactional
    public Received receive(String adapter, Report r) {
        List<FieldViolation> errors = new ArrayList<>();
        if (!paymentRules.currencies().contains(r.amount().currency())) {
            errors.add(new FieldViolation("amount.currency", "must be one of " + paymentRules.currencies()));
        }
        if (!r.amount().currency().equals(r.bankFees().currency())) {
            errors.add(new FieldViolation("bankFees.currency", "must be the remittance's currency " + r.amount().currency()));
        }
        if (r.bankFees().amount().compareTo(r.amount().amount()) >= 0) {
            errors.add(new FieldViolation("bankFees", "must be less than the amount"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // one report per bank reference of that bank, even when the bank sends it twice at once
        em.createNativeQuery("select pg_advisory_xact_lock(7401, hashtext(?1))").setParameter(1, adapter + "|" + r.bankReference())
                .getSingleResult();
        List<Remittance> seen = em.createQuery("from Remittance where reportedBy = ?1 and bankReference = ?2", Remittance.class)
                .setParameter(1, adapter).setParameter(2, r.bankReference()).getResultList();
        if (!seen.isEmpty()) {
            Remittance first = seen.get(0);
            if (!sameReport(first, r)) {
                throw ProblemException.conflict("bank-reference-reused", "bank reference " + r.bankReference()
                        + " was reported before with other details (remittance " + first.id + ")");
            }
            return new Received(first, true);
        }
        CollectionAccount account = em.createQuery("from CollectionAccount where accountNumber = ?1", CollectionAccount.class)
                .setParameter(1, r.collectionAccount()).getResultStream().findFirst().orElse(null);
        if (account == null) {
            throw new ProblemException(422, "unknown-collection-account", "Unknown collection account",
                    "no order has collection account " + r.collectionAccount() + (CollectionAccounts.checkDigitsValid(
                            rules.accountPrefix(), r.collectionAccount()) ? "" : " (its check digits are wrong: mistyped?)")
                            + "; return the remittance to the remitter", List.of(new FieldViolation("collectionAccount",
                                    "is not an open collection account")), null);
        }
        Remittance m = new Remittance();
        m.id = UUID.randomUUID().toString();
        m.bankReference = r.bankReference();
        m.reportedBy = adapter;
        m.collectionAccount = account.accountNumber;
        m.supplierId = account.supplierId;
        m.currency = r.amount().currency();
        m.amount = r.amount().amount();
        m.bankFees = r.bankFees().amount();
        m.remitterName = r.remitterName().trim();
        m.referenceText = r.reference();
        m.valueDate = r.valueDate();
        m.receivedAt = clock.instant();
        em.persist(m);
        Money credited = m.money(m.credited());
        ledger.post(EntryType.REMITTANCE_RECEIVED, "remittance:" + m.id, account.orderId, m.supplierId,
                "remittance " + r.bankReference() + " from " + m.remitterName + " to collection account " + m.collectionAccount
                        + ": " + r.amount() + " remitted, " + r.bankFees() + " bank fees",
                List.of(debit(Account.cash(m.currency), credited), credit(Account.clearing(m.currency), credited)));
        outbox.append(PaymentEvents.REMITTANCE_RECEIVED, m.id, new PaymentEvents.RemittanceReceived(m.id, m.bankReference,
                m.collectionAccount, m.supplierId, account.orderId, r.amount(), r.bankFees(), credited, m.remitterName,
                m.referenceText, m.valueDate, m.receivedAt));
        return new Received(m, false);
    }

    private static boolean sameReport(Remittance m, Report r) {
        return m.collectionAccount.equals(r.collectionAccount()) && m.currency.equals(r.amount().currency())
                && m.amount.compareTo(r.amount().amount()) == 0 && m.bankFees.compareTo(r.bankFees().amount()) == 0
                && m.remitterName.equals(r.remitterName().trim()) && Objects.equals(m.referenceText, r.reference())
                && m.valueDate.equals(r.valueDate());
    }

    public record Association(String id, String remittanceId, String orderId, Money amount, Money bankFeeShare,
            String associatedBy, Instant associatedAt) {
    }

    /** One line of an association request: this much of the remittance pays that order. */
    public record Item(String remittanceId, String orderId, BigDecimal amount) {
    }

    /**
     * The supplier associates remittances with orders, all lines or none. Each line moves its part of
     * the remittance (less its share of the bank fees) to the supplier's pending balance; an order
     * covered and confirmed by its buyer is released to the supplier.
     */
    @Transactional
    public List<Association> associate(String supplierId, String by, List<Item> items) {
        Map<String, CollectionAccount> orders = new TreeMap<>();
        for (String id : new TreeSet<>(items.stream().map(Item::orderId).toList())) {
            orders.put(id, em.find(CollectionAccount.class, id, LockModeType.PESSIMISTIC_WRITE));
        }
        Map<String, Remittance> remittances = new TreeMap<>();
        for (String id : new TreeSet<>(items.stream().map(Item::remittanceId).toList())) {
            remittances.put(id, em.find(Remittance.class, id, LockModeType.PESSIMISTIC_WRITE));
        }
        List<FieldViolation> errors = new ArrayList<>();
        Map<String, BigDecimal> perRemittance = new LinkedHashMap<>();
        Map<String, BigDecimal> perOrder = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Remittance m = remittances.get(item.remittanceId());
            CollectionAccount o = orders.get(item.orderId());
            String at = "associations[" + i + "].";
            if (m == null || !m.supplierId.equals(supplierId)) {
                errors.add(new FieldViolation(at + "remittanceId", "remittance " + item.remittanceId() + " does not exist or is not yours"));
                continue;
            }
            if (o == null || !o.supplierId.equals(supplierId)) {
                errors.add(new FieldViolation(at + "orderId", "no e-Collection order " + item.orderId() + " of yours awaits remittances"));
                continue;
            }
            if (o.closedAt != null) {
                errors.add(new FieldViolation(at + "orderId", "order " + o.orderId + " was cancelled"));
            }
            if (!o.currency.equals(m.currency)) {
                errors.add(new FieldViolation(at + "orderId", "order " + o.orderId + " is in " + o.currency
                        + ", the remittance in " + m.currency + ": association never converts currencies"));
            }
            if (item.amount().scale() > Money.scaleOf(m.currency)) {
                errors.add(new FieldViolation(at + "amount", "has more decimals than " + m.currency + " allows"));
            }
            perRemittance.merge(m.id, item.amount(), BigDecimal::add);
            perOrder.merge(o.orderId, item.amount(), BigDecimal::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> over = new ArrayList<>();
        perRemittance.forEach((id, sum) -> {
            Remittance m = remittances.get(id);
            if (sum.compareTo(m.unassociated()) > 0) {
                over.add("remittance " + id + ": " + m.money(sum) + " asked, only " + m.money(m.unassociated()) + " left to associate");
            }
        });
        perOrder.forEach((id, sum) -> {
            CollectionAccount o = orders.get(id);
            if (sum.compareTo(o.room()) > 0) {
                over.add("order " + id + ": " + o.money(sum) + " asked, but its total " + o.money(o.total) + " plus the "
                        + rules.bankFeeTolerancePercent().stripTrailingZeros().toPlainString()
                        + "% bank-fee tolerance leaves room for " + o.money(o.room()));
            }
        });
        if (!over.isEmpty()) {
            throw ProblemException.conflict("over-association", String.join("; ", over));
        }
        Instant now = clock.instant();
        Map<Item, Association> done = new IdentityHashMap<>();
        // posted in one order (currency, then order, then remittance): two requests lock the ledger's
        // rows (clearing, pending balances) in the same order and cannot deadlock
        List<Item> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing((Item i) -> remittances.get(i.remittanceId()).currency)
                .thenComparing(Item::orderId).thenComparing(Item::remittanceId));
        for (Item item : ordered) {
            Remittance m = remittances.get(item.remittanceId());
            CollectionAccount o = orders.get(item.orderId());
            BigDecimal feeShare = m.feeShareOf(item.amount());
            m.associated = m.associated.add(item.amount());
            m.feesAllocated = m.feesAllocated.add(feeShare);
            o.associated = o.associated.add(item.amount());
            Association a = new Association(UUID.randomUUID().toString(), m.id, o.orderId, m.money(item.amount()),
                    m.money(feeShare), by, now);
            em.createNativeQuery("""
                    insert into remittance_association (id, remittance_id, order_id, amount, bank_fee_share, associated_by, associated_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""").setParameter(1, a.id()).setParameter(2, a.remittanceId())
                    .setParameter(3, a.orderId()).setParameter(4, item.amount()).setParameter(5, feeShare)
                    .setParameter(6, by).setParameter(7, Timestamp.from(now)).executeUpdate();
            orderMoney.remittanceAssociated(a.id(), m.id, o.orderId, a.amount(), a.bankFeeShare());
            outbox.append(PaymentEvents.REMITTANCE_ASSOCIATED, o.orderId, new PaymentEvents.RemittanceAssociated(a.id(),
                    m.id, o.orderId, supplierId, a.amount(), a.bankFeeShare(), o.money(o.associated), o.money(o.total),
                    o.covered(), by, now));
            done.put(item, a);
        }
        return items.stream().map(done::get).toList(); // as asked
    }

    /**
     * The order was cancelled while remittances were associated with it (it raced an association):
     * unless its funds were already released, each association is undone, its money back on the
     * remittance (and from the supplier's pending balance into clearing) to be associated again.
     * Locks the order's account before the remittances, like {@link #associate}, so the two cannot deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void orderCancelled(String orderId) {
        // the account first: from then on no association of this order can start or be in flight
        CollectionAccount account = em.find(CollectionAccount.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            return;
        }
        if (account.closedAt == null) {
            account.closedAt = clock.instant();
        }
        List<Object[]> rows = em.createNativeQuery("""
                select id, remittance_id, amount, bank_fee_share from remittance_association
                where order_id = ?1 and undone_at is null order by remittance_id, id""").setParameter(1, orderId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Remittance> remittances = new TreeMap<>();
        rows.forEach(r -> remittances.computeIfAbsent((String) r[1], id -> em.find(Remittance.class, id, LockModeType.PESSIMISTIC_WRITE)));
        if (!orderMoney.undoAssociations(orderId)) {
            return;
        }
        Instant now = clock.instant();
        for (Object[] r : rows) {
            Remittance m = remittances.get((String) r[1]);
            BigDecimal amount = (BigDecimal) r[2];
            BigDecimal feeShare = (BigDecimal) r[3];
            m.associated = m.associated.subtract(amount);
            m.feesAllocated = m.feesAllocated.subtract(feeShare);
            account.associated = account.associated.subtract(amount);
            em.createNativeQuery("update remittance_association set undone_at = ?1, undone_reason = 'ORDER_CANCELLED' where id = ?2")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, r[0]).executeUpdate();
            orderMoney.associationUndone((String) r[0], m.id, orderId, m.money(amount), m.money(feeShare));
            outbox.append(PaymentEvents.REMITTANCE_ASSOCIATION_UNDONE, orderId, new PaymentEvents.RemittanceAssociationUndone(
                    (String) r[0], m.id, orderId, m.supplierId, m.money(amount), "ORDER_CANCELLED", now));
        }
    }
}
