package org.tradeorders.credit.fx.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tradeorders.credit.fx.domain.UsdRates;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.inbox.Inbox;

/** Keeps the USD rates payment-service records, to value orders against the USD limit. */
@Startup
@ApplicationScoped
public class FxRateConsumer {
    static final EventType FX_RATE_RECORDED = EventType.of("FxRateRecorded", 1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FxRateRecorded(String rateId, String base, String quote, BigDecimal rate, String source, Instant validFrom) {
    }

    @Inject
    Inbox inbox;
    @Inject
    UsdRates rates;

    @PostConstruct
    void subscribe() {
        inbox.subscribe("payment-events", Set.of(FX_RATE_RECORDED), e -> {
            FxRateRecorded r = e.dataAs(FxRateRecorded.class);
            rates.recorded(r.rateId(), r.base(), r.quote(), r.rate(), r.source(), r.validFrom());
        });
    }

    @Incoming("payment-events")
    @Blocking
    public void onPaymentEvent(ConsumerRecord<String, String> record) {
        inbox.consume(record);
    }
}
