package org.tradeorders.order.rest;

import java.time.Instant;
import org.tradeorders.order.domain.Order;
import org.tradeorders.platform.money.Money;

/** One line of a party's order list. */
public record OrderSummary(String id, String kind, String state, String initiator, String supplierId, String buyerId,
        String buyerCompanyName, Money total, int version, Instant createdAt, Instant updatedAt) {

    static OrderSummary of(Order o) {
        return new OrderSummary(o.id, o.kind.name(), o.state.name(), o.initiator.name(), o.supplierId, o.buyerId,
                o.buyerContact == null ? null : o.buyerContact.companyName, o.totalMoney(), o.termsVersion, o.createdAt,
                o.updatedAt);
    }
}
