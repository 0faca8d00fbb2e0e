package org.tradeorders.fulfillment.rest;

import java.time.Instant;
import java.util.List;
import org.tradeorders.fulfillment.crosscheck.domain.Discrepancy;

/** A cross-check's outcome: agree when no discrepancy was found; each discrepancy with its code, field and reason. */
public record CrossCheckView(String shipmentId, Instant checkedAt, boolean agree, List<Discrepancy> discrepancies) {
    public static CrossCheckView of(String shipmentId, Instant checkedAt, List<Discrepancy> found) {
        return new CrossCheckView(shipmentId, checkedAt, found.isEmpty(), found);
    }
}
