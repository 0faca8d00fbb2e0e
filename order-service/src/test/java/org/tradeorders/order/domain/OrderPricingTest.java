package org.tradeorders.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderPricingTest {

    private static Order order(String currency, String shipping, String unitPrice, int qty, String... percents) {
        Order o = new Order();
        o.currency = currency;
        o.shippingCost = new BigDecimal(shipping);
        OrderLine l = new OrderLine();
        l.unitPrice = new BigDecimal(unitPrice);
        l.quantity = qty;
        o.lines.add(l);
        int seq = 1;
        for (String p : percents) {
            Installment in = new Installment();
            in.seq = seq++;
            in.percent = new BigDecimal(p);
            in.due = seq == 2 ? InstallmentDue.BEFORE_PRODUCTION : InstallmentDue.BEFORE_SHIPMENT;
            o.installments.add(in);
        }
        o.price();
        return o;
    }

    @Test
    void totalIsLinesPlusShippingAndInstallmentsAddUpExactly() {
        Order o = order("USD", "150.00", "12.35", 1000, "30", "70");
        assertThat(o.total).isEqualByComparingTo("12500.00");
        assertThat(o.installments.get(0).amount).isEqualByComparingTo("3750.00");
        assertThat(o.installments.get(1).amount).isEqualByComparingTo("8750.00");
    }

    @Test
    void roundingRestGoesToTheLastInstallment() {
        Order o = order("USD", "0", "0.01", 100, "33.3333", "33.3333", "33.3334");
        BigDecimal sum = o.installments.stream().map(i -> i.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(o.total);
    }

    @Test
    void yenHasNoMinorUnit() {
        Order o = order("JPY", "0", "333", 1, "30", "70");
        assertThat(o.total.scale()).isZero();
        assertThat(o.installments.get(0).amount).isEqualByComparingTo("100");
        assertThat(o.installments.get(1).amount).isEqualByComparingTo("233");
    }
}
