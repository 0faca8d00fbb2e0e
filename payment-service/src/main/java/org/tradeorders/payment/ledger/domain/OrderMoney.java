package org.tradeorders.payment.ledger.domain;

import static org.tradeorders.payment.ledger.domain.Posting.credit;
import static org.tradeorders.payment.ledger.domain.Posting.debit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.tradeorders.payment.events.PaymentEvents;
import org.tradeorders.payment.fees.domain.Fees;
import org.tradeorders.payment.fx.domain.FxConversion;
import org.tradeorders.payment.fx.domain.FxRates;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;

/**
 * How an order's money moves through the books. Trade Assurance: the buyer's payment comes into
 * clearing and is allocated to the supplier's pending balance (an overpayment to the buyer's credit);
 * when the goods ship it is released: settled to the supplier's available balance, in its settlement
 * currency, less the service fee. e-Collection: a remittance waits in clearing until the supplier
 * associates it with the order (then pending); it is released when the order is covered and the
 * buyer confirmed the payment details, without a service fee (the order is not protected).
 * Money that arrives after release (a balance due after shipment, a late association) settles at once.
 * Each settlement first recovers any advance compensation the supplier owes.
 */
@ApplicationScoped
public class OrderMoney {

    @Inject
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    Fees fees;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    SettlementCurrencies settlementCurrencies;
    @Inject
    FxRates fx;
    @Inject
    AdvanceCompensation advances;

    /** The order awaits payment: its parties and total are known from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void opened(String orderId, String kind, String supplierId, String buyerId, Money total) {
        OrderFunds existing = em.find(OrderFunds.class, orderId);
        if (existing != null) {
            existing.total = total.amount(); // an e-Collection order submitted again after a modification
            return;
        }
        OrderFunds f = new OrderFunds();
        f.kind = kind;
        f.orderId = orderId;
        f.supplierId = supplierId;
        f.buyerId = buyerId;
        f.currency = total.currency();
        f.total = total.amount();
        em.persist(f);
    }

    /**
     * Books a payment: {@code paid} is what the channel collected for the order (besides the
     * buyer's {@code surcharge}); {@code applied} of it goes to the supplier, the rest is the buyer's credit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentReceived(String paymentId, String orderId, String channel, Money paid, Money surcharge,
            Money applied, boolean payLater) {
        OrderFunds f = lock(orderId);
        Account.Ref in = payLater ? Account.buyerReceivable(f.buyerId, f.currency) : Account.cash(f.currency);
        List<Posting> receipt = new ArrayList<>();
        receipt.add(debit(in, paid.plus(surcharge)));
        receipt.add(credit(Account.clearing(f.currency), paid));
        receipt.add(credit(Account.fees(Fees.CARD_PROCESSING, f.currency), surcharge));
        ledger.post(payLater ? EntryType.PAY_LATER_ADVANCE : EntryType.BUYER_PAYMENT, "payment:" + paymentId, orderId,
                f.supplierId, (payLater ? "pay-later advance for the buyer " : "buyer payment by " + channel + " from ")
                        + f.buyerId, receipt);

        Money excess = paid.minus(applied);
        ledger.post(EntryType.PAYMENT_ALLOCATED, "allocation:" + paymentId, orderId, f.supplierId,
                "payment allocated to the supplier's pending balance" + (excess.isPositive() ? ", overpayment to the buyer's credit" : ""),
                List.of(debit(Account.clearing(f.currency), paid),
                        credit(Account.supplierPending(f.supplierId, f.currency), applied),
                        credit(Account.buyerCredit(f.buyerId, f.currency), excess)));
        f.received = f.received.add(applied.amount());
        if (f.releasedAt != null) {
            settle(f, "settlement:" + paymentId);
        }
    }

    /**
     * e-Collection: the supplier associated {@code gross} of a remittance with the order; the banks
     * took {@code bankFeeShare} of it before the money arrived, so the rest moves from clearing to the
     * supplier's pending balance.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remittanceAssociated(String associationId, String remittanceId, String orderId, Money gross,
            Money bankFeeShare) {
        OrderFunds f = lock(orderId);
        Money net = gross.minus(bankFeeShare);
        ledger.post(EntryType.REMITTANCE_ASSOCIATED, "association:" + associationId, orderId, f.supplierId,
                "remittance " + remittanceId + " associated with the order: " + gross + ", less bank fees " + bankFeeShare,
                List.of(debit(Account.clearing(f.currency), net), credit(Account.supplierPending(f.supplierId, f.currency), net)));
        f.received = f.received.add(net.amount());
        if (f.releasedAt != null) {
            settle(f, "settlement:" + associationId);
        }
    }

    /**
     * e-Collection: whether the associations of a cancelled order can be undone: yes unless its funds
     * were released to the supplier already (then a refund takes them back, not an undo).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean undoAssociations(String orderId) {
        OrderFunds f = lock(orderId);
        if (f.releasedAt != null) {
            Logger.getLogger(OrderMoney.class).errorf("e-Collection order %s was cancelled after its "
                    + "funds were released: %s stays with supplier %s until refunded", orderId, f.money(f.received), f.supplierId);
            return false;
        }
        return true;
    }

    /** e-Collection: an association undone: its money leaves the supplier's pending balance, back to clearing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void associationUndone(String associationId, String remittanceId, String orderId, Money gross, Money bankFeeShare) {
        OrderFunds f = lock(orderId);
        Money net = gross.minus(bankFeeShare);
        ledger.post(EntryType.REMITTANCE_ASSOCIATION_UNDONE, "undo:" + associationId, orderId, f.supplierId,
                "association of remittance " + remittanceId + " undone: the order was cancelled",
                List.of(debit(Account.supplierPending(f.supplierId, f.currency), net), credit(Account.clearing(f.currency), net)));
        f.received = f.received.subtract(net.amount());
    }

    /** e-Collection: covered and confirmed by the buyer; what was associated becomes the supplier's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void released(String orderId) {
        OrderFunds f = lock(orderId);
        if (f.releasedAt != null) {
            return;
        }
        f.releasedAt = clock.instant();
        settle(f, "settlement:" + orderId + ":released");
    }

    /** The buyer repays what it owed for a pay-later payment (and the card fee, if it repays by card). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void payLaterRepaid(String paymentId, String orderId, String channel, Money amount, Money surcharge) {
        OrderFunds f = lock(orderId);
        ledger.post(EntryType.PAY_LATER_REPAID, "repayment:" + paymentId, orderId, f.supplierId,
                "pay-later advance repaid by the buyer " + f.buyerId + " by " + channel,
                List.of(debit(Account.cash(f.currency), amount.plus(surcharge)),
                        credit(Account.buyerReceivable(f.buyerId, f.currency), amount),
                        credit(Account.fees(Fees.CARD_PROCESSING, f.currency), surcharge)));
    }

    /** The goods shipped: what was received for the supplier becomes available, less the service fee. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shipped(String orderId) {
        OrderFunds f = em.find(OrderFunds.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (f == null || f.shippedAt != null) {
            return;
        }
        f.shippedAt = clock.instant();
        if (f.releasedAt == null) {
            f.releasedAt = f.shippedAt;
            settle(f, "settlement:" + orderId + ":shipped");
        }
    }

    /**
     * Settles what was received and not yet settled into the supplier's settlement currency (at a
     * recorded FX rate, through the platform's FX position), less the service fee.
     */
    private void settle(OrderFunds f, String reference) {
        Money amount = f.unsettled();
        if (!amount.isPositive()) {
            return;
        }
        if (f.settlementCurrency == null) {
            f.settlementCurrency = settlementCurrencies.of(f.supplierId);
        }
        String to = f.settlementCurrency;
        List<Posting> postings = new ArrayList<>();
        postings.add(debit(Account.supplierPending(f.supplierId, f.currency), amount));
        Money settled = amount;
        FxConversion conversion = null;
        if (!to.equals(f.currency)) {
            conversion = fx.convert(amount, to, "SETTLEMENT", f.orderId);
            settled = conversion.to();
            postings.add(credit(Account.fxPosition(f.currency), amount));
            postings.add(debit(Account.fxPosition(to), settled));
        }
        Money fee = OrderFunds.TRADE_ASSURANCE.equals(f.kind)
                ? fees.supplierServiceFee(settled, new Money(f.serviceFee, to), f.orderId)
                : Money.zero(to);
        Money net = settled.minus(fee);
        postings.add(credit(Account.supplierAvailable(f.supplierId, to), net));
        postings.add(credit(Account.fees(Fees.SUPPLIER_SERVICE, to), fee));
        ledger.post(EntryType.FUNDS_SETTLED, reference, f.orderId, f.supplierId,
                "order funds settled to the supplier's available balance" + (conversion == null ? ""
                        : " in " + to + " at " + conversion.rate.stripTrailingZeros().toPlainString() + " ("
                                + conversion.rateSource + ")") + (fee.isPositive() ? ", less the service fee" : ""), postings);
        f.settled = f.settled.add(amount.amount());
        f.serviceFee = f.serviceFee.add(fee.amount());
        outbox.append(PaymentEvents.FUNDS_SETTLED, f.orderId, new PaymentEvents.FundsSettled(f.orderId, f.supplierId,
                amount, settled, conversion == null ? null : conversion.rate,
                conversion == null ? null : conversion.rateSource, fee, net));
        // what the supplier owes for an advance comes back before any of this can be withdrawn
        advances.recover(f.supplierId, to, f.orderId, reference);
    }

    private OrderFunds lock(String orderId) {
        OrderFunds f = em.find(OrderFunds.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw new IllegalStateException("no funds record for order " + orderId);
        }
        return f;
    }
}
