package org.tradeorders.order.rest;

import jakarta.validation.Valid;
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

/** A supplier's draft of a Trade Assurance order (the proforma invoice). */
public record DraftOrderRequest(
        @NotBlank String buyerCompanyId,
        @NotBlank @Email String buyerEmail,
        @NotBlank @Size(min = 3, max = 3) String currency,
        @NotEmpty List<@Valid @NotNull Line> lines,
        @NotNull @PositiveOrZero BigDecimal shippingCost,
        @NotEmpty List<@Valid @NotNull InstallmentTerm> installments,
        @NotNull LocalDate shipmentDeadline) {

    public record Line(
            @NotBlank String productName,
            @NotBlank String model,
            String specification,
            @NotNull @Positive BigDecimal unitPrice,
            @NotNull @Positive Integer quantity) {
    }

    /** e.g. {"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION"} */
    public record InstallmentTerm(
            @NotBlank String name,
            @NotNull @Positive BigDecimal percent,
            @NotNull InstallmentDue due) {
    }
}
