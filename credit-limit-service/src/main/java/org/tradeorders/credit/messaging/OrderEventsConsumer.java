package org.tradeorders.credit.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.tradeorders.credit.domain.CreditWorkflow;
import org.tradeorders.credit.growth.domain.LimitGrowth;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.inbox.EventConsumer;
import org.tradeorders.platform.inbox.Inbox;
import org.tradeorders.platform.money.Money;

/**
 * Confirmed orders reserve credit; completed or cancelled ones release it. e-Collection orders never
 * reserve (they publish no OrderConfirmed); when completed, their value counts as trade volume. A
 * Trade Assurance refund case the supplier lost costs it penalty points.
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {
    static final EventType ORDER_CONFIRMED = EventType.of("OrderConfirmed", 1);
    static final EventType ORDER_COMPLETED = EventType.of("OrderCompleted", 1);
    static final EventType ORDER_CANCELLED = EventType.of("OrderCancelled", 1);
    static final EventType REFUND_AGREED = EventType.of("RefundAgreed", 1);
    static final EventType REFUND_DECIDED = EventType.of("RefundDecided", 1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderValue(String orderId, String supplierId, Money total) {
    }

    /** kind: added to v1; absent means TRADE_ASSURANCE. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderCompleted(String orderId, String supplierId, Money total, Instant completedAt, String kind) {
    }

    /** kind: absent on RefundDecided, which only a Trade Assurance case reaches. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefundSettled(String caseId, String supplierId, String kind, boolean supplierLost) {
    }

    @Inject
    Inbox inbox;
    @Inject
    CreditWorkflow credit;
    @Inject
    LimitGrowth growth;

    @Override
    public void subscribe() {
        inbox.subscribe("order-events", Set.of(ORDER_CONFIRMED, ORDER_COMPLETED, ORDER_CANCELLED, REFUND_AGREED,
                REFUND_DECIDED), this::dispatch);
    }

    void dispatch(IncomingEvent e) {
        if (e.is(ORDER_CONFIRMED)) {
            OrderValue o = e.dataAs(OrderValue.class);
            credit.reserve(o.orderId(), o.supplierId(), o.total());
        } else if (e.is(ORDER_COMPLETED)) {
            OrderCompleted o = e.dataAs(OrderCompleted.class);
            if ("E_COLLECTION".equals(o.kind())) {
                credit.eCollectionCompleted(o.orderId(), o.supplierId(), o.total(), o.completedAt());
            } else {
                credit.complete(e.subject());
            }
        } else if (e.is(ORDER_CANCELLED)) {
            credit.release(e.subject());
        } else if (e.is(REFUND_AGREED) || e.is(REFUND_DECIDED)) {
            // a protected order's lost case costs points; an e-Collection one is between trusting parties
            RefundSettled r = e.dataAs(RefundSettled.class);
            if (r.supplierLost() && !"E_COLLECTION".equals(r.kind())) {
                growth.refundCaseLost(r.supplierId(), r.caseId());
            }
        }
    }
}
