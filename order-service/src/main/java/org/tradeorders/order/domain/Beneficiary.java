package org.tradeorders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** e-Collection: the bank and account holder the buyer remits to (the supplier's collection information). */
@Embeddable
public class Beneficiary {
    @Column(name = "beneficiary_bank_name")
    public String bankName;
    @Column(name = "beneficiary_account_holder")
    public String accountHolder;
    @Column(name = "beneficiary_swift_bic")
    public String swiftBic;
}
