package org.tradeorders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where the goods go: street, city, zip code and ISO 3166-1 alpha-2 country. */
@Embeddable
public class DeliveryAddress {
    @Column(name = "delivery_street")
    public String street;
    @Column(name = "delivery_city")
    public String city;
    @Column(name = "delivery_zip_code")
    public String zipCode;
    @Column(name = "delivery_country", length = 2)
    public String country;
}
