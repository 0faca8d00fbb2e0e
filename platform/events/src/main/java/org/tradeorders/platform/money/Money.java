package org.tradeorders.platform.money;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An amount and its ISO 4217 currency, at least at the currency's minor-unit scale (2 for USD, 0 for JPY).
 * On the wire the amount is a decimal string ("1234.50"): no binary floating point anywhere.
 */
public record Money(
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, format = "decimal", pattern = "^-?[0-9]{1,15}(\\.[0-9]{1,4})?$",
                examples = "12500.00", description = "a decimal string, never a binary floating-point number")
        BigDecimal amount,
        @Schema(pattern = "^[A-Z]{3}$", examples = "USD", description = "ISO 4217") String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = normalise(amount, scaleOf(currency));
    }

    /** At least the currency's minor-unit scale; finer (a unit price of 0.0125 USD) only where it is exact. */
    private static BigDecimal normalise(BigDecimal amount, int scale) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= scale ? amount.setScale(scale, RoundingMode.UNNECESSARY) : stripped;
    }

    /** Rounded to the currency's minor unit: what can actually be paid. */
    public Money rounded() {
        return new Money(amount.setScale(scaleOf(currency), RoundingMode.HALF_EVEN), currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static int scaleOf(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** The amount has no more decimals than the currency's minor unit (12.50 USD yes, 12.505 USD no). */
    public static boolean fitsMinorUnit(BigDecimal amount, String currency) {
        return amount.stripTrailingZeros().scale() <= scaleOf(currency);
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        sameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public boolean isGreaterThanOrEqual(Money other) {
        sameCurrency(other);
        return amount.compareTo(other.amount) >= 0;
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
