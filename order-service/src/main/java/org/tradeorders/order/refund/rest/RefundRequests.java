package org.tradeorders.order.refund.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.tradeorders.order.refund.domain.RefundReason;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.validation.Amounts;
import org.tradeorders.platform.validation.Formats;

/** The bodies of the refund API; each maps itself to domain arguments. */
final class RefundRequests {
    private RefundRequests() {
    }

    /** An amount in the order's currency: {"amount": "250.00", "currency": "USD"}. */
    record Amount(@NotNull @PositiveOrZero @Digits(integer = 13, fraction = 4) BigDecimal amount,
            @NotNull @Pattern(regexp = Formats.CURRENCY, message = Formats.CURRENCY_MESSAGE) @Size(max = 3) String currency) {
        Money money() {
            return Amounts.payable(amount, currency, "amount.amount", "amount.currency");
        }
    }

    /** The buyer opens a case on its order: why, how much, and what happened. */
    record Open(@NotBlank @Size(max = 64) String orderId, @NotNull RefundReason reason, @NotNull @Valid Amount amount,
            @NotBlank @Size(max = 2000) String description) {
    }

    /** A refusal's reason. */
    record Rejection(@NotBlank @Size(max = 2000) String note) {
    }

    /** The supplier's counter-offer: a smaller amount and why. */
    record CounterOffer(@NotNull @Valid Amount amount, @NotBlank @Size(max = 2000) String note) {
    }

    /** The buyer's revised request; the description stays unless a new one is given. */
    record Revision(@NotNull @Valid Amount amount, @Size(max = 2000) String description) {
    }

    /** The operator's decision: an amount (0 for no refund) and its reason. */
    record Decision(@NotNull @Valid Amount amount, @NotBlank @Size(max = 2000) String note) {
    }
}
