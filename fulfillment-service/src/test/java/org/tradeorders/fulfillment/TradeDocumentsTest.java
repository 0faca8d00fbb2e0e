package org.tradeorders.fulfillment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/** A shipment's commercial invoice and packing list: their content, their PDF read back, their versions. */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
class TradeDocumentsTest {

    static String shipped(String supplier, String order) {
        return Shipments.of(supplier, order).line("LP-600", 100).line("DR-1", 10).documents("LP-600", "DR-1")
                .declared("940542", 100, "1235.00").declared("850440", 10, "20.00").submit().statusCode(201)
                .extract().path("id");
    }

    static JsonNode document(String token, String shipment, String kind, String query) throws IOException {
        String body = given().auth().oauth2(token).get("/shipments/" + shipment + "/trade-documents/" + kind + query).then()
                .statusCode(200).contentType(ContentType.JSON).extract().asString();
        return Shipments.JSON.readTree(body);
    }

    static String pdfText(String token, String shipment, String kind) throws IOException {
        byte[] pdf = given().auth().oauth2(token).get("/shipments/" + shipment + "/trade-documents/" + kind + "/pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theCommercialInvoiceIsMadeFromTheOrderWithTheProformaPricesAndTheShippingCost() throws IOException {
        String supplier = "SUP-" + UUID.randomUUID();
        String shipment = shipped(supplier, Shipments.readyToShip(supplier));

        JsonNode ci = document(Tokens.buyer(Shipments.BUYER), shipment, "commercial-invoice", "");
        assertThat(ci.path("number").asText()).matches("CI-\\d{4}-\\d{6}");
        assertThat(ci.path("version").asInt()).isEqualTo(1);
        assertThat(ci.path("seller").path("name").asText()).isEqualTo("Shenzhen Bright Lighting Co., Ltd.");
        assertThat(ci.path("buyer").path("name").asText()).isEqualTo("Nordlicht Handels GmbH");
        assertThat(ci.path("buyer").path("address").path("city").asText()).isEqualTo("Hamburg");
        assertThat(ci.path("incoterm").asText()).isEqualTo("FOB");
        assertThat(ci.path("currency").asText()).isEqualTo("USD");
        JsonNode panel = ci.path("lines").get(0);
        assertThat(panel.path("description").asText()).isEqualTo("LED panel, 600x600 mm, 40 W");
        assertThat(panel.path("model").asText()).isEqualTo("LP-600");
        assertThat(panel.path("hsCode").asText()).isEqualTo("940542");
        assertThat(panel.path("quantity").asInt()).isEqualTo(100);
        assertThat(panel.path("unitPrice").path("amount").asText()).isEqualTo("12.35");
        assertThat(panel.path("amount").path("amount").asText()).isEqualTo("1235.00");
        assertThat(ci.path("goodsTotal").path("amount").asText()).isEqualTo("1255.00");
        assertThat(ci.path("shippingCost").path("amount").asText()).isEqualTo("150.00");
        assertThat(ci.path("total").path("amount").asText()).isEqualTo("1405.00");

        ConsumerRecord<String, String> issued = TopicProbe.await("fulfillment-events", "tradeorders.TradeDocumentsIssued.v1",
                ci.path("orderId").asText());
        EventContracts.assertValid(issued);
        assertThat(TopicProbe.data(issued).path("commercialInvoiceNumber").asText()).isEqualTo(ci.path("number").asText());
    }

    @Test
    void thePackingListCarriesEveryLinesPackagesAndWeightsWithTotals() throws IOException {
        String supplier = "SUP-" + UUID.randomUUID();
        String shipment = shipped(supplier, Shipments.readyToShip(supplier));

        JsonNode pl = document(Tokens.supplier(supplier), shipment, "packing-list", "");
        assertThat(pl.path("number").asText()).matches("PL-\\d{4}-\\d{6}");
        assertThat(pl.path("lines")).hasSize(2);
        assertThat(pl.path("lines").get(1).path("model").asText()).isEqualTo("DR-1");
        assertThat(pl.path("lines").get(1).path("packages").asInt()).isEqualTo(10);
        assertThat(pl.path("lines").get(1).path("dimensions").path("lengthCm").asInt()).isEqualTo(60);
        assertThat(pl.path("totalPackages").asInt()).isEqualTo(20);
        assertThat(pl.path("totalNetWeightKg").decimalValue()).isEqualByComparingTo("190");
        assertThat(pl.path("totalGrossWeightKg").decimalValue()).isEqualByComparingTo("203.0");
    }

    @Test
    void bothPdfsOpenAndReadBackTheirNumbersLinesAndTotals() throws IOException {
        String supplier = "SUP-" + UUID.randomUUID();
        String shipment = shipped(supplier, Shipments.readyToShip(supplier));
        String number = document(Tokens.operator("OPS"), shipment, "commercial-invoice", "").path("number").asText();

        String invoice = pdfText(Tokens.buyer(Shipments.BUYER), shipment, "commercial-invoice");
        assertThat(invoice).contains("COMMERCIAL INVOICE", number, "Version 1", "Nordlicht Handels GmbH", "Hamburg",
                "Shenzhen Bright Lighting Co., Ltd.", "LP-600", "940542", "12.35", "1235.00", "150.00", "1405.00", "FOB");
        String packing = pdfText(Tokens.supplier(supplier), shipment, "packing-list");
        assertThat(packing).contains("PACKING LIST", number.replace("CI-", "PL-"), "DR-1", "101.5", "203.0", "60 x 40 x 40");
    }

    @Test
    void onlyTheOrdersPartiesAndOperatorsSeeTheDocuments() {
        String supplier = "SUP-" + UUID.randomUUID();
        String shipment = shipped(supplier, Shipments.readyToShip(supplier));

        given().auth().oauth2(Tokens.buyer("BUY-OTHER")).get("/shipments/" + shipment + "/trade-documents").then().statusCode(404);
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).get("/shipments/" + shipment + "/trade-documents/packing-list/pdf")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.operator("OPS")).get("/shipments/" + shipment + "/trade-documents").then().statusCode(200)
                .body("kind", equalTo(List.of("COMMERCIAL_INVOICE", "PACKING_LIST")));
        given().auth().oauth2(Tokens.operator("OPS")).get("/shipments/" + shipment + "/trade-documents/bill-of-sale").then()
                .statusCode(404);
    }

    @Test
    void aCorrectionIsANewVersionUnderTheSameNumberAndTheFirstStaysAsIssued() throws IOException {
        String supplier = "SUP-" + UUID.randomUUID();
        String shipment = shipped(supplier, Shipments.readyToShip(supplier));
        String number = document(Tokens.supplier(supplier), shipment, "packing-list", "").path("number").asText();
        Shipments corrected = Shipments.of(supplier, "unused").documents("LP-600", "DR-1").packing("DR-1", "packages", 2)
                .declared("940542", 100, "1235.00").declared("850440", 10, "20.00");

        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body(corrected.documentsBody().toString())
                .post("/shipments/" + shipment + "/trade-documents").then().statusCode(201)
                .body("documents.version", equalTo(List.of(2, 2)))
                .body("documents.number", hasItem(number))
                .body("crossCheck.agree", equalTo(true));

        assertThat(document(Tokens.supplier(supplier), shipment, "packing-list", "").path("totalPackages").asInt()).isEqualTo(12);
        JsonNode first = document(Tokens.supplier(supplier), shipment, "packing-list", "?version=1");
        assertThat(first.path("totalPackages").asInt()).isEqualTo(20);
        assertThat(first.path("number").asText()).isEqualTo(number);
        given().auth().oauth2(Tokens.buyer(Shipments.BUYER)).get("/shipments/" + shipment + "/trade-documents").then()
                .statusCode(200).body("size()", equalTo(4)).body("version", equalTo(List.of(1, 1, 2, 2)))
                .body("[3].pdf", matchesPattern("/shipments/.+/trade-documents/packing-list/pdf\\?version=2"));
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).contentType(ContentType.JSON).body(corrected.documentsBody().toString())
                .post("/shipments/" + shipment + "/trade-documents").then().statusCode(404);
    }

    @Test
    void detailsThatDoNotMatchTheShipmentAreRefusedAndNothingIsShipped() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = Shipments.readyToShip(supplier);

        Shipments.of(supplier, order).line("LP-600", 100).line("DR-1", 10).documents("LP-600").submit().statusCode(400)
                .body("errors.field", hasItem("documents.lines[model=DR-1]"));
        Shipments.of(supplier, order).line("LP-600", 100).documents("LP-600").packing("LP-600", "grossWeightKg", "90")
                .submit().statusCode(400).body("errors.field", hasItem("documents.lines[model=LP-600].grossWeightKg"));
        Shipments.of(supplier, order).line("LP-600", 100).documents("LP-600").packing("LP-600", "hsCode", "94.05")
                .submit().statusCode(400).body("errors.field", hasItem("documents.lines[0].hsCode"));
        Shipments.of(supplier, order).line("LP-600", 100).documents("LP-600").declared("940542", 100, "1235.00")
                .declared("850440", 1, "20.001").submit().statusCode(400)
                .body("errors.field", hasItem("documents.customsDeclaration[1].declaredValue.amount"));

        assertThat(TopicProbe.readAll("fulfillment-events").stream().filter(r -> order.equals(r.key()))).isEmpty();
    }
}
