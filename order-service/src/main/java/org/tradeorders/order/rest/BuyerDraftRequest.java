package org.tradeorders.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.tradeorders.order.domain.Incoterm;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.Party;
import org.tradeorders.order.domain.TransportMethod;
import org.tradeorders.order.rest.DraftOrderRequest.Address;
import org.tradeorders.order.rest.DraftOrderRequest.Contact;
import org.tradeorders.order.rest.DraftOrderRequest.Line;

/**
 * A buyer's draft of a Trade Assurance order: what to buy, at what price, where to deliver, and
 * optionally the Incoterm and transport it prefers. The supplier completes shipping cost, delivery time
 * and payment terms before it confirms.
 */
public record BuyerDraftRequest(
        @NotBlank @Size(max = 100) String supplierCompanyId,
        @NotBlank @Email @Size(max = 320) String buyerEmail,
        @NotNull @Valid Contact buyerContact,
        @NotNull @Valid Address deliveryAddress,
        @NotBlank @Size(min = 3, max = 3) String currency,
        @NotEmpty List<@Valid @NotNull Line> lines,
        Incoterm incoterm,
        TransportMethod transportMethod,
        OrderKind kind) {

    /**
     * A new order of this buyer's for the supplier named; the supplier completes shipping cost, delivery
     * time and payment terms before it confirms.
     */
    Order newOrder(String buyerId) {
        Order o = new Order();
        o.supplierId = supplierCompanyId;
        o.buyerId = buyerId;
        o.buyerEmail = buyerEmail;
        o.initiator = Party.BUYER;
        o.supplierCompletedTerms = false;
        o.shippingCost = BigDecimal.ZERO;
        applyTo(o);
        return o;
    }

    /** What a buyer's draft says: products, prices, where to deliver, preferred Incoterm and transport. */
    void applyTo(Order o) {
        DraftOrderRequest.applyGoods(o, buyerContact, deliveryAddress, currency, incoterm, transportMethod, lines);
    }
}
