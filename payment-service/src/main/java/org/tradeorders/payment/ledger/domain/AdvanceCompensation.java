package org.tradeorders.payment.ledger.domain;

import static org.tradeorders.payment.ledger.domain.Posting.credit;
import static org.tradeorders.payment.ledger.domain.Posting.debit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.tradeorders.payment.events.PaymentEvents;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;

/**
 * Advance compensation (shared/domain.md, "Refunds and disputes"). When a supplier's money cannot
 * cover a Trade Assurance refund, the platform advances the rest, so the buyer is paid in full at once;
 * the supplier then owes it (its receivable, in its settlement currency). Each later settlement to the
 * supplier's available balance recovers what it owes first, in the same transaction, and a supplier
 * that owes cannot withdraw: the advance is repaid before any of its money leaves. Both events are
 * keyed by the supplier (what it owes is the supplier's, across orders) and carry what it owes after.
 */
@ApplicationScoped
public class AdvanceCompensation {

    @Inject
    Ledger ledger;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /**
     * The platform credits {@code shortfall} to the supplier's available balance for refund case
     * {@code caseId}; the supplier owes it from now on. The caller holds the available account's lock
     * and pays the refund out of it in the same transaction, so the advance is never withdrawable.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(String caseId, String orderId, String supplierId, Money shortfall) {
        Account.Ref receivable = Account.supplierReceivable(supplierId, shortfall.currency());
        ledger.post(EntryType.ADVANCE_COMPENSATION, "advance:" + caseId, orderId, supplierId,
                "advance compensation for refund case " + caseId + ": the platform pays the " + shortfall
                        + " the supplier's balance lacks, and the supplier owes it",
                List.of(debit(receivable, shortfall), credit(Account.supplierAvailable(supplierId, shortfall.currency()),
                        shortfall)));
        outbox.append(PaymentEvents.ADVANCE_COMPENSATION_PAID, supplierId, new PaymentEvents.AdvanceCompensationPaid(
                caseId, orderId, supplierId, shortfall, owed(receivable), clock.instant()));
    }

    /**
     * Money was just settled to the supplier's available balance in {@code currency} (its account is
     * locked by that posting): what the supplier owes in it is recovered from it first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recover(String supplierId, String currency, String orderId, String reference) {
        Account.Ref receivable = Account.supplierReceivable(supplierId, currency);
        Account.Ref available = Account.supplierAvailable(supplierId, currency);
        // both locked in the ledger's one order (available before receivable), as every entry locks them
        Map<Account.Ref, BigDecimal> balances = ledger.lockedBalances(List.of(receivable, available));
        Money owed = new Money(balances.get(receivable), currency);
        if (!owed.isPositive()) {
            return;
        }
        Money balance = new Money(balances.get(available), currency);
        Money recovered = balance.isGreaterThanOrEqual(owed) ? owed : balance;
        if (!recovered.isPositive()) {
            return;
        }
        ledger.post(EntryType.ADVANCE_RECOVERED, "recovery:" + reference, orderId, supplierId,
                "advance compensation recovered from the settlement of order " + orderId,
                List.of(debit(available, recovered), credit(receivable, recovered)));
        outbox.append(PaymentEvents.ADVANCE_RECOVERED, supplierId, new PaymentEvents.AdvanceRecovered(supplierId, orderId,
                recovered, owed(receivable), clock.instant()));
    }

    /** Whether the supplier owes the platform an advance in any currency (then it cannot withdraw). */
    public boolean owesAny(String supplierId) {
        return ledger.accountsOf(supplierId).stream()
                .anyMatch(a -> a.kind == AccountKind.SUPPLIER_RECEIVABLE && a.balance.signum() > 0);
    }

    private Money owed(Account.Ref receivable) {
        return new Money(ledger.lockedBalance(receivable), receivable.currency());
    }
}
