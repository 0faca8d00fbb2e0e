package org.tradeorders.payment.ledger.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Proves the books from the raw rows: every entry balances per currency, every account's balance is
 * the sum of its postings, clearing holds exactly what is in flight (remittances not yet associated),
 * nothing owed to or by a supplier or buyer is negative, no supplier has money available while it
 * owes an advance compensation, and each order's refunded amount is its paid refunds.
 */
@ApplicationScoped
public class BooksCheck {

    /** 'PLATFORM_CASH', ...: the kinds whose balance is debits minus credits */
    private static final String DEBIT_NORMAL = Arrays.stream(AccountKind.values()).filter(k -> k.debitNormal)
            .map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));

    @Inject
    EntityManager em;

    public record Report(boolean balanced, long entries, long postings, long accounts, List<String> problems) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Report run() {
        // one consistent snapshot of all tables
        em.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
        List<String> problems = new ArrayList<>();
        List<Object[]> unbalanced = em.createNativeQuery("""
                select entry_id, currency, sum(amount) from journal_posting group by entry_id, currency
                having sum(amount) <> 0""").getResultList();
        unbalanced.forEach(r -> problems.add("entry " + r[0] + " does not balance in " + r[1] + ": " + r[2]));
        List<Object> empty = em.createNativeQuery("""
                select e.id from journal_entry e where not exists (select 1 from journal_posting p where p.entry_id = e.id)""")
                .getResultList();
        empty.forEach(r -> problems.add("entry " + r + " has no postings"));
        List<Object[]> drifted = em.createNativeQuery("""
                select a.id, a.balance, coalesce(p.total, 0) from ledger_account a
                left join (select account_id, sum(amount) total from journal_posting group by account_id) p on p.account_id = a.id
                where a.balance <> case when a.kind in (%s) then coalesce(p.total, 0)
                                        else -coalesce(p.total, 0) end""".formatted(DEBIT_NORMAL)).getResultList();
        drifted.forEach(r -> problems.add("account " + r[0] + " says " + r[1] + " but its postings sum to " + r[2]));
        List<Object[]> mixed = em.createNativeQuery("""
                select p.entry_id, p.account_id from journal_posting p join ledger_account a on a.id = p.account_id
                where a.currency <> p.currency""").getResultList();
        mixed.forEach(r -> problems.add("entry " + r[0] + " posts another currency to " + r[1]));
        List<Object[]> negative = em.createNativeQuery("""
                select id, balance from ledger_account where balance < 0
                and kind in ('SUPPLIER_PENDING', 'SUPPLIER_AVAILABLE', 'BUYER_CREDIT', 'SUPPLIER_RECEIVABLE')""").getResultList();
        negative.forEach(r -> problems.add("account " + r[0] + " is overdrawn: " + r[1]));
        // an advance is recovered from every settlement first: a supplier never has money available while it owes
        List<Object[]> unrecovered = em.createNativeQuery("""
                select o.id, o.balance, a.balance from ledger_account o join ledger_account a
                on a.owner_id = o.owner_id and a.currency = o.currency and a.kind = 'SUPPLIER_AVAILABLE'
                where o.kind = 'SUPPLIER_RECEIVABLE' and o.balance > 0 and a.balance > 0""").getResultList();
        unrecovered.forEach(r -> problems.add("account " + r[0] + " is owed " + r[1] + " while " + r[2]
                + " is available to the supplier"));
        // what each order says it refunded is what its paid refunds amount to
        List<Object[]> refunds = em.createNativeQuery("""
                select f.order_id, f.refunded, coalesce(r.paid, 0) from order_funds f
                left join (select order_id, sum(amount) paid from refund where status = 'PAID' group by order_id) r
                on r.order_id = f.order_id where f.refunded <> coalesce(r.paid, 0)""").getResultList();
        refunds.forEach(r -> problems.add("order " + r[0] + " says " + r[1] + " was refunded but its paid refunds amount to "
                + r[2]));
        // in flight = received, not yet allocated: every Trade Assurance payment is allocated as it
        // arrives, so clearing holds exactly what banks credited for remittances not yet associated
        List<Object[]> clearing = em.createNativeQuery("""
                select coalesce(a.currency, r.currency), coalesce(a.balance, 0), coalesce(r.expected, 0)
                from (select currency, balance from ledger_account where kind = 'PLATFORM_CLEARING') a
                full join (select currency, sum(amount - bank_fees - associated + fees_allocated) expected
                           from remittance group by currency) r on r.currency = a.currency
                where coalesce(a.balance, 0) <> coalesce(r.expected, 0)""").getResultList();
        clearing.forEach(r -> problems.add("clearing in " + r[0] + " holds " + r[1] + " but the unassociated remittances "
                + "amount to " + r[2]));
        long entries = ((Number) em.createNativeQuery("select count(*) from journal_entry").getSingleResult()).longValue();
        long postings = ((Number) em.createNativeQuery("select count(*) from journal_posting").getSingleResult()).longValue();
        long accounts = ((Number) em.createNativeQuery("select count(*) from ledger_account").getSingleResult()).longValue();
        return new Report(problems.isEmpty(), entries, postings, accounts, problems);
    }
}
