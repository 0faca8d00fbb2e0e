package org.tradeorders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who receives the goods on the buyer's side, as the proforma invoice names them. */
@Embeddable
public class BuyerContact {
    @Column(name = "buyer_company_name")
    public String companyName;
    @Column(name = "buyer_contact_name")
    public String contactName;
    @Column(name = "buyer_phone")
    public String phone;
}
