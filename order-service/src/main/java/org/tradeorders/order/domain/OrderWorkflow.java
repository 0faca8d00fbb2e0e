package org.tradeorders.order.domain;

import static org.tradeorders.order.events.OrderEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.tradeorders.order.events.OrderEvents;
import org.tradeorders.platform.deadline.Deadlines;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.ProblemException;

/**
 * Every change to an order: the transition (by the table in {@link OrderStateMachine}) and the event
 * it causes are written in one transaction, through the outbox.
 */
@ApplicationScoped
public class OrderWorkflow {
    private static final Logger LOG = Logger.getLogger(OrderWorkflow.class);
    public static final String CREDIT_LIMIT_EXCEEDED = "CREDIT_LIMIT_EXCEEDED";
    /** Deadline: the initial payment must arrive in time (rule "unpaid auto-cancel", order.unpaid-cancel-after). */
    public static final String PAYMENT_TIMEOUT = "ORDER_PAYMENT_TIMEOUT";
    public static final String UNPAID_TIMEOUT = "UNPAID_TIMEOUT";
    /** Deadline: the supplier must confirm a buyer-initiated order in time (order.supplier-confirmation-timeout). */
    public static final String CONFIRMATION_TIMEOUT = "ORDER_CONFIRMATION_TIMEOUT";
    public static final String UNCONFIRMED_TIMEOUT = "UNCONFIRMED_TIMEOUT";
    /** Deadlines: the shipment reminder (order.shipment-reminder-before) and the shipment deadline itself. */
    public static final String SHIPMENT_REMINDER = "ORDER_SHIPMENT_REMINDER";
    public static final String SHIPMENT_DUE = "ORDER_SHIPMENT_DUE";
    /** Deadline: the receiving window (order.receiving-window) ends and receipt is confirmed automatically. */
    public static final String RECEIPT_TIMEOUT = "ORDER_RECEIPT_TIMEOUT";
    /** Deadline: remind the buyer before the receiving window ends (order.receiving-window-reminder-before). */
    public static final String RECEIPT_REMINDER = "ORDER_RECEIPT_REMINDER";
    /** Deadline: the next balance due after shipment (an installment due AFTER_SHIPMENT, dueDays after shipping). */
    public static final String BALANCE_DUE = "ORDER_BALANCE_DUE";

    @Inject
    OrderRepository orders;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    Deadlines deadlines;
    @Inject
    OrderRules rules;
    @Inject
    OrderNotifier notify;
    @Inject
    ECollectionWorkflow eCollection;

    @Transactional
    public Order draft(Order order) {
        Instant now = clock.instant();
        order.id = UUID.randomUUID().toString();
        order.state = OrderState.DRAFT;
        order.createdAt = now;
        order.updatedAt = now;
        order.price();
        orders.persist(order);
        outbox.append(ORDER_DRAFTED, order.id, new OrderDrafted(order.id, order.kind.name(), order.supplierId,
                order.buyerId, order.initiator.name(), order.totalMoney(), order.money(order.shippingCost), lines(order),
                terms(order), order.shipmentDeadline, order.shipWithinDays, delivery(order)));
        return order;
    }

    /** The initiator sends the order to the counterparty for confirmation. */
    @Transactional
    public Order submit(String orderId, Party by) {
        Order order = load(orderId);
        if (by != order.initiator) {
            throw ProblemException.conflict("not-initiator", "only the initiator (" + order.initiator + ") submits order " + orderId);
        }
        order.apply(OrderTrigger.SUBMIT, clock.instant());
        order.returnReason = null;
        order.returnAvailableUsd = null;
        if (order.initiator == Party.BUYER) {
            deadlines.schedule(order.id, CONFIRMATION_TIMEOUT, order.updatedAt.plus(rules.supplierConfirmationTimeout()));
        }
        outbox.append(ORDER_SUBMITTED, order.id, new OrderSubmitted(order.id, order.supplierId, order.buyerId, by.name(),
                order.totalMoney(), order.kind.name(), order.buyerContact == null ? null : order.buyerContact.companyName));
        if (order.kind == OrderKind.E_COLLECTION) {
            eCollection.submitted(order);
        } else {
            notify.sentForConfirmation(order);
        }
        return order;
    }

    /**
     * "Who initiates, the other confirms": the counterparty accepts the submitted order, naming the
     * version of the terms it read. A stale version is refused.
     */
    @Transactional
    public Order confirm(String orderId, Party by, int version) {
        Order order = load(orderId);
        requireCounterparty(order, by);
        if (order.kind == OrderKind.E_COLLECTION) {
            return eCollection.confirmPaymentDetails(order, version);
        }
        requireCurrentVersion(order, version);
        if (!order.supplierCompletedTerms) {
            throw ProblemException.conflict("terms-incomplete", "order " + orderId + " was drafted by the buyer: complete "
                    + "shipping cost, delivery time and payment terms (PUT /orders/" + orderId + ") before confirming it");
        }
        order.apply(OrderTrigger.CONFIRM, clock.instant());
        order.modificationNote = null;
        deadlines.cancel(order.id, CONFIRMATION_TIMEOUT);
        outbox.append(ORDER_CONFIRMED, order.id, new OrderConfirmed(order.id, order.supplierId, order.buyerId, by.name(),
                order.totalMoney(), order.termsVersion));
        notify.confirmed(order, by);
        return order;
    }

    /** The counterparty sends the order back to DRAFT with a note of what to change. */
    @Transactional
    public Order requestModification(String orderId, Party by, String note) {
        Order order = load(orderId);
        requireCounterparty(order, by);
        order.apply(OrderTrigger.REQUEST_MODIFICATION, clock.instant());
        order.modificationNote = note;
        deadlines.cancel(order.id, CONFIRMATION_TIMEOUT);
        outbox.append(ORDER_MODIFICATION_REQUESTED, order.id, new OrderModificationRequested(order.id, order.supplierId,
                order.buyerId, by.name(), order.termsVersion, note));
        notify.modificationRequested(order, by);
        return order;
    }

    /**
     * The supplier changes the terms before confirmation (never its own identity or the buyer's
     * e-mail, checked by the caller): a new version that the counterparty confirms by number. On a
     * buyer-initiated order this is how the supplier completes it.
     */
    @Transactional
    public Order revise(String orderId, Consumer<Order> newTerms) {
        Order order = load(orderId);
        if (order.state != OrderState.DRAFT && order.state != OrderState.AWAITING_CONFIRMATION) {
            throw ProblemException.conflict("terms-fixed", "order " + orderId + " is " + order.state
                    + ": its terms can change only before it is confirmed");
        }
        if (order.kind == OrderKind.E_COLLECTION && order.state != OrderState.DRAFT) {
            // the buyer holds a payment reminder for these terms; it asks for changes, which reopens the draft
            throw ProblemException.conflict("terms-fixed", "e-Collection order " + orderId + " is " + order.state
                    + ": its payment reminder is out, so its terms change only after the buyer requests a modification");
        }
        newTerms.accept(order);
        order.supplierCompletedTerms = true;
        return newVersion(order, Party.SUPPLIER);
    }

    /**
     * The buyer edits the order it initiated while it is its draft: products, prices, delivery. A new
     * version; what the supplier completed (shipping, delivery time, payment terms) stays.
     */
    @Transactional
    public Order reviseByBuyer(String orderId, Consumer<Order> newTerms) {
        Order order = load(orderId);
        if (order.initiator != Party.BUYER || order.state != OrderState.DRAFT) {
            throw ProblemException.conflict("not-buyer-draft", "order " + orderId + " is " + order.state + " and was "
                    + "initiated by the " + order.initiator + ": a buyer edits only a DRAFT it initiated, otherwise it "
                    + "requests a modification");
        }
        newTerms.accept(order);
        return newVersion(order, Party.BUYER);
    }

    private Order newVersion(Order order, Party by) {
        order.price();
        order.termsVersion++;
        order.updatedAt = clock.instant();
        outbox.append(ORDER_REVISED, order.id, new OrderRevised(order.id, order.supplierId, order.buyerId, by.name(),
                order.termsVersion, order.totalMoney(), order.money(order.shippingCost), lines(order), terms(order),
                order.shipmentDeadline, order.shipWithinDays, delivery(order)));
        return order;
    }

    void scheduleShipmentDeadline(Order order) {
        Instant due = order.shipmentDueAt();
        Instant remind = due.minus(rules.shipmentReminderBefore());
        if (remind.isAfter(clock.instant())) {
            deadlines.schedule(order.id, SHIPMENT_REMINDER, remind);
        } else {
            deadlines.cancel(order.id, SHIPMENT_REMINDER);
        }
        deadlines.schedule(order.id, SHIPMENT_DUE, due);
    }

    /** The supplier proposes to extend the shipment deadline; the total never exceeds order.max-shipment-extension. */
    @Transactional
    public Order proposeShipmentExtension(String orderId, int days) {
        Order order = load(orderId);
        if (!order.state.awaitsShipment()) {
            throw ProblemException.conflict("not-in-production", "order " + orderId + " is " + order.state
                    + ": the shipment deadline runs only while it is IN_PRODUCTION (or PAID, e-Collection)");
        }
        long max = rules.maxShipmentExtension().toDays();
        if (order.shipmentExtensionDays + days > max) {
            throw ProblemException.conflict("extension-limit", "the shipment deadline of order " + orderId
                    + " may be extended by at most " + max + " days in total; " + order.shipmentExtensionDays
                    + " are used, " + days + " more would exceed it");
        }
        order.proposedExtensionDays = days;
        order.updatedAt = clock.instant();
        outbox.append(SHIPMENT_EXTENSION_PROPOSED, order.id, new ShipmentExtensionProposed(order.id, order.supplierId,
                order.buyerId, days, order.shipmentDeadline, order.shipmentDeadline.plusDays(days)));
        return order;
    }

    /** The buyer accepts (the deadline moves) or declines (it stays) the supplier's proposal. */
    @Transactional
    public Order answerShipmentExtension(String orderId, boolean accept) {
        Order order = load(orderId);
        if (order.proposedExtensionDays == null || !order.state.awaitsShipment()) {
            throw ProblemException.conflict("no-proposal", "order " + orderId + " has no shipment extension to answer");
        }
        int days = order.proposedExtensionDays;
        order.proposedExtensionDays = null;
        order.updatedAt = clock.instant();
        if (accept) {
            order.shipmentExtensionDays += days;
            order.shipmentDeadline = order.shipmentDeadline.plusDays(days);
            scheduleShipmentDeadline(order);
            outbox.append(SHIPMENT_DEADLINE_EXTENDED, order.id, new ShipmentDeadlineExtended(order.id, order.supplierId,
                    order.buyerId, days, order.shipmentDeadline, order.shipmentExtensionDays));
        }
        return order;
    }

    /** A reminder before the shipment deadline. */
    public void shipmentDeadlineApproaching(String orderId) {
        Order order = loadForEvent(orderId);
        if (order != null && order.state.awaitsShipment()) {
            outbox.append(SHIPMENT_DEADLINE_APPROACHING, order.id, new ShipmentDeadlineApproaching(order.id,
                    order.supplierId, order.buyerId, order.shipmentDeadline));
            notify.shipmentDeadlineApproaching(order);
        }
    }

    /** The shipment deadline passed without a shipment. */
    public void shipmentOverdue(String orderId) {
        Order order = loadForEvent(orderId);
        if (order != null && order.state.awaitsShipment()) {
            outbox.append(SHIPMENT_OVERDUE, order.id, new ShipmentOverdue(order.id, order.supplierId, order.buyerId,
                    order.shipmentDeadline));
        }
    }

    /** A confirmation names the version of the terms it read; a stale one is refused. */
    static void requireCurrentVersion(Order order, int version) {
        if (version != order.termsVersion) {
            throw ProblemException.conflict("stale-version", "you confirmed version " + version + " of order " + order.id
                    + ", but its terms are now at version " + order.termsVersion + ": read them again");
        }
    }

    private static void requireCounterparty(Order order, Party by) {
        if (by == order.initiator) {
            throw ProblemException.conflict("not-counterparty", "order " + order.id + " was initiated by the "
                    + order.initiator + "; the other party confirms it or asks for changes");
        }
    }

    @Transactional
    public Order confirmReceipt(String orderId) {
        Order order = load(orderId);
        complete(order, OrderTrigger.CONFIRM_RECEIPT, Party.BUYER.name());
        return order;
    }

    /** The receiving window ended without the buyer's confirmation: receipt is confirmed automatically. */
    public void receiptTimedOut(String orderId) {
        Order order = loadForEvent(orderId);
        if (order != null && order.canApply(OrderTrigger.RECEIPT_TIMEOUT)) {
            complete(order, OrderTrigger.RECEIPT_TIMEOUT, "TIMEOUT");
        }
    }

    private void complete(Order order, OrderTrigger trigger, String confirmedBy) {
        order.apply(trigger, clock.instant());
        deadlines.cancel(order.id, RECEIPT_TIMEOUT);
        deadlines.cancel(order.id, RECEIPT_REMINDER);
        outbox.append(ORDER_COMPLETED, order.id, new OrderCompleted(order.id, order.supplierId, order.buyerId,
                order.totalMoney(), order.updatedAt, confirmedBy, order.kind.name()));
    }

    /** Each party may extend the receiving window once, by at most order.receiving-window-max-extension. */
    @Transactional
    public Order extendReceivingWindow(String orderId, Party by, int days) {
        Order order = load(orderId);
        if (order.state != OrderState.SHIPPED) {
            throw ProblemException.conflict("not-shipped", "order " + orderId + " is " + order.state
                    + ": the receiving window runs only while it is SHIPPED");
        }
        long max = rules.receivingWindowMaxExtension().toDays();
        if (days < 1 || days > max) {
            throw ProblemException.invalid("days", "must be between 1 and " + max);
        }
        boolean used = by == Party.BUYER ? order.receiptExtendedByBuyer : order.receiptExtendedBySupplier;
        if (used) {
            throw ProblemException.conflict("already-extended", "the " + by + " has already extended the receiving window of order " + orderId);
        }
        if (by == Party.BUYER) {
            order.receiptExtendedByBuyer = true;
        } else {
            order.receiptExtendedBySupplier = true;
        }
        Instant due = deadlines.pending(order.id).get(RECEIPT_TIMEOUT).plus(Duration.ofDays(days));
        scheduleReceivingWindow(order, due);
        order.updatedAt = clock.instant();
        outbox.append(RECEIVING_WINDOW_EXTENDED, order.id, new ReceivingWindowExtended(order.id, order.supplierId,
                order.buyerId, by.name(), days, due));
        return order;
    }

    /**
     * Either party may cancel before any payment arrived. After a payment the order is cancelled only
     * through a refund the supplier agrees to.
     */
    @Transactional
    public Order cancel(String orderId, Party by, String reason) {
        Order order = load(orderId);
        if (order.anythingPaid()) {
            throw ProblemException.conflict("paid-order", "order " + orderId + " has received a payment: it can only "
                    + "be cancelled through a refund the supplier agrees to");
        }
        cancel(order, OrderTrigger.CANCEL, by.name(), reason == null || reason.isBlank() ? "CANCELLED_BY_" + by : reason);
        return order;
    }

    /** The supplier did not confirm a buyer-initiated order in time: it is cancelled. */
    public void confirmationTimedOut(String orderId) {
        Order order = loadForEvent(orderId);
        if (order != null && order.initiator == Party.BUYER && order.canApply(OrderTrigger.CONFIRMATION_TIMEOUT)) {
            cancel(order, OrderTrigger.CONFIRMATION_TIMEOUT, "SYSTEM", UNCONFIRMED_TIMEOUT);
        }
    }

    /** The initial payment did not arrive in time: the order is cancelled and its credit released. */
    public void paymentTimedOut(String orderId) {
        Order order = loadForEvent(orderId);
        if (order == null || !order.canApply(OrderTrigger.PAYMENT_TIMEOUT) || order.initialPaymentCovered()) {
            return;
        }
        cancel(order, OrderTrigger.PAYMENT_TIMEOUT, "SYSTEM", UNPAID_TIMEOUT);
    }

    private void cancel(Order order, OrderTrigger trigger, String by, String reason) {
        OrderState previous = order.state;
        order.apply(trigger, clock.instant());
        deadlines.cancelAll(order.id);
        outbox.append(ORDER_CANCELLED, order.id, new OrderCancelled(order.id, order.supplierId, order.buyerId,
                previous.name(), by, reason));
        notify.cancelled(order, by, reason);
    }

    // --- reactions to other services' events (called inside the inbox transaction) ---

    public void creditReserved(String orderId) {
        Order order = loadForEvent(orderId);
        if (order == null || !order.canApply(OrderTrigger.CREDIT_RESERVED)) {
            LOG.warnf("CreditReserved for order %s in state %s ignored", orderId, order == null ? "unknown" : order.state);
            return;
        }
        order.apply(OrderTrigger.CREDIT_RESERVED, clock.instant());
        deadlines.schedule(order.id, PAYMENT_TIMEOUT, order.updatedAt.plus(rules.unpaidCancelAfter()));
        outbox.append(ORDER_AWAITING_PAYMENT, order.id, new OrderAwaitingPayment(order.id, order.supplierId,
                order.buyerId, order.totalMoney(), terms(order)));
    }

    /** credit-limit-service refused the reservation: back to DRAFT with the reason and what is available. */
    public void creditRejected(String orderId, String reason, Money available) {
        Order order = loadForEvent(orderId);
        if (order == null || !order.canApply(OrderTrigger.CREDIT_REJECTED)) {
            LOG.warnf("CreditReservationRejected for order %s ignored", orderId);
            return;
        }
        order.apply(OrderTrigger.CREDIT_REJECTED, clock.instant());
        order.returnReason = reason == null ? CREDIT_LIMIT_EXCEEDED : reason;
        order.returnAvailableUsd = available == null ? null : available.amount();
        outbox.append(ORDER_RETURNED_TO_DRAFT, order.id, new OrderReturnedToDraft(order.id, order.supplierId,
                order.buyerId, order.returnReason, available));
    }

    /** Payments accumulate per installment; covering the initial payment starts production. */
    public void paymentReceived(String paymentId, String orderId, int installmentSeq, Money amount) {
        Order order = loadForEvent(orderId);
        Installment installment = order == null || order.kind != OrderKind.TRADE_ASSURANCE ? null
                : order.installment(installmentSeq);
        if (installment == null || !order.currency.equals(amount.currency())) {
            // Never lost: payment-service keeps the money; it is reconciled there (refund or buyer credit).
            LOG.errorf("payment %s does not match order %s installment %d", paymentId, orderId,
                    installmentSeq);
            return;
        }
        Instant now = clock.instant();
        installment.paid = installment.paid.add(amount.amount());
        order.updatedAt = now;
        outbox.append(ORDER_PAYMENT_RECORDED, order.id, new OrderPaymentRecorded(order.id, order.supplierId,
                order.buyerId, paymentId, installment.seq, amount, order.money(installment.paid),
                order.money(installment.amount)));
        if (order.state == OrderState.AWAITING_PAYMENT && order.initialPaymentCovered()) {
            order.apply(OrderTrigger.INITIAL_PAYMENT_COVERED, now);
            deadlines.cancel(order.id, PAYMENT_TIMEOUT);
            if (order.shipWithinDays != null) {
                order.shipmentDeadline = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(order.shipWithinDays);
            }
            scheduleShipmentDeadline(order);
            outbox.append(ORDER_PRODUCTION_STARTED, order.id, new OrderProductionStarted(order.id, order.supplierId,
                    order.buyerId, order.shipmentDeadline));
        }
        announceReadyToShip(order);
    }

    /** fulfillment-service accepted a shipment; a complete one ships the order. */
    public void shipmentSubmitted(String shipmentId, String orderId, boolean complete) {
        Order order = loadForEvent(orderId);
        if (order == null || !complete || !order.canApply(OrderTrigger.SHIP)) {
            LOG.infof("shipment %s of order %s does not ship the order (complete=%s, state=%s)", shipmentId,
                    orderId, complete, order == null ? "unknown" : order.state);
            return;
        }
        order.apply(OrderTrigger.SHIP, clock.instant());
        order.shippedAt = order.updatedAt;
        deadlines.cancel(order.id, SHIPMENT_REMINDER);
        deadlines.cancel(order.id, SHIPMENT_DUE);
        Instant receiptDue = order.shippedAt.plus(rules.receivingWindow());
        scheduleReceivingWindow(order, receiptDue);
        List<BalanceDue> balances = new ArrayList<>();
        for (Installment in : order.installments) {
            if (in.due == InstallmentDue.AFTER_SHIPMENT) {
                in.dueAt = order.shippedAt.plus(Duration.ofDays(in.dueDays));
                balances.add(new BalanceDue(in.seq, order.money(in.amount), in.dueAt));
            }
        }
        scheduleBalanceDue(order);
        outbox.append(ORDER_SHIPPED, order.id, new OrderShipped(order.id, order.supplierId, order.buyerId,
                shipmentId, receiptDue, balances));
    }

    /** Auto-confirmation at the end of the receiving window, and the buyer's reminder before it. */
    private void scheduleReceivingWindow(Order order, Instant receiptDue) {
        deadlines.schedule(order.id, RECEIPT_TIMEOUT, receiptDue);
        Instant remind = receiptDue.minus(rules.receivingWindowReminderBefore());
        if (remind.isAfter(clock.instant())) {
            deadlines.schedule(order.id, RECEIPT_REMINDER, remind);
        } else {
            deadlines.cancel(order.id, RECEIPT_REMINDER);
        }
    }

    private void scheduleBalanceDue(Order order) {
        order.nextBalanceDue().ifPresentOrElse(at -> deadlines.schedule(order.id, BALANCE_DUE, at),
                () -> deadlines.cancel(order.id, BALANCE_DUE));
    }

    /** The buyer is reminded to confirm receipt (or extend, or claim) before it happens automatically. */
    public void receivingWindowClosing(String orderId) {
        Order order = loadForEvent(orderId);
        Instant due = order == null ? null : deadlines.pending(order.id).get(RECEIPT_TIMEOUT);
        if (order != null && order.state == OrderState.SHIPPED && due != null) {
            outbox.append(RECEIVING_WINDOW_CLOSING, order.id, new ReceivingWindowClosing(order.id, order.supplierId,
                    order.buyerId, due));
            notify.receivingWindowClosing(order, due);
        }
    }

    /**
     * A balance due after shipment fell due: each one still unpaid is announced once (event and
     * e-mails to both parties); the timer moves on to the next balance. The order is not blocked by it:
     * collecting it is between the parties, or a claim.
     */
    public void balanceFellDue(String orderId) {
        Order order = loadForEvent(orderId);
        if (order == null) {
            return;
        }
        Instant now = clock.instant();
        for (Installment in : order.overdueBalances(now)) {
            in.overdueAnnounced = true;
            outbox.append(INSTALLMENT_OVERDUE, order.id, new InstallmentOverdue(order.id, order.supplierId, order.buyerId,
                    in.seq, in.name, order.money(in.amount), order.money(in.paid), in.dueAt));
            notify.balanceOverdue(order, in);
        }
        order.updatedAt = now;
        scheduleBalanceDue(order);
    }

    /** Fulfillment may ship once production started (e-Collection: paid) and the balance due before shipment is paid. */
    void announceReadyToShip(Order order) {
        if (order.state.awaitsShipment() && !order.readyToShipAnnounced && order.paidForShipment()) {
            order.readyToShipAnnounced = true;
            outbox.append(ORDER_READY_TO_SHIP, order.id, new OrderReadyToShip(order.id, order.supplierId,
                    order.buyerId, lines(order), order.shipmentDeadline, delivery(order)));
        }
    }

    Order load(String orderId) {
        return orders.findForUpdate(orderId).orElseThrow(() -> ProblemException.notFound("order", orderId));
    }

    Order loadForEvent(String orderId) {
        return orderId == null ? null : orders.findForUpdate(orderId).orElse(null);
    }

    static List<OrderEvents.Line> lines(Order o) {
        return o.lines.stream().map(l -> new OrderEvents.Line(l.productName, l.model, l.specification, l.color,
                l.packaging, new Money(l.unitPrice, o.currency), l.quantity)).toList();
    }

    static List<OrderEvents.InstallmentTerm> terms(Order o) {
        return o.installments.stream().map(i -> new OrderEvents.InstallmentTerm(i.seq, i.name, i.percent,
                i.due.name(), i.dueDays, o.money(i.amount))).toList();
    }

    public static Delivery delivery(Order o) {
        BuyerContact c = o.buyerContact;
        DeliveryAddress a = o.deliveryAddress;
        return new Delivery(c == null ? null : new Contact(c.companyName, c.contactName, c.phone),
                a == null ? null : new Address(a.street, a.city, a.zipCode, a.country),
                o.incoterm == null ? null : o.incoterm.name(),
                o.transportMethod == null ? null : o.transportMethod.name());
    }
}
