package org.tradeorders.order.rest;

import org.tradeorders.order.domain.BuyerContact;
import org.tradeorders.order.domain.DeliveryAddress;
import org.tradeorders.order.domain.Order;

/** Where and how the goods travel, as the order's parties read it: contact, address, Incoterm, transport. */
public record DeliveryView(BuyerContactView buyerContact, AddressView address, String incoterm, String transportMethod) {

    public record BuyerContactView(String companyName, String contactName, String phone) {
    }

    public record AddressView(String street, String city, String zipCode, String country) {
    }

    static DeliveryView of(Order o) {
        BuyerContact c = o.buyerContact;
        DeliveryAddress a = o.deliveryAddress;
        return new DeliveryView(c == null ? null : new BuyerContactView(c.companyName, c.contactName, c.phone),
                a == null ? null : new AddressView(a.street, a.city, a.zipCode, a.country),
                o.incoterm == null ? null : o.incoterm.name(),
                o.transportMethod == null ? null : o.transportMethod.name());
    }
}
