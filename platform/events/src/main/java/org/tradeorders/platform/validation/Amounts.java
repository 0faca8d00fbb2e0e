package org.tradeorders.platform.validation;

import java.math.BigDecimal;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.problem.ProblemException;

/** An amount a client sends, read into {@link Money}, or refused naming its field (never rounded to fit). */
public final class Amounts {
    private Amounts() {
    }

    /** An amount that can be paid: a known currency, at most its minor-unit decimals. */
    public static Money payable(BigDecimal amount, String currency, String amountField, String currencyField) {
        if (!Formats.isCurrency(currency)) {
            throw ProblemException.invalid(currencyField, "is not an ISO 4217 currency");
        }
        if (!Money.fitsMinorUnit(amount, currency)) {
            throw ProblemException.invalid(amountField, "has more decimals than " + currency + " has");
        }
        return new Money(amount, currency);
    }
}
