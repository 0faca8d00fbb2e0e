package org.tradeorders.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tradeorders.order.domain.InstallmentDue;

/**
 * A supplier's draft (or revision) of a Trade Assurance order, the proforma invoice. Amounts beyond
 * 13 integer digits are refused as absurd; the configured limits are checked by the resource. The
 * shipment deadline is either a date ({@code shipmentDeadline}) or {@code shipWithinDays} of the
 * initial payment.
 */
public record DraftOrderRequest(
        @NotBlank String buyerCompanyId,
        @NotBlank @Email String buyerEmail,
        @NotBlank @Size(min = 3, max = 3) String currency,
        @NotEmpty List<@Valid @NotNull Line> lines,
        @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal shippingCost,
        @NotEmpty List<@Valid @NotNull InstallmentTerm> installments,
        LocalDate shipmentDeadline,
        @Positive @jakarta.validation.constraints.Max(3650) Integer shipWithinDays) {

    public record Line(
            @NotBlank String productName,
            @NotBlank String model,
            String specification,
            @NotNull @Positive @Digits(integer = 13, fraction = 4) BigDecimal unitPrice,
            @NotNull @Positive Integer quantity) {
    }

    /** e.g. {"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION"} */
    public record InstallmentTerm(
            @NotBlank String name,
            @NotNull @Positive @Digits(integer = 3, fraction = 4) BigDecimal percent,
            @NotNull InstallmentDue due) {
    }
}
