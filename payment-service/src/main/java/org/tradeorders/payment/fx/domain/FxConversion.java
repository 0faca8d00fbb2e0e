package org.tradeorders.payment.fx.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.tradeorders.platform.money.Money;

/** One conversion, with the rate used, its source and the time it was valid from. */
@Entity
@Table(name = "fx_conversion")
public class FxConversion {
    @Id
    public String id;
    /** what it was for, e.g. SUPPLIER_SERVICE_FEE_CAP */
    @Column(nullable = false)
    public String purpose;
    /** what it belongs to, e.g. an order id */
    @Column(nullable = false)
    public String reference;
    @Column(name = "from_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal fromAmount;
    @Column(name = "from_currency", nullable = false, length = 3)
    public String fromCurrency;
    @Column(name = "to_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal toAmount;
    @Column(name = "to_currency", nullable = false, length = 3)
    public String toCurrency;
    /** to per 1 from */
    @Column(nullable = false, precision = 24, scale = 10)
    public BigDecimal rate;
    @Column(name = "rate_id")
    public String rateId;
    @Column(name = "rate_source", nullable = false)
    public String rateSource;
    @Column(name = "rate_valid_from", nullable = false)
    public Instant rateValidFrom;
    @Column(name = "converted_at", nullable = false)
    public Instant convertedAt;

    public Money from() {
        return new Money(fromAmount, fromCurrency);
    }

    public Money to() {
        return new Money(toAmount, toCurrency);
    }
}
