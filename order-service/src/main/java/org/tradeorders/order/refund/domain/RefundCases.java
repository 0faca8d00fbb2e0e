package org.tradeorders.order.refund.domain;

import static org.tradeorders.order.refund.domain.RefundEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tradeorders.order.domain.Negotiation;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderRepository;
import org.tradeorders.order.domain.OrderDeadlines;
import org.tradeorders.order.domain.OrderState;
import org.tradeorders.order.domain.Party;
import org.tradeorders.order.domain.ReceiptHold;
import org.tradeorders.platform.deadline.Deadlines;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.paging.Page;
import org.tradeorders.platform.paging.PageRequest;
import org.tradeorders.platform.problem.ProblemException;

/**
 * Refund cases, from the buyer's request to an agreed or decided amount (shared/domain.md, "Refunds
 * and disputes"). The case guards each move; this room locks, writes the change and its event in one
 * transaction (outbox), sets the auto-escalation timer and tells whoever acts next; payment-service
 * pays what is agreed or decided, and its RefundPaid closes the case. Lock order: the
 * order's row, then the case's, so opening (one open case per order) and moving a case never deadlock.
 */
@ApplicationScoped
public class RefundCases implements ReceiptHold {
    /** Deadline: a Trade Assurance case not agreed by auto-escalate-after escalates by itself. */
    public static final String AUTO_ESCALATION = "REFUND_AUTO_ESCALATION";

    @Inject
    OrderRepository orders;
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    RefundRules rules;
    @Inject
    Deadlines deadlines;
    @Inject
    RefundNotifier notify;
    @Inject
    Negotiation negotiation;

    @Transactional
    public RefundCase open(String orderId, Party by, RefundReason reason, Money amount, String description) {
        Order order = orders.lock(orderId);
        List<RefundCase> earlier = casesOf(orderId);
        if (earlier.stream().anyMatch(RefundCase::isOpen)) {
            throw new RuleViolation("case-open", "order " + orderId + " has an open refund case: revise or withdraw it");
        }
        BigDecimal alreadyRefunded = earlier.stream().filter(c -> c.toPay != null)
                .map(c -> c.toPay).reduce(BigDecimal.ZERO, BigDecimal::add);
        RefundCase c = RefundCase.open(order, by, reason, amount, description, new RefundCoverage(rules, alreadyRefunded),
                rules, clock.instant());
        em.persist(c);
        if (c.autoEscalateAt != null) {
            deadlines.schedule(c.id, AUTO_ESCALATION, c.autoEscalateAt);
        }
        outbox.append(REFUND_REQUESTED, c.orderId, RefundRequested.of(c));
        notify.requested(c, order);
        return c;
    }

    @Transactional
    public RefundCase accept(String caseId, Party by) {
        RefundCase c = lock(caseId);
        c.accept(by, clock.instant());
        outbox.append(REFUND_RESPONDED, c.orderId, RefundResponded.of(c, "ACCEPTED", c.money(c.toPay)));
        agreed(c);
        return c;
    }

    @Transactional
    public RefundCase reject(String caseId, Party by, String note) {
        RefundCase c = lock(caseId);
        c.reject(by, note, clock.instant());
        outbox.append(REFUND_RESPONDED, c.orderId, RefundResponded.of(c, "REJECTED", null));
        notify.responded(c, order(c));
        return c;
    }

    @Transactional
    public RefundCase counterOffer(String caseId, Party by, Money amount, String note) {
        RefundCase c = lock(caseId);
        c.counterOffer(by, amount, note, clock.instant());
        outbox.append(REFUND_RESPONDED, c.orderId, RefundResponded.of(c, "COUNTER_OFFERED", c.money(c.counterOffer)));
        notify.responded(c, order(c));
        return c;
    }

    @Transactional
    public RefundCase acceptCounterOffer(String caseId, Party by) {
        RefundCase c = lock(caseId);
        c.acceptCounterOffer(by, clock.instant());
        agreed(c);
        return c;
    }

    @Transactional
    public RefundCase revise(String caseId, Party by, Money amount, String description) {
        RefundCase c = lock(caseId);
        c.revise(by, amount, description, rules, clock.instant());
        outbox.append(REFUND_REVISED, c.orderId, RefundRevised.of(c));
        notify.requested(c, order(c));
        return c;
    }

    @Transactional
    public RefundCase withdraw(String caseId, Party by) {
        RefundCase c = lock(caseId);
        c.withdraw(by, clock.instant());
        resolved(c);
        deadlines.cancelAll(c.id);
        outbox.append(REFUND_WITHDRAWN, c.orderId, RefundWithdrawn.of(c));
        return c;
    }

    @Transactional
    public RefundCase escalate(String caseId, Party by) {
        RefundCase c = lock(caseId);
        c.escalate(by, rules, clock.instant());
        escalated(c, Party.BUYER.name());
        return c;
    }

    /** The auto-escalation timer fired (inside its transaction): escalates a case still not agreed. */
    public void autoEscalationDue(String caseId) {
        RefundCase c = lockIfPresent(caseId);
        if (c != null && c.autoEscalate(rules, clock.instant())) {
            escalated(c, "TIMEOUT");
        }
    }

    /** An operator decides an escalated case, finally (two operators at once: the second finds it decided). */
    @Transactional
    public RefundCase decide(String caseId, String operator, Money amount, String note) {
        RefundCase c = lock(caseId);
        c.decide(operator, amount, note, clock.instant());
        if (c.toPay != null) {
            c.toBePaidBy(payBy());
        }
        resolved(c);
        outbox.append(REFUND_DECIDED, c.orderId, RefundDecided.of(c, amount, rules));
        if (c.toPay != null) {
            notify.settled(c, order(c));
        }
        return c;
    }

    /**
     * payment-service paid the case's refund (in the consumer's transaction). A full refund before
     * shipment cancels the order (REFUND_BEFORE_SHIPMENT), which releases its credit.
     */
    public void paid(String caseId, Money amount, Instant paidAt) {
        RefundCase c = lockIfPresent(caseId);
        if (c == null || !c.paid(paidAt, clock.instant())) {
            return;
        }
        Order order = order(c);
        if (order.refund(amount, clock.instant())) {
            negotiation.refundedBeforeShipment(order);
        }
        notify.paid(c, order);
    }

    /** When an amount agreed or decided now is paid by: the end of the refund-payment-within-th business day. */
    private Instant payBy() {
        return new BusinessDays(rules.holidays().orElse(Set.of()))
                .endOfBusinessDaysAfter(clock.instant(), rules.refundPaymentWithinBusinessDays());
    }

    public Optional<RefundCase> find(String caseId) {
        return Optional.ofNullable(em.find(RefundCase.class, caseId));
    }

    /** The operators' queue: escalated cases, oldest escalation first. */
    public Page<RefundCase> escalated(PageRequest page) {
        long total = em.createQuery("select count(c) from RefundCase c where c.state = ?1", Long.class)
                .setParameter(1, RefundState.ESCALATED).getSingleResult();
        return page.of(em.createQuery("from RefundCase where state = ?1 order by escalatedAt, id", RefundCase.class)
                .setParameter(1, RefundState.ESCALATED), total);
    }

    /** An order's cases, newest first (a handful at most: one open at a time). */
    public List<RefundCase> casesOf(String orderId) {
        return em.createQuery("from RefundCase where orderId = ?1 order by openedAt desc, id", RefundCase.class)
                .setParameter(1, orderId).getResultList();
    }

    /** Whether an open "not received" case holds the order's automatic receipt confirmation. */
    @Override
    public boolean holds(String orderId) {
        return casesOf(orderId).stream().anyMatch(RefundCase::holdsReceipt);
    }

    /**
     * A "not received" case was resolved: if the receiving window ended meanwhile, the order's receipt
     * timer is set to now, and fires as it would have (the order's row is locked: no race with it).
     */
    private void resolved(RefundCase c) {
        Order order = order(c);
        Instant windowEnd = order.receiving.dueAt;
        if (c.reason == RefundReason.NOT_RECEIVED && order.state == OrderState.SHIPPED && windowEnd != null
                && !windowEnd.isAfter(clock.instant()) && !holds(c.orderId)) {
            deadlines.schedule(c.orderId, OrderDeadlines.RECEIPT_TIMEOUT, clock.instant());
        }
    }

    private void agreed(RefundCase c) {
        c.toBePaidBy(payBy());
        resolved(c);
        deadlines.cancelAll(c.id);
        outbox.append(REFUND_AGREED, c.orderId, RefundAgreed.of(c, rules));
        notify.settled(c, order(c));
    }

    private void escalated(RefundCase c, String by) {
        deadlines.cancelAll(c.id);
        outbox.append(REFUND_ESCALATED, c.orderId, RefundEscalated.of(c, by));
        notify.escalated(c, order(c));
    }

    /** The case, locked after its order's row (the lock order of every change); 404 if there is none. */
    RefundCase lockCase(String caseId) {
        return lock(caseId);
    }

    private RefundCase lock(String caseId) {
        RefundCase c = lockIfPresent(caseId);
        if (c == null) {
            throw ProblemException.notFound("refund case", caseId);
        }
        return c;
    }

    private RefundCase lockIfPresent(String caseId) {
        List<String> order = em.createQuery("select c.orderId from RefundCase c where c.id = ?1", String.class)
                .setParameter(1, caseId).getResultList();
        if (order.isEmpty()) {
            return null;
        }
        orders.lock(order.get(0));
        return em.find(RefundCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
    }

    private Order order(RefundCase c) {
        return orders.lock(c.orderId);
    }
}
