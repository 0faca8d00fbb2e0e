package org.tradeorders.credit.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.tradeorders.credit.advance.domain.AdvancesOwed;
import org.tradeorders.credit.fx.domain.UsdRates;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.inbox.EventConsumer;
import org.tradeorders.platform.inbox.Inbox;
import org.tradeorders.platform.money.Money;

/**
 * Keeps the USD rates payment-service records, to value orders against the USD limit, and what a
 * supplier owes for advance compensation, which reduces its available credit until recovered.
 */
@ApplicationScoped
public class PaymentEventsConsumer implements EventConsumer {
    static final EventType FX_RATE_RECORDED = EventType.of("FxRateRecorded", 1);
    static final EventType ADVANCE_COMPENSATION_PAID = EventType.of("AdvanceCompensationPaid", 1);
    static final EventType ADVANCE_RECOVERED = EventType.of("AdvanceRecovered", 1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FxRateRecorded(String rateId, String base, String quote, BigDecimal rate, String source, Instant validFrom) {
    }

    /** AdvanceCompensationPaid and AdvanceRecovered alike: what the supplier owes after it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AdvanceOwed(String supplierId, Money owed) {
    }

    @Inject
    Inbox inbox;
    @Inject
    UsdRates rates;
    @Inject
    AdvancesOwed advances;

    @Override
    public void subscribe() {
        inbox.subscribe("payment-events", Set.of(FX_RATE_RECORDED, ADVANCE_COMPENSATION_PAID, ADVANCE_RECOVERED), e -> {
            if (e.is(FX_RATE_RECORDED)) {
                FxRateRecorded r = e.dataAs(FxRateRecorded.class);
                rates.recorded(r.rateId(), r.base(), r.quote(), r.rate(), r.source(), r.validFrom());
            } else {
                AdvanceOwed a = e.dataAs(AdvanceOwed.class);
                advances.owes(a.supplierId(), a.owed());
            }
        });
    }
}
