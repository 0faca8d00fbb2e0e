package org.tradeorders.payment.ledger.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The double-entry books. {@link #post} writes one balanced entry and moves the account balances in
 * the caller's transaction, so money moves together with the business change that causes it.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /**
     * Posts an entry: its postings must sum to zero in each currency. A reference (what caused the
     * entry, e.g. payment:<id>) posts once: the database refuses a second entry with it. Accounts are
     * created on first use and updated in id order, so concurrent entries cannot deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JournalEntry post(EntryType type, String reference, String orderId, String supplierId, String description,
            List<Posting> postings) {
        List<Posting> lines = postings.stream().filter(p -> p.amount().signum() != 0).toList();
        Map<String, BigDecimal> perCurrency = new HashMap<>();
        lines.forEach(p -> perCurrency.merge(p.account().currency(), p.amount(), BigDecimal::add));
        perCurrency.forEach((currency, sum) -> {
            if (sum.signum() != 0) {
                throw new IllegalArgumentException("unbalanced " + type + " entry: " + currency + " postings sum to " + sum);
            }
        });
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an entry moves money: " + type + " " + reference + " has no postings");
        }
        Instant now = clock.instant();
        JournalEntry entry = new JournalEntry();
        entry.id = UUID.randomUUID().toString();
        entry.type = type;
        entry.reference = reference;
        entry.orderId = orderId;
        entry.supplierId = supplierId;
        entry.description = description;
        entry.occurredAt = now;
        em.persist(entry);
        em.flush();

        List<Posting> byAccount = new ArrayList<>(lines);
        byAccount.sort(Comparator.comparing(p -> p.account().id()));
        for (Posting p : byAccount) {
            Account.Ref ref = p.account();
            BigDecimal delta = ref.kind().debitNormal ? p.amount() : p.amount().negate();
            if (addToBalance(ref, delta) == 0) { // the account's first posting
                em.createNativeQuery("""
                        insert into ledger_account (id, kind, owner_id, currency, balance, created_at)
                        values (?1, ?2, ?3, ?4, 0, ?5) on conflict (id) do nothing""")
                        .setParameter(1, ref.id()).setParameter(2, ref.kind().name()).setParameter(3, ref.ownerId())
                        .setParameter(4, ref.currency()).setParameter(5, now).executeUpdate();
                addToBalance(ref, delta);
            }
        }
        // the postings in one statement, numbered from 1 in the order given
        em.createNativeQuery("""
                insert into journal_posting (entry_id, line_no, account_id, currency, amount)
                select ?1, p.line_no, p.account_id, p.currency, p.amount
                from unnest(cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as numeric[])) with ordinality
                as p(account_id, currency, amount, line_no)""")
                .setParameter(1, entry.id)
                .setParameter(2, lines.stream().map(p -> p.account().id()).toArray(String[]::new))
                .setParameter(3, lines.stream().map(p -> p.account().currency()).toArray(String[]::new))
                .setParameter(4, lines.stream().map(Posting::amount).toArray(BigDecimal[]::new))
                .executeUpdate();
        return entry;
    }

    private int addToBalance(Account.Ref ref, BigDecimal delta) {
        return em.createNativeQuery("update ledger_account set balance = balance + ?2 where id = ?1")
                .setParameter(1, ref.id()).setParameter(2, delta).executeUpdate();
    }

    /**
     * The account's balance, locked until the transaction ends (for a check-then-move such as a
     * withdrawal). Read from the row, not the persistence context: postings update balances by SQL.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public BigDecimal lockedBalance(Account.Ref ref) {
        List<BigDecimal> rows = em.createNativeQuery("select balance from ledger_account where id = ?1 for update")
                .setParameter(1, ref.id()).getResultList();
        return rows.isEmpty() ? BigDecimal.ZERO : rows.get(0);
    }

    /**
     * The balances of several accounts, locked in id order (the order every posting updates them in),
     * so a check-then-move over several accounts never deadlocks with another entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Account.Ref, BigDecimal> lockedBalances(Collection<Account.Ref> refs) {
        Map<Account.Ref, BigDecimal> balances = new LinkedHashMap<>();
        refs.stream().distinct().sorted(Comparator.comparing(Account.Ref::id)).forEach(r -> balances.put(r, lockedBalance(r)));
        return balances;
    }

    public BigDecimal balance(Account.Ref ref) {
        Account account = em.find(Account.class, ref.id());
        return account == null ? BigDecimal.ZERO : account.balance;
    }

    public List<Account> accountsOf(String ownerId) {
        return em.createQuery("select a from Account a where a.ownerId = ?1 order by a.id", Account.class)
                .setParameter(1, ownerId).getResultList();
    }

    /** An entry with its postings, as the journal of an order shows it. */
    public record PostedEntry(JournalEntry entry, List<PostingLine> postings) {
    }

    public record PostingLine(int lineNo, String accountId, String currency, BigDecimal amount) {
    }

    public List<PostedEntry> entriesOfOrder(String orderId) {
        List<JournalEntry> entries = em.createQuery(
                "select e from JournalEntry e where e.orderId = ?1 order by e.seq", JournalEntry.class)
                .setParameter(1, orderId).getResultList();
        return entries.stream().map(e -> new PostedEntry(e, postingsOf(e.id))).toList();
    }

    @SuppressWarnings("unchecked")
    public List<PostingLine> postingsOf(String entryId) {
        List<Object[]> rows = em.createNativeQuery("""
                select line_no, account_id, currency, amount from journal_posting where entry_id = ?1 order by line_no""")
                .setParameter(1, entryId).getResultList();
        return rows.stream().map(r -> new PostingLine(((Number) r[0]).intValue(), (String) r[1], ((String) r[2]).trim(),
                (BigDecimal) r[3])).toList();
    }
}
