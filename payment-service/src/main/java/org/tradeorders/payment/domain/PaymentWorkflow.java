package org.tradeorders.payment.domain;

import static org.tradeorders.payment.messaging.PaymentEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.tradeorders.payment.messaging.OrderEventsConsumer;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.ProblemException;

@ApplicationScoped
public class PaymentWorkflow {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    PaymentRules rules;

    /** One link per installment; an installment that already has a link keeps it. */
    public void issueLinks(OrderEventsConsumer.OrderAwaitingPayment order) {
        Instant now = clock.instant();
        for (OrderEventsConsumer.Installment in : order.installments()) {
            boolean exists = !em.createQuery("select l.id from PaymentLink l where l.orderId = ?1 and l.installmentSeq = ?2")
                    .setParameter(1, order.orderId()).setParameter(2, in.seq()).getResultList().isEmpty();
            if (exists) {
                continue;
            }
            PaymentLink link = new PaymentLink();
            link.id = UUID.randomUUID().toString();
            link.token = token();
            link.orderId = order.orderId();
            link.installmentSeq = in.seq();
            link.installmentName = in.name();
            link.buyerId = order.buyerId();
            link.supplierId = order.supplierId();
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
     * The buyer pays a link in full through a channel. The channel here is simulated and succeeds at
     * once; real channel adapters will report results on their own endpoint.
     */
    @Transactional
    public Payment pay(String token, String buyerCompanyId, Channel channel, String channelReference) {
        List<PaymentLink> found = em.createQuery("select l from PaymentLink l where l.token = ?1", PaymentLink.class)
                .setParameter(1, token).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty() || !found.get(0).buyerId.equals(buyerCompanyId)) {
            throw ProblemException.notFound("payment link", "(token)");
        }
        PaymentLink link = found.get(0);
        Instant now = clock.instant();
        if (link.status == LinkStatus.ISSUED && !now.isBefore(link.expiresAt)) {
            link.status = LinkStatus.EXPIRED;
        }
        if (!link.status.canBecome(LinkStatus.PAID)) {
            // the expiry above is kept (this transaction commits), but the payment is refused
            em.flush();
            throw ProblemException.conflict("link-not-payable", "payment link for installment " + link.installmentSeq
                    + " of order " + link.orderId + " is " + link.status);
        }
        link.status = LinkStatus.PAID;
        Payment p = new Payment();
        p.id = UUID.randomUUID().toString();
        p.linkId = link.id;
        p.orderId = link.orderId;
        p.amount = link.amount;
        p.currency = link.currency;
        p.channel = channel;
        p.channelReference = channelReference == null ? "sim-" + p.id : channelReference;
        p.receivedAt = now;
        em.persist(p);
        outbox.append(PAYMENT_RECEIVED, p.orderId, new PaymentReceived(p.id, p.orderId, link.id, link.installmentSeq,
                link.amountDue(), channel.name(), now));
        return p;
    }

    private String token() {
        byte[] bytes = new byte[Math.max(16, rules.linkTokenBytes())];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
