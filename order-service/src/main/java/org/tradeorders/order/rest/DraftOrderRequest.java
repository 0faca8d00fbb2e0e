package org.tradeorders.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.tradeorders.order.domain.BuyerContact;
import org.tradeorders.order.domain.DeliveryAddress;
import org.tradeorders.order.domain.Incoterm;
import org.tradeorders.order.domain.Installment;
import org.tradeorders.order.domain.InstallmentDue;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.OrderLine;
import org.tradeorders.order.domain.Party;
import org.tradeorders.order.domain.TransportMethod;
import org.tradeorders.platform.validation.Formats;

/**
 * A supplier's draft (or revision) of an order, the proforma invoice: Trade Assurance (the default) or
 * {@code "kind": "E_COLLECTION"}, which is paid in full by remittance and so has no installments. Amounts beyond
 * 13 integer digits are refused as absurd; the configured limits are checked by the resource. The
 * shipment deadline is either a date ({@code shipmentDeadline}) or {@code shipWithinDays} of the
 * initial payment.
 */
public record DraftOrderRequest(
        @NotBlank @Size(max = 100) String buyerCompanyId,
        @NotBlank @Email @Size(max = 320) String buyerEmail,
        @NotNull @Valid Contact buyerContact,
        @NotNull @Valid Address deliveryAddress,
        @NotBlank @Size(min = 3, max = 3) String currency,
        @NotEmpty List<@Valid @NotNull Line> lines,
        @NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal shippingCost,
        List<@Valid @NotNull InstallmentTerm> installments,
        LocalDate shipmentDeadline,
        @Positive @Max(3650) Integer shipWithinDays,
        @NotNull Incoterm incoterm,
        @NotNull TransportMethod transportMethod,
        OrderKind kind) {

    /** TRADE_ASSURANCE unless said otherwise. */
    public OrderKind kindOrDefault() {
        return kind == null ? OrderKind.TRADE_ASSURANCE : kind;
    }

    /** A new order of this supplier's, with these terms, for the buyer named. */
    Order newOrder(OrderKind kind, String supplierId, String supplierEmail) {
        Order o = new Order();
        o.kind = kind;
        o.supplierId = supplierId;
        o.buyerId = buyerCompanyId;
        o.buyerEmail = buyerEmail;
        o.supplierEmail = supplierEmail;
        o.initiator = Party.SUPPLIER;
        applyTo(o);
        return o;
    }

    /** The terms (everything but the parties) onto the order; the workflow reprices it. */
    void applyTo(Order o) {
        applyGoods(o, buyerContact, deliveryAddress, currency, incoterm, transportMethod, lines);
        o.shippingCost = shippingCost;
        o.shipment.deadline = shipmentDeadline;
        o.shipment.shipWithinDays = shipWithinDays;
        o.replaceInstallments(installmentPlan());
    }

    /** What either party's draft says of the goods: who receives them where, how, and the priced lines. */
    static void applyGoods(Order o, Contact contact, Address address, String currency, Incoterm incoterm,
            TransportMethod transport, List<Line> lines) {
        o.buyerContact = contact.toDomain();
        o.deliveryAddress = address.toDomain();
        o.currency = currency;
        o.incoterm = incoterm;
        o.transportMethod = transport;
        o.lines.clear();
        o.lines.addAll(Line.toDomain(lines));
    }

    /** The payment terms as proposed (none for e-Collection); the order numbers them. */
    List<Installment> installmentPlan() {
        return installments == null ? List.of() : installments.stream().map(InstallmentTerm::toDomain).toList();
    }

    /** The buyer's side of the proforma invoice: company, contact person and phone. */
    public record Contact(
            @NotBlank @Size(max = 300) String companyName,
            @NotBlank @Size(max = 200) String contactName,
            @NotBlank @Pattern(regexp = Formats.PHONE, message = Formats.PHONE_MESSAGE) @Size(max = 30)
            String phone) {
        BuyerContact toDomain() {
            BuyerContact c = new BuyerContact();
            c.companyName = companyName;
            c.contactName = contactName;
            c.phone = phone;
            return c;
        }
    }

    /** country: ISO 3166-1 alpha-2, e.g. DE. */
    public record Address(
            @NotBlank @Size(max = 500) String street,
            @NotBlank @Size(max = 200) String city,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 -]{1,11}", message = "must be a zip code of 2 to 12 letters, digits, spaces or dashes")
            @Size(max = 20) String zipCode,
            @NotBlank @Pattern(regexp = Formats.COUNTRY, message = Formats.COUNTRY_MESSAGE) @Size(max = 2)
            String country) {
        DeliveryAddress toDomain() {
            DeliveryAddress a = new DeliveryAddress();
            a.street = street;
            a.city = city;
            a.zipCode = zipCode;
            a.country = country;
            return a;
        }
    }

    public record Line(
            @NotBlank @Size(max = 300) String productName,
            @NotBlank @Size(max = 200) String model,
            @Size(max = 1000) String specification,
            @Size(max = 100) String color,
            @Size(max = 300) String packaging,
            @NotNull @Positive @Digits(integer = 13, fraction = 4) BigDecimal unitPrice,
            @NotNull @Positive Integer quantity) {
        static List<OrderLine> toDomain(List<Line> lines) {
            return lines.stream().map(l -> {
                OrderLine line = new OrderLine();
                line.productName = l.productName;
                line.model = l.model;
                line.specification = l.specification;
                line.color = l.color;
                line.packaging = l.packaging;
                line.unitPrice = l.unitPrice;
                line.quantity = l.quantity;
                return line;
            }).toList();
        }
    }

    /**
     * e.g. {"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION"}, or a balance after shipment:
     * {"name":"Balance","percent":70,"due":"AFTER_SHIPMENT","dueDays":30}.
     */
    public record InstallmentTerm(
            @NotBlank @Size(max = 100) String name,
            @NotNull @Positive @Digits(integer = 3, fraction = 4) BigDecimal percent,
            @NotNull InstallmentDue due,
            @Positive @Max(365) Integer dueDays) {
        Installment toDomain() {
            Installment in = new Installment();
            in.name = name;
            in.percent = percent;
            in.due = due;
            in.dueDays = dueDays;
            return in;
        }
    }
}
