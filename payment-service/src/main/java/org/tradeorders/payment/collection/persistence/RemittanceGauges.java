package org.tradeorders.payment.collection.persistence;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.tradeorders.platform.metrics.DatabaseGauges;

/** Remittances no order has claimed in full yet, and how long the oldest has waited: money a supplier must associate. */
@ApplicationScoped
public class RemittanceGauges {
    @Inject
    DatabaseGauges gauges;

    void onStart(@Observes StartupEvent start) {
        gauges.register("tradeorders.remittances.unassociated", "remittances not yet associated with orders in full",
                "select count(*) from remittance where associated < amount");
        gauges.register("tradeorders.remittances.unassociated.oldest.age.seconds",
                "how long the oldest remittance not associated in full has waited",
                "select extract(epoch from cast(? as timestamptz) - min(received_at)) from remittance where associated < amount");
    }
}
