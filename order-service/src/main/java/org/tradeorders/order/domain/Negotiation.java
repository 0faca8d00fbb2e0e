package org.tradeorders.order.domain;

import static org.tradeorders.order.domain.OrderEvents.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.tradeorders.platform.outbox.Outbox;

/**
 * An order until it is agreed, or cancelled before any payment (shared/domain.md, "who initiates,
 * the other confirms"): draft, revise, submit, request modification, confirm, cancel. The order
 * guards each step; this room locks it, writes the change and its event in one transaction (outbox),
 * and hands what differs by kind to that kind's {@link OrderKindSteps}.
 */
@ApplicationScoped
public class Negotiation {
    /** Reasons an order is cancelled by the system. */
    public static final String UNCONFIRMED_TIMEOUT = "UNCONFIRMED_TIMEOUT";
    public static final String UNPAID_TIMEOUT = "UNPAID_TIMEOUT";

    @Inject
    OrderRepository orders;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    OrderDeadlines deadlines;
    @Inject
    OrderNotifier notify;

    private final Map<OrderKind, OrderKindSteps> steps = new EnumMap<>(OrderKind.class);

    @Inject
    void kindSteps(Instance<OrderKindSteps> all) {
        all.forEach(s -> steps.put(s.kind(), s));
    }

    @Transactional
    public Order draft(Order order) {
        order.id = UUID.randomUUID().toString();
        order.state = OrderState.DRAFT;
        order.createdAt = clock.instant();
        order.updatedAt = order.createdAt;
        order.price();
        orders.persist(order);
        outbox.append(ORDER_DRAFTED, order.id, OrderDrafted.of(order));
        return order;
    }

    /** The initiator sends the order to the counterparty; a buyer's draft gives the supplier a time to confirm. */
    @Transactional
    public Order submit(String orderId, Party by) {
        Order order = orders.lock(orderId);
        order.submit(by, clock.instant());
        if (order.initiator == Party.BUYER) {
            deadlines.awaitSupplierConfirmation(order);
        }
        outbox.append(ORDER_SUBMITTED, order.id, OrderSubmitted.of(order, by));
        steps.get(order.kind).submitted(order);
        return order;
    }

    /** The counterparty accepts the version of the terms it read. */
    @Transactional
    public Order confirm(String orderId, Party by, int version) {
        Order order = orders.lock(orderId);
        order.confirm(by, version, clock.instant());
        steps.get(order.kind).confirmed(order, by);
        return order;
    }

    /** The counterparty sends the order back to DRAFT with a note of what to change. */
    @Transactional
    public Order requestModification(String orderId, Party by, String note) {
        Order order = orders.lock(orderId);
        order.requestModification(by, note, clock.instant());
        deadlines.confirmationAnswered(order);
        outbox.append(ORDER_MODIFICATION_REQUESTED, order.id, OrderModificationRequested.of(order, by));
        notify.modificationRequested(order, by);
        return order;
    }

    /**
     * The supplier changes the terms before confirmation (never the parties or the buyer's e-mail,
     * checked by the caller): a new version. On a buyer-initiated order this is how the supplier completes it.
     */
    @Transactional
    public Order revise(String orderId, Consumer<Order> newTerms) {
        Order order = orders.lock(orderId);
        order.requireTermsOpenToSupplier();
        newTerms.accept(order);
        order.supplierCompletedTerms = true;
        return newVersion(order, Party.SUPPLIER);
    }

    /** The buyer edits the draft it initiated; what the supplier completed (shipping, payment terms) stays. */
    @Transactional
    public Order reviseByBuyer(String orderId, Consumer<Order> newTerms) {
        Order order = orders.lock(orderId);
        order.requireBuyersDraft();
        newTerms.accept(order);
        return newVersion(order, Party.BUYER);
    }

    private Order newVersion(Order order, Party by) {
        order.newVersion(clock.instant());
        outbox.append(ORDER_REVISED, order.id, OrderRevised.of(order, by));
        return order;
    }

    /** Either party cancels before any payment arrived. */
    @Transactional
    public Order cancel(String orderId, Party by, String reason) {
        Order order = orders.lock(orderId);
        OrderState previous = order.cancelByParty(clock.instant());
        cancelled(order, previous, by.name(), reason == null || reason.isBlank() ? "CANCELLED_BY_" + by : reason);
        return order;
    }

    /** The supplier did not confirm a buyer-initiated order in time: it is cancelled. */
    public void confirmationTimedOut(String orderId) {
        Order order = orders.lockIfPresent(orderId);
        if (order != null && order.initiator == Party.BUYER && order.canApply(OrderTrigger.CONFIRMATION_TIMEOUT)) {
            OrderState previous = order.cancel(OrderTrigger.CONFIRMATION_TIMEOUT, clock.instant());
            cancelled(order, previous, "SYSTEM", UNCONFIRMED_TIMEOUT);
        }
    }

    /** The initial payment did not arrive in time: the order is cancelled and its credit released. */
    public void paymentTimedOut(String orderId) {
        Order order = orders.lockIfPresent(orderId);
        if (order != null && order.canApply(OrderTrigger.PAYMENT_TIMEOUT) && !order.plan().initialPaymentCovered()) {
            OrderState previous = order.cancel(OrderTrigger.PAYMENT_TIMEOUT, clock.instant());
            cancelled(order, previous, "SYSTEM", UNPAID_TIMEOUT);
        }
    }

    /**
     * Everything paid for an order in production was refunded (a refund case the supplier accepted or
     * the platform decided): the order is cancelled, and its credit released. The caller holds the order's lock.
     */
    public void refundedBeforeShipment(Order order) {
        OrderState previous = order.cancel(OrderTrigger.REFUND_BEFORE_SHIPMENT, clock.instant());
        cancelled(order, previous, "SYSTEM", OrderTrigger.REFUND_BEFORE_SHIPMENT.name());
    }

    private void cancelled(Order order, OrderState previous, String by, String reason) {
        deadlines.cancelled(order);
        outbox.append(ORDER_CANCELLED, order.id, OrderCancelled.of(order, previous, by, reason));
        notify.cancelled(order, by, reason);
    }
}
