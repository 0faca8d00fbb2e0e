package org.tradeorders.payment.domain;

import static org.tradeorders.payment.events.PaymentEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tradeorders.payment.fees.domain.Fees;
import org.tradeorders.payment.ledger.domain.OrderFunds;
import org.tradeorders.payment.ledger.domain.OrderMoney;
import org.tradeorders.platform.metrics.BusinessMetrics;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.FileContent;

/**
 * Payment links and the money paid through them. Every payment is booked in the ledger in the same
 * transaction ({@link OrderMoney}); money that arrives is never refused once collected: what the
 * installment cannot take is kept as the buyer's credit.
 */
@ApplicationScoped
public class PaymentWorkflow {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    BusinessMetrics metrics;
    @Inject
    Clock clock;
    @Inject
    PaymentRules rules;
    @Inject
    Fees fees;
    @Inject
    OrderMoney orderMoney;

    /** What one installment of an order asks the buyer to pay. */
    public record Installment(int seq, String name, Money amount) {
    }

    /** One link per installment; an installment that already has a link keeps it. */
    public void issueLinks(String orderId, String supplierId, String buyerId, Money total, List<Installment> installments) {
        Instant now = clock.instant();
        orderMoney.opened(orderId, OrderFunds.TRADE_ASSURANCE, supplierId, buyerId, total);
        for (Installment in : installments) {
            boolean exists = !em.createQuery("select l.id from PaymentLink l where l.orderId = ?1 and l.installmentSeq = ?2")
                    .setParameter(1, orderId).setParameter(2, in.seq()).getResultList().isEmpty();
            if (exists) {
                continue;
            }
            PaymentLink link = new PaymentLink();
            link.id = UUID.randomUUID().toString();
            link.token = token();
            link.orderId = orderId;
            link.installmentSeq = in.seq();
            link.installmentName = in.name();
            link.buyerId = buyerId;
            link.supplierId = supplierId;
            link.amount = in.amount().amount();
            link.currency = in.amount().currency();
            link.status = LinkStatus.ISSUED;
            link.createdAt = now;
            link.expiresAt = now.plus(rules.linkValidity());
            em.persist(link);
            outbox.append(PAYMENT_LINK_ISSUED, link.orderId, new PaymentLinkIssued(link.id, link.orderId, link.buyerId,
                    link.supplierId, link.installmentSeq, link.installmentName, link.amountDue(), link.expiresAt));
        }
    }

    /** An order that ends before payment: its open links can no longer be paid. */
    public void cancelLinks(String orderId, String reason) {
        List<PaymentLink> open = em.createQuery("select l from PaymentLink l where l.orderId = ?1 order by l.installmentSeq",
                PaymentLink.class).setParameter(1, orderId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (PaymentLink link : open) {
            if (link.status.canBecome(LinkStatus.CANCELLED)) {
                link.status = LinkStatus.CANCELLED;
                outbox.append(PAYMENT_LINK_CANCELLED, orderId, new PaymentLinkCancelled(link.id, orderId,
                        link.installmentSeq, reason));
            }
        }
    }

    /**
     * The buyer pays through its link: the outstanding amount, or a part of it. Channels are simulated
     * here (the money is collected at once, as if the channel adapter had reported it); PAY_LATER
     * advances the outstanding amount, which the buyer then owes for payment.pay-later-term.
     * An expired, cancelled or paid link is refused (its expiry is kept).
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Payment checkout(String token, String buyerCompanyId, Channel channel, Money amount, String requestKey) {
        List<PaymentLink> found = em.createQuery("select l from PaymentLink l where l.token = ?1", PaymentLink.class)
                .setParameter(1, token).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty() || !found.get(0).buyerId.equals(buyerCompanyId)) {
            throw ProblemException.notFound("payment link", "(token)");
        }
        PaymentLink link = found.get(0);
        // a retry of a checkout whose answer was lost (its instance died after this committed) finds it
        String transactionId = requestKey == null ? "sim-" + UUID.randomUUID() : "sim-key-"
                + FileContent.sha256((buyerCompanyId + "|" + requestKey).getBytes(StandardCharsets.UTF_8));
        Optional<Payment> earlier = byTransaction(channel, transactionId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        expireIfDue(link);
        if (!link.status.payable()) {
            throw ProblemException.conflict("link-not-payable", "the payment link for installment " + link.installmentSeq
                    + " of order " + link.orderId + (link.status == LinkStatus.EXPIRED ? " expired at " + link.expiresAt
                            : " is " + link.status) + ": it cannot be paid");
        }
        Money pay = amount == null ? link.outstanding() : amount;
        if (!pay.currency().equals(link.currency)) {
            throw ProblemException.invalid("amount.currency", "must be " + link.currency + ", the installment's currency");
        }
        if (channel == Channel.PAY_LATER && pay.amount().compareTo(link.outstanding().amount()) != 0) {
            throw ProblemException.invalid("amount", "pay-later terms cover the outstanding " + link.outstanding());
        }
        if (pay.amount().compareTo(link.outstanding().amount()) > 0) {
            throw ProblemException.invalid("amount", "at most the outstanding " + link.outstanding());
        }
        return collect(link, channel, transactionId, pay);
    }

    /**
     * The buyer repays what a pay-later payment advanced, through a channel (simulated: collected at
     * once). A payment is repaid once.
     */
    @Transactional
    public Payment repayPayLater(String paymentId, String buyerCompanyId, Channel channel) {
        Payment p = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        PaymentLink link = p == null ? null : em.find(PaymentLink.class, p.linkId);
        if (p == null || !link.buyerId.equals(buyerCompanyId)) {
            throw ProblemException.notFound("payment", paymentId);
        }
        if (p.channel != Channel.PAY_LATER) {
            throw ProblemException.conflict("not-pay-later", "payment " + paymentId + " was made by " + p.channel
                    + ": nothing is owed for it");
        }
        if (p.payLaterRepaidAt != null) {
            throw ProblemException.conflict("already-repaid", "payment " + paymentId + " was repaid at " + p.payLaterRepaidAt);
        }
        if (channel == Channel.PAY_LATER) {
            throw ProblemException.invalid("channel", "a pay-later advance is repaid through another channel");
        }
        // a refund of the order forgave part of what the buyer owed for it
        Money owed = new Money(p.amount.subtract(p.refunded), p.currency);
        if (!owed.isPositive()) {
            throw ProblemException.conflict("nothing-owed", "payment " + paymentId + " was refunded: nothing is owed for it");
        }
        Money surcharge = fees.buyerSurcharge(owed, channel.name());
        p.payLaterRepaidAt = clock.instant();
        orderMoney.payLaterRepaid(p.id, p.orderId, channel.name(), owed, surcharge);
        outbox.append(PAY_LATER_REPAID, p.orderId, new PayLaterRepaid(p.id, p.orderId, link.buyerId, owed, channel.name(),
                p.payLaterDueAt, p.payLaterRepaidAt));
        return p;
    }

    /** The result of a channel report: the payment, and whether it was new. */
    public record Reported(Payment payment, boolean isNew) {
    }

    /**
     * A channel adapter reports money it collected for a link. The same (channel, transaction) reported
     * again has no second effect. Money for a link that cannot take it any more is the buyer's credit.
     */
    @Transactional
    public Reported reported(Channel channel, String transactionId, String linkId, Money amount) {
        Optional<Payment> earlier = byTransaction(channel, transactionId);
        if (earlier.isPresent()) {
            return new Reported(earlier.get(), false);
        }
        PaymentLink link = em.find(PaymentLink.class, linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link == null) {
            throw ProblemException.notFound("payment link", linkId);
        }
        if (!amount.currency().equals(link.currency)) {
            throw ProblemException.invalid("amount.currency", "must be " + link.currency + ", the installment's currency");
        }
        if (channel == Channel.PAY_LATER) {
            throw ProblemException.invalid("channel", "pay-later is granted by the platform, not reported by a channel");
        }
        // two reports of one transaction racing: the row lock on the link serialises them; look again
        earlier = byTransaction(channel, transactionId);
        if (earlier.isPresent()) {
            return new Reported(earlier.get(), false);
        }
        expireIfDue(link);
        return new Reported(collect(link, channel, transactionId, amount), true);
    }

    private Optional<Payment> byTransaction(Channel channel, String transactionId) {
        return em.createQuery("select p from Payment p where p.channel = ?1 and p.channelReference = ?2", Payment.class)
                .setParameter(1, channel).setParameter(2, transactionId).getResultStream().findFirst();
    }

    private Payment collect(PaymentLink link, Channel channel, String transactionId, Money amount) {
        Instant now = clock.instant();
        boolean payable = link.status.payable();
        Money outstanding = link.outstanding();
        Money applied = !payable ? Money.zero(link.currency)
                : amount.amount().compareTo(outstanding.amount()) > 0 ? outstanding : amount;
        Money credited = amount.minus(applied);
        Payment p = new Payment();
        p.id = UUID.randomUUID().toString();
        p.linkId = link.id;
        p.orderId = link.orderId;
        p.amount = amount.amount();
        p.currency = amount.currency();
        p.applied = applied.amount();
        p.credited = credited.amount();
        p.surcharge = fees.buyerSurcharge(amount, channel.name()).amount();
        p.channel = channel;
        p.channelReference = transactionId;
        p.receivedAt = now;
        p.payLaterDueAt = channel == Channel.PAY_LATER ? now.plus(rules.payLaterTerm()) : null;
        em.persist(p);
        if (applied.isPositive()) {
            link.paid = link.paid.add(applied.amount());
            link.status = link.outstanding().isPositive() ? LinkStatus.PARTIALLY_PAID : LinkStatus.PAID;
        }
        metrics.count("tradeorders.payments.received", "channel", channel.name(), "currency", p.currency);
        orderMoney.paymentReceived(p.id, p.orderId, channel.name(), amount, new Money(p.surcharge, p.currency), applied,
                channel == Channel.PAY_LATER);
        if (applied.isPositive()) {
            outbox.append(PAYMENT_RECEIVED, p.orderId, new PaymentReceived(p.id, p.orderId, link.id, link.installmentSeq,
                    applied, channel.name(), now, amount, credited, new Money(p.surcharge, p.currency), link.outstanding(),
                    p.payLaterDueAt));
        } else {
            outbox.append(PAYMENT_CREDITED_TO_BUYER, p.orderId, new PaymentCreditedToBuyer(p.id, p.orderId, link.id,
                    link.buyerId, amount, channel.name(), "LINK_" + link.status));
        }
        return p;
    }

    private void expireIfDue(PaymentLink link) {
        if (link.status.payable() && !clock.instant().isBefore(link.expiresAt)) {
            link.status = LinkStatus.EXPIRED;
        }
    }

    private String token() {
        byte[] bytes = new byte[Math.max(16, rules.linkTokenBytes())];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
