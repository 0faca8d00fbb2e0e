package org.tradeorders.fulfillment.crosscheck.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeorders.fulfillment.documents.domain.CommercialInvoice;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Address;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Company;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.DeclaredItem;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.PackedLine;
import org.tradeorders.fulfillment.documents.domain.OrderTerms;
import org.tradeorders.fulfillment.documents.domain.TradeDocumentSet;
import org.tradeorders.fulfillment.documents.domain.TradeDocumentSet.Numbering;
import org.tradeorders.fulfillment.documents.domain.TradeDocumentSet.ShippedGoods;
import org.tradeorders.platform.money.Money;

/** Each cross-check rule on its own: plain JUnit over composed documents, nothing booted. */
class DocumentCrossCheckTest {
    static final CrossCheckRules RULES = new CrossCheckRules() {
        public BigDecimal invoiceValueTolerance() {
            return new BigDecimal("0.01");
        }

        public BigDecimal minDeclaredShareOfPrepayment() {
            return new BigDecimal("0.70");
        }

        public BigDecimal maxDeclaredDifferenceFromPrepayment() {
            return new BigDecimal("1000");
        }

        public String maxDeclaredDifferenceCurrency() {
            return "USD";
        }
    };
    static final OrderTerms ORDER = new OrderTerms("ORD-1", "USD", "FOB", new Company("Buyer GmbH", null, null, null),
            new BigDecimal("150"), List.of(new OrderTerms.ProformaLine("LP-600", "LED panel", null, new BigDecimal("12.35"), 100),
                    new OrderTerms.ProformaLine("DR-1", "Driver", null, new BigDecimal("2.00"), 10)));

    /** The whole order shipped, packed as invoiced, declared exactly: the documents agree. */
    static final class Case {
        final List<PackedLine> packed = new ArrayList<>(List.of(packed("LP-600", "940542", null), packed("DR-1", "850440", null)));
        List<DeclaredItem> declared = new ArrayList<>(List.of(item("940542", 100, "1235.00"), item("850440", 10, "20.00")));
        Money prepaid = Money.of("1255.00", "USD");

        static PackedLine packed(String model, String hs, Integer quantity) {
            return new PackedLine(model, hs, quantity, 10, new BigDecimal("95"), new BigDecimal("101"), null);
        }

        static DeclaredItem item(String hs, int quantity, String value) {
            return new DeclaredItem(hs, quantity, Money.of(value, "USD"));
        }

        List<String> codes() {
            return check().stream().map(Discrepancy::code).toList();
        }

        List<Discrepancy> check() {
            TradeDocumentSet set = TradeDocumentSet.compose(ORDER, new ShippedGoods("S-1", Map.of("LP-600", 100, "DR-1", 10),
                    true), new DocumentDetails(new Company("Seller Ltd", new Address("1 Road", "Shenzhen", "518000", "CN"),
                            null, null), packed, declared), new Numbering("CI-1", "PL-1", 1, Instant.EPOCH));
            Declaration d = declared == null ? null : new Declaration("customsDeclaration", declared, set.invoice().lines());
            return DocumentCrossCheck.check(ORDER, set.invoice(), set.packingList(), d, prepaid, RULES);
        }
    }

    @Test
    void documentsThatAgreeHaveNoDiscrepancy() {
        assertThat(new Case().check()).isEmpty();
    }

    @Test
    void aPackedQuantityOtherThanTheInvoicedOneIsFlagged() {
        Case c = new Case();
        c.packed.set(0, Case.packed("LP-600", "940542", 90));

        assertThat(c.check()).containsExactly(new Discrepancy("packed-quantity-differs", "packingList.lines[model=LP-600].quantity",
                "the packing list packs 90, the commercial invoice bills 100"));
    }

    @Test
    void anInvoicedHsCodeTheDeclarationLacksAndADeclaredOneNoLineCarriesAreBothFlagged() {
        Case c = new Case();
        c.declared.set(1, Case.item("850450", 10, "20.00"));

        assertThat(c.codes()).containsExactly("hs-code-not-declared", "declared-hs-code-not-invoiced");
    }

    @Test
    void aDeclaredQuantityOtherThanTheInvoicedOneIsFlagged() {
        Case c = new Case();
        c.declared.set(1, Case.item("850440", 12, "20.00"));

        assertThat(c.check()).extracting(Discrepancy::field).containsExactly("customsDeclaration.items[hsCode=850440].quantity");
    }

    @Test
    void aDeclarationInAnotherCurrencyIsFlaggedAndItsValuesAreNotCompared() {
        Case c = new Case();
        c.declared.set(1, new DeclaredItem("850440", 10, Money.of("18.00", "EUR")));

        assertThat(c.codes()).containsExactly("declared-currency-differs");
    }

    @Test
    void aDeclaredValueOutsideTheToleranceOfTheInvoiceIsFlagged() {
        Case inside = new Case();
        inside.declared.set(0, Case.item("940542", 100, "1247.00")); // 12 off 1,255: within 1%
        Case outside = new Case();
        outside.declared.set(0, Case.item("940542", 100, "1248.00")); // 13 off

        assertThat(inside.check()).isEmpty();
        assertThat(outside.codes()).containsExactly("declared-value-differs-from-invoice");
    }

    @Test
    void aDeclaredValueBelowSeventyPercentOfThePrepaymentIsFlagged() {
        Case atTheFloor = new Case();
        atTheFloor.prepaid = Money.of("1792.86", "USD"); // 70% of it is 1,255.00
        Case below = new Case();
        below.prepaid = Money.of("1792.88", "USD");

        assertThat(atTheFloor.check()).isEmpty();
        assertThat(below.codes()).containsExactly("declared-value-below-prepayment");
    }

    @Test
    void aDeclaredValueMoreThanAThousandDollarsFromThePrepaymentIsFlagged() {
        Case c = new Case();
        c.prepaid = Money.of("255.00", "USD"); // declared 1,255.00: 1,000.00 over is still within
        Case far = new Case();
        far.prepaid = Money.of("254.99", "USD");

        assertThat(c.check()).isEmpty();
        assertThat(far.check()).extracting(Discrepancy::code).containsExactly("declared-value-far-from-prepayment");
    }

    @Test
    void noDeclarationItemsIsFlaggedAsNotComparable() {
        Case c = new Case();
        c.declared = null;

        assertThat(c.codes()).containsExactly("declaration-not-given");
    }

    @Test
    void aPriceOtherThanTheProformasIsFlagged() {
        Case c = new Case();
        TradeDocumentSet set = TradeDocumentSet.compose(ORDER, new ShippedGoods("S-1", Map.of("LP-600", 100), true),
                new DocumentDetails(null, List.of(Case.packed("LP-600", "940542", null)), null),
                new Numbering("CI-1", "PL-1", 1, Instant.EPOCH));
        CommercialInvoice.Line l = set.invoice().lines().get(0);
        CommercialInvoice tampered = new CommercialInvoice("CI-1", 1, Instant.EPOCH, "ORD-1", "S-1", null, null, "FOB", "USD",
                List.of(new CommercialInvoice.Line(l.description(), l.model(), l.hsCode(), 100, Money.of("11.00", "USD"),
                        Money.of("1100.00", "USD"))), Money.of("1100.00", "USD"), Money.of("0", "USD"), Money.of("1100.00", "USD"));

        assertThat(DocumentCrossCheck.check(ORDER, tampered, set.packingList(), null, c.prepaid, RULES))
                .extracting(Discrepancy::code).containsExactly("price-differs-from-proforma", "declaration-not-given");
    }
}
