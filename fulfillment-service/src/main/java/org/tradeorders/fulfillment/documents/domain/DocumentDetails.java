package org.tradeorders.fulfillment.documents.domain;

import java.math.BigDecimal;
import java.util.List;
import org.tradeorders.platform.money.Money;

/**
 * What the supplier gives with a shipment for its trade documents: the seller as the invoice names it,
 * per shipped model its HS code and packing (packages, weights, dimensions; a packed quantity if it
 * differs from the shipped one), and for a self-operated export the customs declaration's items (a
 * one-stop export's declaration is its export bill).
 */
public record DocumentDetails(Company seller, List<PackedLine> lines, List<DeclaredItem> customsDeclaration) {

    public record Address(String street, String city, String zipCode, String country) {
    }

    /** A party as a trade document names it; contact and phone only for the buyer. */
    public record Company(String name, Address address, String contactName, String phone) {
    }

    public record Dimensions(int lengthCm, int widthCm, int heightCm) {
    }

    /** packedQuantity: null means all of the shipped quantity is packed. */
    public record PackedLine(String model, String hsCode, Integer packedQuantity, int packages, BigDecimal netWeightKg,
            BigDecimal grossWeightKg, Dimensions dimensions) {
    }

    public record DeclaredItem(String hsCode, int quantity, Money declaredValue) {
    }

    public PackedLine line(String model) {
        return lines.stream().filter(l -> l.model().equals(model)).findFirst().orElse(null);
    }
}
