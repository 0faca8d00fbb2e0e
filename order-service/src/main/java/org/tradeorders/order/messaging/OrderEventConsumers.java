package org.tradeorders.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.tradeorders.order.domain.AfterSales;
import org.tradeorders.order.domain.Beneficiary;
import org.tradeorders.order.domain.ECollectionWorkflow;
import org.tradeorders.order.domain.Payments;
import org.tradeorders.order.domain.Shipping;
import org.tradeorders.order.refund.domain.RefundCases;
import org.tradeorders.order.timeline.domain.Timeline;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.inbox.EventConsumer;
import org.tradeorders.platform.inbox.Inbox;

/**
 * Reacts to credit, payment and fulfillment events, and records every event about an order on its
 * timeline; each is applied once (inbox), together with its effect.
 */
@ApplicationScoped
public class OrderEventConsumers implements EventConsumer {
    @Inject
    Inbox inbox;
    @Inject
    Payments payments;
    @Inject
    Shipping shipping;
    @Inject
    Timeline timeline;
    @Inject
    ECollectionWorkflow eCollection;
    @Inject
    RefundCases refundCases;
    @Inject
    AfterSales afterSales;

    /** Subscribed at startup, so an operator's redrive finds the handlers before any event arrived. */
    @Override
    public void subscribe() {
        for (String topic : List.of("credit-limit-events", "payment-events", "fulfillment-events", "review-events")) {
            inbox.subscribe(topic, this::dispatch);
        }
    }

    void dispatch(IncomingEvent e) {
        // every other service's event about one of our orders goes on that order's timeline
        if (e.subject() != null) {
            timeline.record(e.subject(), e);
        }
        if (e.is(UpstreamEvents.CREDIT_RESERVED)) {
            payments.creditReserved(e.subject());
        } else if (e.is(UpstreamEvents.CREDIT_RESERVATION_REJECTED)) {
            UpstreamEvents.CreditReservationRejected r = e.dataAs(UpstreamEvents.CreditReservationRejected.class);
            payments.creditRejected(r.orderId(), r.reason(), r.available());
        } else if (e.is(UpstreamEvents.PAYMENT_RECEIVED)) {
            UpstreamEvents.PaymentReceived p = e.dataAs(UpstreamEvents.PaymentReceived.class);
            payments.paymentReceived(p.paymentId(), p.orderId(), p.installmentSeq(), p.amount());
        } else if (e.is(UpstreamEvents.REFUND_PAID)) {
            UpstreamEvents.RefundPaid r = e.dataAs(UpstreamEvents.RefundPaid.class);
            refundCases.paid(r.caseId(), r.amount(), r.paidAt());
        } else if (e.is(UpstreamEvents.SHIPMENT_SUBMITTED)) {
            UpstreamEvents.ShipmentSubmitted s = e.dataAs(UpstreamEvents.ShipmentSubmitted.class);
            shipping.shipmentSubmitted(s.shipmentId(), s.orderId(), s.complete());
        } else if (e.is(UpstreamEvents.COLLECTION_INFO_CHANGED)) {
            UpstreamEvents.CollectionInfoChanged c = e.dataAs(UpstreamEvents.CollectionInfoChanged.class);
            eCollection.collectionInfoChanged(c.supplierId(), c.version(), c.changedAt());
        } else if (e.is(UpstreamEvents.COLLECTION_ACCOUNT_OPENED)) {
            UpstreamEvents.CollectionAccountOpened a = e.dataAs(UpstreamEvents.CollectionAccountOpened.class);
            eCollection.collectionAccountOpened(a.orderId(), a.accountNumber(), beneficiaryOf(a.beneficiary()));
        } else if (e.is(UpstreamEvents.REMITTANCE_ASSOCIATED)) {
            UpstreamEvents.RemittanceAssociated r = e.dataAs(UpstreamEvents.RemittanceAssociated.class);
            eCollection.remittanceAssociated(r.associationId(), r.orderId(), r.amount());
        } else if (e.is(UpstreamEvents.REMITTANCE_ASSOCIATION_UNDONE)) {
            UpstreamEvents.RemittanceAssociated r = e.dataAs(UpstreamEvents.RemittanceAssociated.class);
            eCollection.associationUndone(r.orderId(), r.amount());
        } else if (e.is(UpstreamEvents.GOODS_DELIVERED)) {
            UpstreamEvents.GoodsDelivered d = e.dataAs(UpstreamEvents.GoodsDelivered.class);
            afterSales.goodsDelivered(d.orderId(), d.shipmentId(), d.deliveredAt(), d.location(), d.allShipmentsDelivered());
        } else if (e.is(UpstreamEvents.REVIEW_INVITED)) {
            UpstreamEvents.ReviewInvited r = e.dataAs(UpstreamEvents.ReviewInvited.class);
            afterSales.reviewInvited(r.orderId(), r.closesAt());
        }
        // other types on these topics are not order-service's business
    }

    /** The account's beneficiary as the order keeps it (its fields empty if the event names none). */
    static Beneficiary beneficiaryOf(UpstreamEvents.Beneficiary from) {
        Beneficiary b = new Beneficiary();
        b.bankName = from == null ? null : from.bankName();
        b.accountHolder = from == null ? null : from.accountHolder();
        b.swiftBic = from == null ? null : from.swiftBic();
        return b;
    }
}
