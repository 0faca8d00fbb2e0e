package org.tradeorders.payment.withdrawal.domain;

import static org.tradeorders.payment.ledger.domain.Posting.credit;
import static org.tradeorders.payment.ledger.domain.Posting.debit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.tradeorders.payment.collection.domain.BankAccounts;
import org.tradeorders.payment.events.PaymentEvents;
import org.tradeorders.payment.ledger.domain.Account;
import org.tradeorders.payment.ledger.domain.AdvanceCompensation;
import org.tradeorders.payment.ledger.domain.EntryType;
import org.tradeorders.payment.ledger.domain.Ledger;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;

/**
 * Withdrawals never exceed the available balance, whatever the concurrency: the balance row is locked,
 * checked and debited in one transaction (and the database refuses a negative balance regardless). A
 * supplier that owes an advance compensation withdraws nothing until its settlements recovered it.
 */
@ApplicationScoped
public class Withdrawals {

    @Inject
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    AdvanceCompensation advances;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /**
     * @param requestKey the request's Idempotency-Key, or null: kept with the withdrawal, so a retry
     *                   the key store cannot answer (its instance died after this committed) finds it
     */
    @Transactional
    public Withdrawal withdraw(String supplierId, Money amount, String bankAccount, String requestKey) {
        // an account given as an IBAN (its country uses them) must be a valid one, as the registry has it
        BankAccounts.accountProblem(bankAccount).ifPresent(problem -> {
            throw ProblemException.invalid("bankAccount", problem);
        });
        Account.Ref available = Account.supplierAvailable(supplierId, amount.currency());
        // locks the supplier's available balance (with the cash account, in the ledger's lock order):
        // withdrawals of one supplier, retries included, and its refunds go one at a time
        Money balance = new Money(ledger.lockedBalances(List.of(available, Account.cash(amount.currency()))).get(available),
                amount.currency());
        if (requestKey != null) {
            var earlier = em.createQuery("select w from Withdrawal w where w.supplierId = ?1 and w.requestKey = ?2",
                    Withdrawal.class).setParameter(1, supplierId).setParameter(2, requestKey).getResultStream().findFirst();
            if (earlier.isPresent()) {
                Withdrawal w = earlier.get();
                if (!w.money().equals(amount) || !w.bankAccount.equals(bankAccount)) {
                    throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused", "Idempotency-Key "
                            + requestKey + " was used for another withdrawal", null, null);
                }
                return w;
            }
        }
        if (advances.owesAny(supplierId)) {
            throw ProblemException.conflict("advance-outstanding", "supplier " + supplierId + " owes the platform an advance "
                    + "compensation: it is recovered from its next settlements before anything can be withdrawn");
        }
        if (!balance.isGreaterThanOrEqual(amount)) {
            throw ProblemException.conflict("insufficient-funds", "the available balance is " + balance
                    + "; " + amount + " cannot be withdrawn");
        }
        Withdrawal w = new Withdrawal();
        w.id = UUID.randomUUID().toString();
        w.supplierId = supplierId;
        w.amount = amount.amount();
        w.currency = amount.currency();
        w.bankAccount = bankAccount;
        w.status = "PAID";
        w.requestedAt = clock.instant();
        w.paidAt = w.requestedAt;
        w.requestKey = requestKey;
        em.persist(w);
        ledger.post(EntryType.WITHDRAWAL, "withdrawal:" + w.id, null, supplierId,
                "withdrawal to bank account " + BankAccounts.masked(bankAccount),
                List.of(debit(available, amount), credit(Account.cash(amount.currency()), amount)));
        outbox.append(PaymentEvents.WITHDRAWAL_PAID, supplierId, new PaymentEvents.WithdrawalPaid(w.id, supplierId,
                amount, BankAccounts.masked(bankAccount), w.paidAt));
        return w;
    }

    public Page<Withdrawal> of(String supplierId, PageRequest page) {
        long total = em.createQuery("select count(w) from Withdrawal w where w.supplierId = ?1", Long.class)
                .setParameter(1, supplierId).getSingleResult();
        return page.of(em.createQuery("select w from Withdrawal w where w.supplierId = ?1 order by w.requestedAt desc, "
                + "w.id", Withdrawal.class).setParameter(1, supplierId), total);
    }
}
