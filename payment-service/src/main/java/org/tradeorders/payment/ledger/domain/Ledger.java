package org.tradeorders.payment.ledger.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.tradeorders.platform.worker.AfterCommit;

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
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The ids of accounts that exist (created by a committed transaction; accounts are never deleted). */
    private final Set<String> knownAccounts = ConcurrentHashMap.newKeySet();

    /**
     * Posts an entry: its postings must sum to zero in each currency. A reference (what caused the
     * entry, e.g. payment:<id>) posts once: the database refuses a second entry with it. Accounts are
     * created on first use, then locked in the ids' byte order (collate "C", as {@link #lockedBalances}
     * locks them) and moved, in one statement: concurrent entries cannot deadlock.
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

        // each account moves by the sum of its postings, in one statement (an account's first posting creates it first)
        Map<Account.Ref, BigDecimal> moves = new TreeMap<>(Comparator.comparing(Account.Ref::id));
        lines.forEach(p -> moves.merge(p.account(), p.account().kind().debitNormal ? p.amount() : p.amount().negate(),
                BigDecimal::add));
        createNewAccounts(moves.keySet(), now);
        int moved = em.createNativeQuery("""
                with locked as (select id from ledger_account where id = any(cast(?1 as varchar[]))
                                order by id collate "C" for no key update)
                update ledger_account a set balance = a.balance + m.delta
                from unnest(cast(?1 as varchar[]), cast(?2 as numeric[])) as m(id, delta)
                where a.id = m.id and a.id in (select id from locked)""")
                .setParameter(1, moves.keySet().stream().map(Account.Ref::id).toArray(String[]::new))
                .setParameter(2, moves.values().toArray(BigDecimal[]::new))
                .executeUpdate();
        if (moved != moves.size()) {
            knownAccounts.clear(); // one remembered is gone (a database restored under this JVM): the next try creates it
            throw new IllegalStateException(type + " " + reference + " moved " + moved + " of " + moves.size() + " accounts");
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

    /**
     * Creates the accounts not known to exist yet, in id order, in one statement. Accounts are never
     * deleted, so one known (created by a transaction that committed) is not looked up again.
     */
    private void createNewAccounts(Collection<Account.Ref> refs, Instant now) {
        List<Account.Ref> unknown = refs.stream().filter(r -> !knownAccounts.contains(r.id())).toList();
        if (unknown.isEmpty()) {
            return;
        }
        // the entry's existing accounts are locked first, in the one order: another entry creating the same
        // new account waits there, before it holds anything this one needs
        lockedBalances(refs);
        em.createNativeQuery("""
                insert into ledger_account (id, kind, owner_id, currency, balance, created_at)
                select a.id, a.kind, a.owner_id, a.currency, 0, ?5
                from unnest(cast(?1 as varchar[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as varchar[]))
                with ordinality as a(id, kind, owner_id, currency, n)
                order by a.n on conflict (id) do nothing""")
                .setParameter(1, unknown.stream().map(Account.Ref::id).toArray(String[]::new))
                .setParameter(2, unknown.stream().map(r -> r.kind().name()).toArray(String[]::new))
                .setParameter(3, unknown.stream().map(Account.Ref::ownerId).toArray(String[]::new))
                .setParameter(4, unknown.stream().map(Account.Ref::currency).toArray(String[]::new))
                .setParameter(5, now).executeUpdate();
        AfterCommit.run(transactions, () -> unknown.forEach(r -> knownAccounts.add(r.id())));
    }

    /**
     * The account's balance, locked until the transaction ends (for a check-then-move such as a
     * withdrawal). Read from the row, not the persistence context: postings update balances by SQL.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal lockedBalance(Account.Ref ref) {
        return lockedBalances(List.of(ref)).get(ref);
    }

    /**
     * The balances of several accounts (zero for one not created yet), locked in one statement in the
     * order every posting locks them in, so a check-then-move over several accounts never deadlocks
     * with another entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Map<Account.Ref, BigDecimal> lockedBalances(Collection<Account.Ref> refs) {
        List<Object[]> rows = em.createNativeQuery("select id, balance from ledger_account where id = any(cast(?1 as varchar[])) "
                + "order by id collate \"C\" for no key update")
                .setParameter(1, refs.stream().map(Account.Ref::id).distinct().toArray(String[]::new)).getResultList();
        Map<String, BigDecimal> byId = new HashMap<>();
        rows.forEach(r -> byId.put((String) r[0], (BigDecimal) r[1]));
        Map<Account.Ref, BigDecimal> balances = new LinkedHashMap<>();
        refs.forEach(r -> balances.put(r, byId.getOrDefault(r.id(), BigDecimal.ZERO)));
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
