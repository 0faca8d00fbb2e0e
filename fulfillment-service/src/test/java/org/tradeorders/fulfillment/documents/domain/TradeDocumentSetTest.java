package org.tradeorders.fulfillment.documents.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.Company;
import org.tradeorders.fulfillment.documents.domain.DocumentDetails.PackedLine;
import org.tradeorders.fulfillment.documents.domain.TradeDocumentSet.Numbering;
import org.tradeorders.fulfillment.documents.domain.TradeDocumentSet.ShippedGoods;
import org.tradeorders.platform.domain.InvalidInput;

/** How a shipment's documents are composed: plain JUnit, nothing booted. */
class TradeDocumentSetTest {
    static final OrderTerms ORDER = new OrderTerms("ORD-1", "JPY", "CIF", new Company("Buyer KK", null, null, null),
            new BigDecimal("3000"), List.of(new OrderTerms.ProformaLine("CH-1", "Chair", "oak", new BigDecimal("4500"), 20)));
    static final Numbering FIRST = new Numbering("CI-2026-000001", "PL-2026-000001", 1, Instant.parse("2026-12-02T10:00:00Z"));

    static PackedLine packed(String model, String net, String gross) {
        return new PackedLine(model, "940161", null, 4, new BigDecimal(net), new BigDecimal(gross), null);
    }

    static ShippedGoods chairs(int quantity, boolean first) {
        Map<String, Integer> q = new LinkedHashMap<>();
        q.put("CH-1", quantity);
        return new ShippedGoods("S-1", q, first);
    }

    @Test
    void theInvoicePricesTheShippedQuantityAtTheProformaPriceInTheOrdersCurrency() {
        TradeDocumentSet set = TradeDocumentSet.compose(ORDER, chairs(8, true),
                new DocumentDetails(null, List.of(packed("CH-1", "80.5", "92.25")), null), FIRST);

        CommercialInvoice ci = set.invoice();
        assertThat(ci.lines().get(0).description()).isEqualTo("Chair, oak");
        assertThat(ci.lines().get(0).amount().amount()).isEqualByComparingTo("36000");
        assertThat(ci.goodsTotal().toString()).isEqualTo("36000 JPY");
        assertThat(ci.total().toString()).isEqualTo("39000 JPY");
        assertThat(set.packingList().totalGrossWeightKg()).isEqualByComparingTo("92.25");
        assertThat(set.packingList().number()).isEqualTo("PL-2026-000001");
    }

    @Test
    void onlyTheOrdersFirstShipmentCarriesTheShippingCost() {
        TradeDocumentSet later = TradeDocumentSet.compose(ORDER, chairs(12, false),
                new DocumentDetails(null, List.of(packed("CH-1", "120", "130")), null), FIRST);

        assertThat(later.invoice().shippingCost().amount()).isEqualByComparingTo("0");
        assertThat(later.invoice().total()).isEqualTo(later.invoice().goodsTotal());
    }

    @Test
    void packingDetailsMustCoverExactlyTheShippedModelsWithGrossAtLeastNet() {
        assertThatThrownBy(() -> TradeDocumentSet.compose(ORDER, chairs(8, true),
                new DocumentDetails(null, List.of(packed("CH-1", "90", "80"), packed("XX-1", "1", "1")), null), FIRST))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).extracting(InvalidInput.Field::name)
                        .containsExactly("documents.lines[model=CH-1].grossWeightKg", "documents.lines[model=XX-1]"));
        assertThatThrownBy(() -> TradeDocumentSet.compose(ORDER, chairs(8, true), new DocumentDetails(null, List.of(), null), FIRST))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).extracting(InvalidInput.Field::name)
                        .containsExactly("documents.lines[model=CH-1]"));
    }
}
