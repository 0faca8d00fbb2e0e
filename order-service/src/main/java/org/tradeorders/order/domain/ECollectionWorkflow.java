package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;

/**
 * The e-Collection order's own steps (shared/domain.md, "e-Collection order"): the payment reminder
 * with its signed link, the buyer's confirmation of the payment details, and remittances associated
 * by the supplier paying the order. Transitions go through the E_COLLECTION table of
 * {@link OrderStateMachine}; each change and its event commit together (outbox).
 */
@ApplicationScoped
public class ECollectionWorkflow implements OrderKindSteps {
    private static final Logger LOG = Logger.getLogger(ECollectionWorkflow.class);
    /** The one installment an e-Collection order has: the remittances. */
    private static final int REMITTANCE = 1;

    @Inject
    OrderRepository orders;
    @Inject
    Production production;
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    PaymentReminderLinks links;
    @Inject
    OrderNotifier notify;

    /** Only a supplier that activated e-collection (its collection information is on file) drafts such orders. */
    @Transactional
    public void requireActivated(String supplierId) {
        ECollectionSupplier s = em.find(ECollectionSupplier.class, supplierId);
        if (s == null || !s.activated) {
            throw new RuleViolation("e-collection-not-activated", "supplier " + supplierId + " has not activated "
                    + "e-collection: give your collection information first (PUT /suppliers/" + supplierId
                    + "/e-collection on payment-service)");
        }
    }

    /**
     * payment-service's CollectionInfoChanged: any version means the supplier has collection
     * information, so e-collection is active (the event's {@code activated} only marks version 1, the
     * activation itself; there is no deactivation). Keeps the newest version (events may be replayed).
     */
    public void collectionInfoChanged(String supplierId, int version, Instant changedAt) {
        ECollectionSupplier s = em.find(ECollectionSupplier.class, supplierId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            s = new ECollectionSupplier();
            s.supplierId = supplierId;
            s.activated = true;
            s.infoVersion = version;
            s.changedAt = changedAt == null ? clock.instant() : changedAt;
            em.persist(s);
        } else if (version > s.infoVersion) {
            s.activated = true;
            s.infoVersion = version;
            s.changedAt = changedAt == null ? clock.instant() : changedAt;
        }
    }

    /** The order's collection account is open: the buyer gets the first payment reminder. */
    public void collectionAccountOpened(String orderId, String accountNumber, Beneficiary beneficiary) {
        Order order = orders.lockIfPresent(orderId);
        if (order == null || order.kind != OrderKind.E_COLLECTION) {
            LOG.warnf("collection account %s for unknown order %s ignored", accountNumber, orderId);
            return;
        }
        boolean first = order.collectionAccount == null;
        order.collectionAccount = accountNumber;
        order.beneficiary = beneficiary;
        order.updatedAt = clock.instant();
        if (first && order.state == OrderState.AWAITING_CONFIRMATION) {
            sendReminder(order);
        }
    }

    @Override
    public OrderKind kind() {
        return OrderKind.E_COLLECTION;
    }

    /** Submitted again after a modification: the account is known, so the reminder goes out at once. */
    @Override
    public void submitted(Order order) {
        if (order.collectionAccount != null) {
            sendReminder(order);
        }
    }

    /** The supplier sends the payment reminder again (a new link; earlier ones work until they expire). */
    @Transactional
    public Order resendReminder(String orderId) {
        Order order = orders.lock(orderId);
        if (order.kind != OrderKind.E_COLLECTION
                || (order.state != OrderState.AWAITING_CONFIRMATION && order.state != OrderState.AWAITING_REMITTANCE)) {
            throw new RuleViolation("no-reminder", "order " + orderId + " (" + order.kind + ") is " + order.state
                    + ": payment reminders go out for e-Collection orders AWAITING_CONFIRMATION or AWAITING_REMITTANCE");
        }
        if (order.collectionAccount == null) {
            throw new RuleViolation("collection-account-pending", "the collection account of order " + orderId
                    + " is being opened; the first reminder goes out as soon as it is");
        }
        sendReminder(order);
        return order;
    }

    private void sendReminder(Order order) {
        order.remindersSent++;
        PaymentReminderLinks.Link link = links.issue(order.id, order.remindersSent);
        notify.paymentReminder(order, link.url(), link.expiresAt());
        outbox.append(PAYMENT_REMINDER_SENT, order.id, PaymentReminderSent.of(order, link.expiresAt()));
    }

    /** The order a payment-reminder link grants, or why the link is refused. */
    @Transactional
    public Order byLink(String token) {
        PaymentReminderLinks.Grant grant = links.verify(token);
        return em.find(Order.class, grant.orderId());
    }

    /** The buyer confirms the order and its payment details through the link (no account needed). */
    @Transactional
    public Order confirmByLink(String token, int version) {
        PaymentReminderLinks.Grant grant = links.verify(token);
        Order order = orders.lock(grant.orderId());
        order.confirm(Party.BUYER, version, clock.instant());
        confirmed(order, Party.BUYER);
        return order;
    }

    /**
     * The buyer confirmed the order and its payment details: AWAITING_REMITTANCE. If remittances
     * already cover it (the buyer remitted first), it is PAID at once.
     */
    @Override
    public void confirmed(Order order, Party by) {
        outbox.append(ORDER_AWAITING_REMITTANCE, order.id, OrderAwaitingRemittance.of(order));
        notify.paymentDetailsConfirmed(order);
        if (order.remittancesCover()) {
            paid(order);
        }
    }

    /** payment-service associated (part of) a remittance with the order: the order records it; covered -> PAID. */
    public void remittanceAssociated(String associationId, String orderId, Money amount) {
        Order order = orders.lockIfPresent(orderId);
        Installment in = order == null || order.kind != OrderKind.E_COLLECTION ? null
                : order.recordPayment(REMITTANCE, amount, clock.instant());
        if (in == null) {
            // Never lost: payment-service holds the money on the supplier's pending balance and in its books.
            LOG.errorf("remittance association %s does not match order %s", associationId, orderId);
            return;
        }
        outbox.append(ORDER_PAYMENT_RECORDED, order.id, OrderPaymentRecorded.of(order, associationId, in, amount));
        if (order.state == OrderState.AWAITING_REMITTANCE && order.remittancesCover()) {
            paid(order);
        }
    }

    /** A cancelled order's association was undone by payment-service: what it shows as remitted goes down. */
    public void associationUndone(String orderId, Money amount) {
        Order order = orders.lockIfPresent(orderId);
        if (order != null && order.kind == OrderKind.E_COLLECTION) {
            order.undoPayment(REMITTANCE, amount, clock.instant());
        }
    }

    /** Covered: the supplier may ship; the shipment deadline starts to run (like a Trade Assurance initial payment). */
    private void paid(Order order) {
        production.start(order, OrderTrigger.REMITTANCE_COVERED);
        outbox.append(ORDER_PAID, order.id, OrderPaid.of(order));
        notify.paid(order);
        production.announceReadyToShip(order);
    }
}
