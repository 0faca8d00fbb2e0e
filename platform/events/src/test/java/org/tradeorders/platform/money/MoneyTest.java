package org.tradeorders.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsKeepAtLeastTheCurrencysMinorUnit() {
        assertThat(Money.of("12.5", "USD").amount().toPlainString()).isEqualTo("12.50");
        assertThat(Money.of("100", "JPY").amount().toPlainString()).isEqualTo("100");
        assertThat(Money.of("0.0125", "USD").amount().toPlainString()).isEqualTo("0.0125");
        assertThat(Money.of("12.5000", "USD").amount().toPlainString()).isEqualTo("12.50");
    }

    @Test
    void arithmeticNeverMixesCurrencies() {
        assertThat(Money.of("1.10", "EUR").plus(Money.of("2.20", "EUR"))).isEqualTo(Money.of("3.30", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundedIsPayable() {
        assertThat(Money.of("0.125", "USD").rounded().amount().toPlainString()).isEqualTo("0.12");
        assertThat(Money.of("0.135", "USD").rounded().amount().toPlainString()).isEqualTo("0.14");
    }

    @Test
    void onTheWireTheAmountIsADecimalString() throws Exception {
        String json = new ObjectMapper().writeValueAsString(Money.of("12500", "USD"));
        assertThat(json).isEqualTo("{\"amount\":\"12500.00\",\"currency\":\"USD\"}");
        assertThat(new ObjectMapper().readValue(json, Money.class)).isEqualTo(Money.of("12500.00", "USD"));
    }
}
