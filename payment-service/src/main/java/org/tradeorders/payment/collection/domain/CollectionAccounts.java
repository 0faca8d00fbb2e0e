package org.tradeorders.payment.collection.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.tradeorders.payment.events.PaymentEvents;
import org.tradeorders.payment.ledger.domain.OrderFunds;
import org.tradeorders.payment.ledger.domain.OrderMoney;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;

/**
 * e-Collection orders' collection accounts: opened when the order is submitted (its number goes to
 * the buyer in the payment reminder), confirmed when the buyer confirms the payment details, released
 * when the order is PAID (withdrawal needs the buyer's confirmation and an associated amount that
 * matches the order), closed when it is cancelled. Called inside the inbox transaction of the order event.
 */
@ApplicationScoped
public class CollectionAccounts {
    private static final Logger LOG = Logger.getLogger(CollectionAccounts.class);

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    ECollectionRules rules;
    @Inject
    OrderMoney orderMoney;

    /** The order was submitted: open its account (or, submitted again after a change, take the new total). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(String orderId, String supplierId, String buyerId, String buyerName, Money total) {
        CollectionAccount account = em.find(CollectionAccount.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        BigDecimal cap = total.amount().add(total.amount().multiply(rules.bankFeeTolerancePercent())
                .divide(BigDecimal.valueOf(100), Money.scaleOf(total.currency()), RoundingMode.DOWN));
        orderMoney.opened(orderId, OrderFunds.E_COLLECTION, supplierId, buyerId, total);
        if (account != null) {
            account.total = total.amount();
            account.associationCap = cap.max(account.associated);
            account.buyerName = buyerName;
            return;
        }
        account = new CollectionAccount();
        account.orderId = orderId;
        account.accountNumber = nextAccountNumber();
        account.supplierId = supplierId;
        account.buyerId = buyerId;
        account.buyerName = buyerName;
        account.currency = total.currency();
        account.total = total.amount();
        account.associationCap = cap;
        account.openedAt = clock.instant();
        em.persist(account);
        CollectionInfo info = em.find(CollectionInfo.class, supplierId);
        outbox.append(PaymentEvents.COLLECTION_ACCOUNT_OPENED, orderId, new PaymentEvents.CollectionAccountOpened(orderId,
                supplierId, buyerId, account.accountNumber, total,
                info == null ? null : new PaymentEvents.Beneficiary(info.bankName, info.accountHolder, info.swiftBic),
                orderId, account.openedAt));
    }

    /** The buyer confirmed the payment details (recorded: a release needs it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void buyerConfirmed(String orderId) {
        CollectionAccount account = em.find(CollectionAccount.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            LOG.warnf("buyer confirmation for order %s without a collection account ignored", orderId);
            return;
        }
        if (account.buyerConfirmedAt == null) {
            account.buyerConfirmedAt = clock.instant();
        }
    }

    /**
     * order-service declared the order PAID (it decides, on the order row, between PAID and a
     * cancellation, so a cancelled order's associations can always be undone). The funds are released
     * only if this service agrees: the buyer confirmed the payment details and what is associated
     * matches the order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderPaid(String orderId) {
        CollectionAccount account = em.find(CollectionAccount.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.buyerConfirmedAt == null || !account.covered() || account.closedAt != null) {
            LOG.errorf("order %s reported PAID, but its collection account says otherwise (%s): funds not released",
                    orderId, account == null ? "none" : "confirmed " + account.buyerConfirmedAt + ", associated "
                            + account.associated + " of " + account.total + ", closed " + account.closedAt);
            return;
        }
        orderMoney.released(orderId);
    }

    /** prefix + 10-digit serial + 2 check digits (ISO 7064 mod 97-10, as in IBANs): a mistyped digit is caught. */
    private String nextAccountNumber() {
        long serial = ((Number) em.createNativeQuery("select nextval('collection_account_seq')").getSingleResult()).longValue();
        String digits = String.format("%010d", serial);
        int check = 98 - BankAccounts.mod97(digits + "00");
        return rules.accountPrefix() + digits + String.format("%02d", check);
    }

    /** Whether an account number's check digits are right (a remittance to a mistyped number is refused). */
    public static boolean checkDigitsValid(String prefix, String accountNumber) {
        if (accountNumber == null || !accountNumber.startsWith(prefix) || accountNumber.length() != prefix.length() + 12
                || !accountNumber.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
            return false;
        }
        return BankAccounts.mod97(accountNumber.substring(prefix.length())) == 1;
    }
}
