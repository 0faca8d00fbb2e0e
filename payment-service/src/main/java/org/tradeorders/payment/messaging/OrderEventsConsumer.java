package org.tradeorders.payment.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradeorders.payment.collection.domain.CollectionAccounts;
import org.tradeorders.payment.collection.domain.Remittances;
import org.tradeorders.payment.domain.PaymentWorkflow;
import org.tradeorders.payment.ledger.domain.OrderMoney;
import org.tradeorders.payment.refund.domain.Refunds;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.inbox.EventConsumer;
import org.tradeorders.platform.inbox.Inbox;
import org.tradeorders.platform.money.Money;

/**
 * An order awaiting payment gets one payment link per installment; a shipped order's funds are
 * settled. An e-Collection order gets its collection account when submitted; its funds are released
 * when it is PAID. A refund agreed or decided on a refund case is paid.
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {
    static final EventType ORDER_AWAITING_PAYMENT = EventType.of("OrderAwaitingPayment", 1);
    static final EventType ORDER_CANCELLED = EventType.of("OrderCancelled", 1);
    static final EventType ORDER_SHIPPED = EventType.of("OrderShipped", 1);
    static final EventType ORDER_SUBMITTED = EventType.of("OrderSubmitted", 1);
    static final EventType ORDER_AWAITING_REMITTANCE = EventType.of("OrderAwaitingRemittance", 1);
    static final EventType ORDER_PAID = EventType.of("OrderPaid", 1);
    static final EventType REFUND_AGREED = EventType.of("RefundAgreed", 1);
    static final EventType REFUND_DECIDED = EventType.of("RefundDecided", 1);

    /** kind and buyerName were added to v1: older events are Trade Assurance orders. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderSubmitted(String orderId, String supplierId, String buyerId, Money total, String kind,
            String buyerName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Installment(int seq, String name, Money amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderAwaitingPayment(String orderId, String supplierId, String buyerId, Money total,
            List<Installment> installments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderShipped(String orderId, String supplierId) {
    }

    /** A refund case's amount to pay (RefundAgreed, or RefundDecided: zero when the operator refunds nothing). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RefundSettled(String caseId, String orderId, Money amount, Instant payBy) {
    }

    @Inject
    Inbox inbox;
    @Inject
    Refunds refunds;
    @Inject
    PaymentWorkflow payments;
    @Inject
    OrderMoney orderMoney;
    @Inject
    CollectionAccounts collectionAccounts;
    @Inject
    Remittances remittances;

    @Override
    public void subscribe() {
        inbox.subscribe("order-events", Set.of(ORDER_AWAITING_PAYMENT, ORDER_CANCELLED, ORDER_SHIPPED,
                ORDER_SUBMITTED, ORDER_AWAITING_REMITTANCE, ORDER_PAID, REFUND_AGREED, REFUND_DECIDED),
                Map.of(ORDER_SUBMITTED, OrderEventsConsumer::ofECollection), this::dispatch);
    }

    /** Only an e-Collection order's submission concerns payments (its collection account opens). */
    static boolean ofECollection(IncomingEvent e) {
        return "E_COLLECTION".equals(e.dataAs(OrderSubmitted.class).kind());
    }

    void dispatch(IncomingEvent e) {
        if (e.is(ORDER_AWAITING_PAYMENT)) {
            OrderAwaitingPayment o = e.dataAs(OrderAwaitingPayment.class);
            payments.issueLinks(o.orderId(), o.supplierId(), o.buyerId(), o.total(), o.installments().stream()
                    .map(i -> new PaymentWorkflow.Installment(i.seq(), i.name(), i.amount())).toList());
        } else if (e.is(ORDER_SUBMITTED)) { // an e-Collection order's only: the subscription tests it
            OrderSubmitted o = e.dataAs(OrderSubmitted.class);
            collectionAccounts.submitted(o.orderId(), o.supplierId(), o.buyerId(), o.buyerName(), o.total());
        } else if (e.is(ORDER_AWAITING_REMITTANCE)) {
            collectionAccounts.buyerConfirmed(e.subject());
        } else if (e.is(ORDER_PAID)) {
            collectionAccounts.orderPaid(e.subject());
        } else if (e.is(ORDER_CANCELLED)) {
            payments.cancelLinks(e.subject(), "ORDER_CANCELLED");
            remittances.orderCancelled(e.subject());
        } else if (e.is(ORDER_SHIPPED)) {
            orderMoney.shipped(e.dataAs(OrderShipped.class).orderId());
        } else if (e.is(REFUND_AGREED) || e.is(REFUND_DECIDED)) {
            RefundSettled r = e.dataAs(RefundSettled.class);
            if (r.amount() != null && r.amount().isPositive()) {
                refunds.owed(r.caseId(), r.orderId(), r.amount(), r.payBy());
            }
        }
    }
}
