package org.tradeorders.order.rest;

import java.time.Instant;
import java.util.List;
import org.tradeorders.order.domain.Order;
import org.tradeorders.platform.money.Money;

/** One line of a party's order list. */
public record OrderSummary(String id, String kind, String state, String supplierId, String buyerId, Money total,
        int version, Instant createdAt, Instant updatedAt) {

    static OrderSummary of(Order o) {
        return new OrderSummary(o.id, "TRADE_ASSURANCE", o.state.name(), o.supplierId, o.buyerId, o.totalMoney(),
                o.termsVersion, o.createdAt, o.updatedAt);
    }

    public record Page(List<OrderSummary> items, int page, int size, long total) {
    }
}
