package org.tradeorders.order.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tradeorders.order.domain.ECollectionWorkflow;
import org.tradeorders.order.domain.OrderWorkflow;
import org.tradeorders.order.timeline.domain.Timeline;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.inbox.Inbox;

/**
 * Reacts to credit, payment and fulfillment events, and records every event about an order on its
 * timeline; each is applied once (inbox), together with its effect.
 */
@Startup
@ApplicationScoped
public class OrderEventConsumers {
    @Inject
    Inbox inbox;
    @Inject
    OrderWorkflow workflow;
    @Inject
    Timeline timeline;
    @Inject
    ECollectionWorkflow eCollection;

    /** Subscribed at startup, so an operator's redrive finds the handlers before any event arrived. */
    @PostConstruct
    void subscribe() {
        for (String topic : List.of("credit-limit-events", "payment-events", "fulfillment-events", "review-events")) {
            inbox.subscribe(topic, this::dispatch);
        }
    }

    @Incoming("credit-limit-events")
    @Blocking
    public void onCreditEvent(ConsumerRecord<String, String> record) {
        inbox.consume(record);
    }

    @Incoming("payment-events")
    @Blocking
    public void onPaymentEvent(ConsumerRecord<String, String> record) {
        inbox.consume(record);
    }

    @Incoming("fulfillment-events")
    @Blocking
    public void onFulfillmentEvent(ConsumerRecord<String, String> record) {
        inbox.consume(record);
    }

    @Incoming("review-events")
    @Blocking
    public void onReviewEvent(ConsumerRecord<String, String> record) {
        inbox.consume(record);
    }

    void dispatch(IncomingEvent e) {
        // every other service's event about one of our orders goes on that order's timeline
        if (e.subject() != null) {
            timeline.record(e.subject(), e);
        }
        if (e.is(UpstreamEvents.CREDIT_RESERVED)) {
            workflow.creditReserved(e.subject());
        } else if (e.is(UpstreamEvents.CREDIT_RESERVATION_REJECTED)) {
            workflow.creditRejected(e.dataAs(UpstreamEvents.CreditReservationRejected.class));
        } else if (e.is(UpstreamEvents.PAYMENT_RECEIVED)) {
            workflow.paymentReceived(e.dataAs(UpstreamEvents.PaymentReceived.class));
        } else if (e.is(UpstreamEvents.SHIPMENT_SUBMITTED)) {
            workflow.shipmentSubmitted(e.dataAs(UpstreamEvents.ShipmentSubmitted.class));
        } else if (e.is(UpstreamEvents.COLLECTION_INFO_CHANGED)) {
            eCollection.collectionInfoChanged(e.dataAs(UpstreamEvents.CollectionInfoChanged.class));
        } else if (e.is(UpstreamEvents.COLLECTION_ACCOUNT_OPENED)) {
            eCollection.collectionAccountOpened(e.dataAs(UpstreamEvents.CollectionAccountOpened.class));
        } else if (e.is(UpstreamEvents.REMITTANCE_ASSOCIATED)) {
            eCollection.remittanceAssociated(e.dataAs(UpstreamEvents.RemittanceAssociated.class));
        } else if (e.is(UpstreamEvents.REMITTANCE_ASSOCIATION_UNDONE)) {
            eCollection.associationUndone(e.dataAs(UpstreamEvents.RemittanceAssociated.class));
        }
        // other types on these topics are not order-service's business
    }
}
