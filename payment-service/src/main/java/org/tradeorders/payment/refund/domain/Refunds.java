package org.tradeorders.payment.refund.domain;

import static org.tradeorders.payment.ledger.domain.Posting.credit;
import static org.tradeorders.payment.ledger.domain.Posting.debit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.tradeorders.payment.domain.Channel;
import org.tradeorders.payment.domain.Payment;
import org.tradeorders.payment.events.PaymentEvents;
import org.tradeorders.payment.fx.domain.FxRates;
import org.tradeorders.payment.ledger.domain.Account;
import org.tradeorders.payment.ledger.domain.AdvanceCompensation;
import org.tradeorders.payment.ledger.domain.EntryType;
import org.tradeorders.payment.ledger.domain.Ledger;
import org.tradeorders.payment.ledger.domain.OrderFunds;
import org.tradeorders.payment.ledger.domain.Posting;
import org.tradeorders.payment.ledger.domain.SettlementCurrencies;
import org.tradeorders.platform.metrics.BusinessMetrics;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;

/**
 * Refunds agreed or decided on a refund case (shared/domain.md, "Refunds and disputes"), paid as soon
 * as they are owed, well within the refund-payment-within business days. The money comes from the
 * supplier's pending money for the order first, then from its available balance (its settlement
 * currency, converted at a recorded rate). Trade Assurance: what those lack, the platform advances
 * ({@link AdvanceCompensation}), so the buyer is paid in full at once. e-Collection: a refund the
 * supplier's money does not cover waits, whole and visibly, until settled funds do.
 * The buyer is paid back through the channels it paid by, the latest payment first (an unrepaid
 * pay-later payment is forgiven, not paid out); an e-Collection refund by bank transfer to the remitter.
 * Lock order: the order's payments, its funds row, then every ledger account the refund may touch in
 * id order (as each posting updates them), so a refund racing a withdrawal, a settlement, a repayment
 * or another refund waits for it, sees what it left, and never deadlocks.
 */
@ApplicationScoped
public class Refunds {
    private static final Logger LOG = Logger.getLogger(Refunds.class);
    static final String BANK_TRANSFER = Channel.TT_BANK_TRANSFER.name();

    @Inject
    EntityManager em;
    @Inject
    Ledger ledger;
    @Inject
    BusinessMetrics metrics;
    @Inject
    AdvanceCompensation advances;
    @Inject
    FxRates fx;
    @Inject
    SettlementCurrencies settlementCurrencies;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /**
     * A refund case was agreed or decided at {@code amount}: it is paid now if it can be. Runs in the
     * consumer's transaction; the case's id makes a second delivery a no-op.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Refund owed(String caseId, String orderId, Money amount, Instant payBy) {
        Refund existing = em.find(Refund.class, caseId);
        if (existing != null) {
            return existing;
        }
        List<Payment> payments = lockPayments(orderId);
        OrderFunds f = em.find(OrderFunds.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw new IllegalStateException("refund case " + caseId + " for order " + orderId + ", which has no funds here");
        }
        Refund r = Refund.owed(caseId, f, amount, payBy, clock.instant());
        em.persist(r);
        if (!amount.currency().equals(f.currency) || !f.refundable().isGreaterThanOrEqual(amount)) {
            // order-service caps a case at what was paid: this is a defect to look into, not money to move
            r.refuse("more than the " + f.refundable() + " received for the supplier and not yet refunded");
            LOG.errorf("refund case %s of order %s asks %s, more than the %s refundable: refused", caseId, orderId, amount,
                    f.refundable());
            return r;
        }
        pay(r, f, payments);
        return r;
    }

    /** A refund waiting for the supplier's money: paid if that now covers it. Returns whether it was paid. */
    @Transactional
    public boolean retry(String caseId) {
        Refund r = em.find(Refund.class, caseId);
        if (r == null || r.status != RefundStatus.WAITING_FOR_FUNDS) {
            return false;
        }
        List<Payment> payments = lockPayments(r.orderId);
        OrderFunds f = em.find(OrderFunds.class, r.orderId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        return r.status == RefundStatus.WAITING_FOR_FUNDS && pay(r, f, payments);
    }

    /** Refunds waiting for funds, the longest waiting first. */
    @Transactional
    public List<String> waiting(int limit) {
        return em.createQuery("select r.caseId from Refund r where r.status = ?1 order by r.owedAt, r.caseId", String.class)
                .setParameter(1, RefundStatus.WAITING_FOR_FUNDS).setMaxResults(limit).getResultList();
    }

    public List<Refund> ofOrder(String orderId) {
        return em.createQuery("from Refund where orderId = ?1 order by owedAt, caseId", Refund.class)
                .setParameter(1, orderId).getResultList();
    }

    public Optional<Refund> find(String caseId) {
        return Optional.ofNullable(em.find(Refund.class, caseId));
    }

    private boolean pay(Refund r, OrderFunds f, List<Payment> payments) {
        Money amount = r.money();
        String settlement = settlementCurrencies.of(f.supplierId);
        Account.Ref pending = Account.supplierPending(f.supplierId, f.currency);
        Account.Ref available = Account.supplierAvailable(f.supplierId, settlement);
        List<PlannedPayout> plan = r.isProtected() ? throughChannels(f, payments, amount) : toRemitter(f, amount);
        Set<Account.Ref> touched = new LinkedHashSet<>(List.of(pending, available,
                Account.supplierReceivable(f.supplierId, settlement), Account.fxPosition(f.currency),
                Account.fxPosition(settlement)));
        plan.forEach(p -> touched.add(p.to()));
        Map<Account.Ref, BigDecimal> balances = ledger.lockedBalances(touched);

        Money unsettled = f.unsettled();
        Money fromPending = unsettled.isGreaterThanOrEqual(amount) ? amount : unsettled.isPositive() ? unsettled
                : Money.zero(f.currency);
        Money rest = amount.minus(fromPending);
        Money inAvailable = new Money(balances.get(available), settlement);
        Money lacking = r.isProtected() ? null : inSettlementCurrency(rest, settlement).minus(inAvailable);
        if (lacking != null && lacking.isPositive()) {
            if (r.awaitFunds(lacking)) {
                outbox.append(PaymentEvents.REFUND_AWAITING_FUNDS, r.orderId, new PaymentEvents.RefundAwaitingFunds(r.caseId,
                        r.orderId, r.supplierId, r.buyerId, amount, lacking, r.owedAt));
            }
            return false;
        }
        Money fromAvailable = settlement.equals(f.currency) ? rest
                : rest.isPositive() ? fx.convert(rest, settlement, "REFUND", r.caseId).to() : Money.zero(settlement);
        Money advance = fromAvailable.minus(inAvailable);
        if (advance.isPositive()) {
            advances.advance(r.caseId, r.orderId, r.supplierId, advance);
        } else {
            advance = Money.zero(settlement);
        }

        List<Posting> postings = new ArrayList<>();
        postings.add(debit(pending, fromPending));
        postings.add(debit(available, fromAvailable));
        if (!settlement.equals(f.currency)) {
            postings.add(credit(Account.fxPosition(settlement), fromAvailable));
            postings.add(debit(Account.fxPosition(f.currency), rest));
        }
        List<Payout> payouts = new ArrayList<>();
        for (PlannedPayout p : plan) {
            postings.add(credit(p.to(), p.amount()));
            payouts.add(Payout.of(p.payment() == null ? null : p.payment().id, p.channel(), p.amount(), p.paidTo()));
            if (p.payment() != null) {
                p.payment().refunded = p.payment().refunded.add(p.amount().amount());
            }
        }
        ledger.post(EntryType.REFUND_PAID, "refund:" + r.caseId, r.orderId, r.supplierId, "refund case " + r.caseId
                + " paid to the buyer " + r.buyerId + (advance.isPositive() ? ", " + advance + " of it advanced by the platform"
                        : ""), postings);
        f.refunded = f.refunded.add(amount.amount());
        f.refundedFromPending = f.refundedFromPending.add(fromPending.amount());
        r.paid(fromPending, fromAvailable, advance, payouts, clock.instant());
        payouts.forEach(p -> metrics.count("tradeorders.refunds.paid", "channel", p.channel, "currency", p.currency));
        outbox.append(PaymentEvents.REFUND_PAID, r.orderId, new PaymentEvents.RefundPaid(r.caseId, r.orderId, r.supplierId,
                r.buyerId, r.kind, amount, fromPending, fromAvailable, advance.isPositive() ? advance : null,
                payouts.stream().map(p -> new PaymentEvents.RefundPayout(p.paymentId, p.channel, p.money(), p.paidTo))
                        .toList(), r.payBy, r.paidAt));
        return true;
    }

    /** What {@code amount} comes to in the settlement currency at the current rate (the check before converting). */
    private Money inSettlementCurrency(Money amount, String settlement) {
        if (amount.currency().equals(settlement)) {
            return amount;
        }
        BigDecimal rate = fx.quote(amount.currency(), settlement).rate();
        return new Money(amount.amount().multiply(rate).setScale(Money.scaleOf(settlement), RoundingMode.HALF_EVEN), settlement);
    }

    /** Part of a refund to pay: to which account, through which payment and channel. */
    private record PlannedPayout(Payment payment, String channel, Money amount, Account.Ref to, String paidTo) {
    }

    /** Trade Assurance: back through the payments, the latest first; an unrepaid pay-later payment is forgiven. */
    private List<PlannedPayout> throughChannels(OrderFunds f, List<Payment> payments, Money amount) {
        List<PlannedPayout> plan = new ArrayList<>();
        Money left = amount;
        for (Payment p : payments) {
            Money refundable = new Money(p.refundable(), p.currency);
            if (!left.isPositive() || !refundable.isPositive()) {
                continue;
            }
            Money part = refundable.isGreaterThanOrEqual(left) ? left : refundable;
            boolean owedByBuyer = p.channel == Channel.PAY_LATER && p.payLaterRepaidAt == null;
            plan.add(new PlannedPayout(p, p.channel.name(), part, owedByBuyer ? Account.buyerReceivable(f.buyerId, f.currency)
                    : Account.cash(f.currency), null));
            left = left.minus(part);
        }
        if (left.isPositive()) { // received otherwise than by a payment here: to the buyer's bank account
            plan.add(new PlannedPayout(null, BANK_TRANSFER, left, Account.cash(f.currency), null));
        }
        return plan;
    }

    /** e-Collection: one bank transfer to the remitter of the order's (first) associated remittance. */
    @SuppressWarnings("unchecked")
    private List<PlannedPayout> toRemitter(OrderFunds f, Money amount) {
        List<String> remitters = em.createNativeQuery("""
                select r.remitter_name from remittance_association a join remittance r on r.id = a.remittance_id
                where a.order_id = ?1 and a.undone_at is null order by a.associated_at, a.id""")
                .setParameter(1, f.orderId).setMaxResults(1).getResultList();
        return List.of(new PlannedPayout(null, BANK_TRANSFER, amount, Account.cash(f.currency),
                remitters.isEmpty() ? null : remitters.get(0)));
    }

    private List<Payment> lockPayments(String orderId) {
        return em.createQuery("from Payment where orderId = ?1 order by receivedAt desc, id", Payment.class)
                .setParameter(1, orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}
