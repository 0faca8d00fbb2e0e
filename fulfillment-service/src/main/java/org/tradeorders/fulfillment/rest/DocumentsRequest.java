package org.tradeorders.fulfillment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails;
import org.tradeorders.fulfillment.exportbill.domain.ExportBills;
import org.tradeorders.fulfillment.exportbill.rest.ExportBillResource.MoneyInput;
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.validation.Formats;

/**
 * What the supplier gives for a shipment's trade documents (with the shipment, or as a correction): the
 * seller, per shipped model its HS code and packing, and for a self-operated export the customs
 * declaration's items. Prices are never given: they come from the proforma invoice.
 */
public record DocumentsRequest(@NotNull @Valid Seller seller,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull PackedLine> lines,
        @Size(max = 500) List<@Valid @NotNull DeclaredItem> customsDeclaration) {

    public record Address(@NotBlank @Size(max = 500) String street, @NotBlank @Size(max = 200) String city,
            @NotBlank @Size(max = 20) String zipCode,
            @NotBlank @Pattern(regexp = Formats.COUNTRY, message = Formats.COUNTRY_MESSAGE) @Size(max = 2) String country) {
    }

    public record Seller(@NotBlank @Size(max = 300) String name, @NotNull @Valid Address address) {
    }

    public record Dimensions(@NotNull @Positive @Max(100_000) Integer lengthCm, @NotNull @Positive @Max(100_000) Integer widthCm,
            @NotNull @Positive @Max(100_000) Integer heightCm) {
    }

    /** packedQuantity: only if the packed quantity differs from the shipped one (the cross-check then flags it). */
    public record PackedLine(@NotBlank @Size(max = 200) String model,
            @NotBlank @Pattern(regexp = ExportBills.HS_CODE, message = ExportBills.HS_CODE_MESSAGE) @Size(max = 10) String hsCode,
            @Positive @Max(100_000_000) Integer packedQuantity,
            @NotNull @Positive @Max(1_000_000) Integer packages,
            @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal netWeightKg,
            @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal grossWeightKg,
            @Valid Dimensions dimensions) {
    }

    public record DeclaredItem(
            @NotBlank @Pattern(regexp = ExportBills.HS_CODE, message = ExportBills.HS_CODE_MESSAGE) @Size(max = 10) String hsCode,
            @NotNull @Positive Integer quantity, @NotNull @Valid MoneyInput declaredValue) {
    }

    /** The details as the domain takes them; a declared value's currency must exist and fit its minor unit. */
    public DocumentDetails toDetails(String fieldPrefix) {
        List<InvalidInput.Field> errors = new ArrayList<>();
        for (int i = 0; customsDeclaration != null && i < customsDeclaration.size(); i++) {
            MoneyInput v = customsDeclaration.get(i).declaredValue();
            String field = fieldPrefix + "customsDeclaration[" + i + "].declaredValue.";
            if (!Formats.isCurrency(v.currency())) {
                errors.add(new InvalidInput.Field(field + "currency", "is not an ISO 4217 currency"));
            } else if (!Money.fitsMinorUnit(v.amount(), v.currency())) {
                errors.add(new InvalidInput.Field(field + "amount", "has more decimals than " + v.currency() + " has"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Address a = seller.address();
        return new DocumentDetails(new DocumentDetails.Company(seller.name(), new DocumentDetails.Address(a.street(), a.city(),
                a.zipCode(), a.country()), null, null),
                lines.stream().map(l -> new DocumentDetails.PackedLine(l.model(), l.hsCode(), l.packedQuantity(), l.packages(),
                        l.netWeightKg(), l.grossWeightKg(), l.dimensions() == null ? null : new DocumentDetails.Dimensions(
                                l.dimensions().lengthCm(), l.dimensions().widthCm(), l.dimensions().heightCm()))).toList(),
                customsDeclaration == null ? null : customsDeclaration.stream().map(i -> new DocumentDetails.DeclaredItem(
                        i.hsCode(), i.quantity(), new Money(i.declaredValue().amount(), i.declaredValue().currency())))
                        .toList());
    }
}
