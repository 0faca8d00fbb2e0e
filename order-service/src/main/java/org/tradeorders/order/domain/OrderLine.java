package org.tradeorders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
public class OrderLine {
    @Column(name = "product_name", nullable = false)
    public String productName;
    @Column(nullable = false)
    public String model;
    public String specification;
    public String color;
    /** e.g. "carton, 10 pieces each" */
    public String packaging;
    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    public BigDecimal unitPrice;
    @Column(nullable = false)
    public int quantity;

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
