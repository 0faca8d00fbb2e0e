package org.tradeorders.fulfillment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/** One-stop export bills (drafted alone or inline with a shipment) and the export data a shipment needs. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
class ExportBillTest {
    static final String SUPPLIER = "SUP-EXB-1";
    static final String OTHER = "SUP-EXB-2";
    static final String BUYER = "BUY-EXB-1";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LINE = "[{\"model\":\"LP-600\",\"quantity\":10}]";

    static String bill(String destinationCountry, String hsCode) {
        return bill(destinationCountry, hsCode, 1000, "12350.00", "USD");
    }

    /**
     * An export bill of one item; {@code declaredAmount} is a String (sent as JSON text, as the API
     * asks) or a BigDecimal (sent as a JSON number, which must be read as a decimal too).
     */
    static String bill(String destinationCountry, String hsCode, int quantity, Object declaredAmount, String currency) {
        ObjectNode bill = JSON.createObjectNode().put("exporterName", "Shenzhen Bright LED Co., Ltd.")
                .put("consigneeName", "Nordlicht Handels GmbH").put("destinationCountry", destinationCountry)
                .put("portOfLoading", "Yantian");
        ObjectNode value = bill.putArray("items").addObject().put("hsCode", hsCode)
                .put("description", "LED panels 600x600 mm").put("quantity", quantity).putObject("declaredValue");
        if (declaredAmount instanceof BigDecimal number) {
            value.put("amount", number);
        } else {
            value.put("amount", (String) declaredAmount);
        }
        value.put("currency", currency);
        return bill.toString();
    }

    static final String GOOD_BILL = bill("DE", "9405420090");

    static ValidatableResponse draftBill(String supplier, String body) {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body(body)
                .post("/export-bills").then();
    }

    static String draftedBill(String supplier) {
        return draftBill(supplier, GOOD_BILL).statusCode(201).extract().path("id");
    }

    /** A shipment request; {@code export} = the export fields, e.g. {@code "exportMode":"ONE_STOP_EXPORT","exportBillId":"…"}. */
    static ValidatableResponse ship(String supplier, String order, String export, String lines) {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body("{\"orderId\":\"" + order + "\"," + export + ",\"lines\":" + lines + "}").post("/shipments").then();
    }

    static ValidatableResponse shipOneStop(String order, String billFields, String lines) {
        return ship(SUPPLIER, order, "\"exportMode\":\"ONE_STOP_EXPORT\"" + billFields, lines);
    }

    static ValidatableResponse getBill(String token, String id) {
        return given().auth().oauth2(token).get("/export-bills/" + id).then();
    }

    /** An order of SUPPLIER (100 x LP-600) that is ready to ship here. */
    static String readyOrder() {
        String order = UUID.randomUUID().toString();
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderReadyToShip.v1", "/order-service",
                order, """
                {"orderId":"%s","supplierId":"%s","buyerId":"%s","shipmentDeadline":"%s",
                 "lines":[{"productName":"LED panel","model":"LP-600","specification":null,"unitPrice":{"amount":"12.35","currency":"USD"},"quantity":100}]}"""
                        .formatted(order, SUPPLIER, BUYER, LocalDate.now().plusDays(30)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ship(SUPPLIER, order,
                "\"exportMode\":\"SELF_OPERATED\",\"carrier\":\"Maersk\",\"trackingNumber\":\"T1\",\"customsDeclarationNumber\":\"CD-1\"",
                "[{\"model\":\"XX-9\",\"quantity\":1}]").statusCode(400).body("errors.field", hasItem("lines[model=XX-9]")));
        return order;
    }

    @Test
    void selfOperatedExportNeedsCarrierTrackingAndCustomsDeclarationNumber() {
        String order = readyOrder();
        ship(SUPPLIER, order, "\"exportMode\":\"SELF_OPERATED\",\"carrier\":\"Maersk\",\"trackingNumber\":\"MSKU1\"", LINE)
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("customsDeclarationNumber")));
        ship(SUPPLIER, order, "\"exportMode\":\"SELF_OPERATED\",\"customsDeclarationNumber\":\" \"", LINE)
                .statusCode(400).body("errors.field", hasItems("carrier", "trackingNumber", "customsDeclarationNumber"));
        ship(SUPPLIER, order, "\"exportMode\":\"SELF_OPERATED\",\"carrier\":\"Maersk\",\"trackingNumber\":\"MSKU1\","
                + "\"customsDeclarationNumber\":\"CD-1\",\"exportBillId\":\"" + draftedBill(SUPPLIER) + "\"", LINE)
                .statusCode(400).body("errors.field", equalTo(List.of("exportBillId")));
        // nothing changed: all 100 are still to ship
        ship(SUPPLIER, order, "\"exportMode\":\"SELF_OPERATED\",\"carrier\":\"Maersk\",\"trackingNumber\":\"MSKU1\","
                + "\"customsDeclarationNumber\":\"CD-1\"", "[{\"model\":\"LP-600\",\"quantity\":100}]")
                .statusCode(201).body("completesOrder", equalTo(true)).body("exportBillId", nullValue());

        var submitted = TopicProbe.readAll("fulfillment-events").stream().filter(r -> order.equals(r.key())).toList();
        assertThat(submitted).hasSize(1);
        assertThat(TopicProbe.data(submitted.get(0)).has("exportBillId")).as("no exportBillId when self-operated").isFalse();
        EventContracts.assertAllValid(submitted);
    }

    @Test
    void oneStopExportWithABillDraftedInline() {
        String order = readyOrder();
        String shipment = shipOneStop(order, ",\"exportBill\":" + GOOD_BILL, LINE).statusCode(201)
                .body("exportMode", equalTo("ONE_STOP_EXPORT")).body("exportBillId", notNullValue()).extract().path("id");
        String bill = given().auth().oauth2(Tokens.buyer(BUYER)).get("/shipments/" + shipment).then().statusCode(200)
                .extract().path("exportBillId");
        getBill(Tokens.supplier(SUPPLIER), bill).statusCode(200).body("status", equalTo("USED"))
                .body("orderId", equalTo(order)).body("supplierId", equalTo(SUPPLIER))
                .body("items[0].hsCode", equalTo("9405420090"))
                .body("items[0].declaredValue.amount", equalTo("12350.00"))
                .body("items[0].declaredValue.currency", equalTo("USD"));

        var submitted = TopicProbe.await("fulfillment-events", "tradeorders.ShipmentSubmitted.v1", order);
        assertThat(TopicProbe.data(submitted).path("exportBillId").asText()).isEqualTo(bill);
        var drafted = TopicProbe.await("fulfillment-events", "tradeorders.ExportBillDrafted.v1", bill);
        assertThat(TopicProbe.data(drafted).path("supplierId").asText()).isEqualTo(SUPPLIER);
        assertThat(TopicProbe.data(drafted).path("items").get(0).path("declaredValue").path("amount").asText())
                .isEqualTo("12350.00");
        EventContracts.assertAllValid(List.of(submitted, drafted));
    }

    @Test
    void aDraftedBillServesShipmentsOfOneOrderOnly() {
        var created = draftBill(SUPPLIER, GOOD_BILL).statusCode(201).body("status", equalTo("DRAFTED"))
                .body("orderId", nullValue()).body("supplierId", equalTo(SUPPLIER)).body("createdAt", notNullValue());
        String bill = created.extract().path("id");
        created.header("Location", endsWith("/export-bills/" + bill));
        var drafted = TopicProbe.await("fulfillment-events", "tradeorders.ExportBillDrafted.v1", bill);
        EventContracts.assertValid(drafted);

        String orderA = readyOrder();
        String orderB = readyOrder();
        shipOneStop(orderA, ",\"exportBillId\":\"" + bill + "\"", LINE).statusCode(201)
                .body("exportBillId", equalTo(bill)).body("completesOrder", equalTo(false));
        getBill(Tokens.supplier(SUPPLIER), bill).statusCode(200).body("status", equalTo("USED")).body("orderId", equalTo(orderA));
        // another shipment of the same order may go out with the same bill
        shipOneStop(orderA, ",\"exportBillId\":\"" + bill + "\"", LINE).statusCode(201);
        // not a shipment of another order
        shipOneStop(orderB, ",\"exportBillId\":\"" + bill + "\"", LINE).statusCode(409)
                .contentType("application/problem+json").body("type", containsString("export-bill-in-use"));
        getBill(Tokens.operator("OPS-1"), bill).statusCode(200).body("orderId", equalTo(orderA));
        // the refused shipment changed nothing: order B still has all 100 to ship
        shipOneStop(orderB, ",\"exportBill\":" + GOOD_BILL, "[{\"model\":\"LP-600\",\"quantity\":100}]").statusCode(201)
                .body("completesOrder", equalTo(true)).body("exportBillId", not(equalTo(bill)));

        var submittedA = TopicProbe.readAll("fulfillment-events").stream().filter(r -> orderA.equals(r.key())).toList();
        assertThat(submittedA).hasSize(2);
        for (var r : submittedA) {
            assertThat(TopicProbe.data(r).path("exportBillId").asText()).isEqualTo(bill);
        }
        EventContracts.assertAllValid(submittedA);
    }

    @Test
    void aOneStopExportNamesExactlyOneOfItsSuppliersBills() {
        String order = readyOrder();
        String othersBill = draftedBill(OTHER);
        shipOneStop(order, ",\"exportBillId\":\"" + othersBill + "\"", LINE).statusCode(400)
                .body("errors.field", equalTo(List.of("exportBillId")))
                .body("errors.reason[0]", containsString("does not exist or is not yours"));
        shipOneStop(order, ",\"exportBillId\":\"no-such-bill\"", LINE).statusCode(400)
                .body("errors.field", equalTo(List.of("exportBillId")));
        shipOneStop(order, "", LINE).statusCode(400).body("errors.field", equalTo(List.of("exportBillId")));
        shipOneStop(order, ",\"exportBillId\":\"" + draftedBill(SUPPLIER) + "\",\"exportBill\":" + GOOD_BILL, LINE)
                .statusCode(400).body("errors.field", equalTo(List.of("exportBillId")));
        getBill(Tokens.supplier(OTHER), othersBill).statusCode(200).body("status", equalTo("DRAFTED"))
                .body("orderId", nullValue());
    }

    @Test
    void billsAreValidatedPerFieldAloneAndInline() {
        draftBill(SUPPLIER, bill("DE", "12AB")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("items[0].hsCode")));
        draftBill(SUPPLIER, bill("DE", "12345")).statusCode(400).body("errors.field", equalTo(List.of("items[0].hsCode")));
        draftBill(SUPPLIER, bill("XX", "940542")).statusCode(400)
                .body("errors.field", equalTo(List.of("destinationCountry")));
        draftBill(SUPPLIER, bill("de", "940542")).statusCode(400)
                .body("errors.field", equalTo(List.of("destinationCountry")));
        draftBill(SUPPLIER, """
                {"exporterName":"","consigneeName":"Nordlicht","destinationCountry":"DE","portOfLoading":"Yantian"}""")
                .statusCode(400).body("errors.field", equalTo(List.of("exporterName", "items")));
        draftBill(SUPPLIER, """
                {"exporterName":"E","consigneeName":"C","destinationCountry":"DE","portOfLoading":"Yantian","items":[]}""")
                .statusCode(400).body("errors.field", equalTo(List.of("items")));
        draftBill(SUPPLIER, bill("DE", "9405420090", -1, BigDecimal.ZERO, "USD")).statusCode(400)
                .body("errors.field", equalTo(List.of("items[0].declaredValue.amount", "items[0].quantity")));
        draftBill(SUPPLIER, bill("DE", "9405420090", 1000, "12350.00", "ABC")).statusCode(400)
                .body("errors.field", equalTo(List.of("items[0].declaredValue.currency")));
        draftBill(SUPPLIER, bill("DE", "9405420090", 1000, "1.005", "USD")).statusCode(400)
                .body("errors.field", equalTo(List.of("items[0].declaredValue.amount")));
        // a JSON number is read as a decimal, never as a double
        draftBill(SUPPLIER, bill("DE", "9405420090", 1000, new BigDecimal("0.1"), "USD")).statusCode(201)
                .body("items[0].declaredValue.amount", equalTo("0.10"));

        String order = readyOrder();
        shipOneStop(order, ",\"exportBill\":" + bill("DE", "12AB"), LINE).statusCode(400)
                .body("errors.field", equalTo(List.of("exportBill.items[0].hsCode")));
        shipOneStop(order, ",\"exportBill\":" + bill("XX", "940542"), LINE).statusCode(400)
                .body("errors.field", equalTo(List.of("exportBill.destinationCountry")));
        shipOneStop(order, ",\"exportBill\":" + bill("DE", "9405420090", 1000, "12350.00", "ABC"), LINE).statusCode(400)
                .body("errors.field", equalTo(List.of("exportBill.items[0].declaredValue.currency")));
        shipOneStop(order, ",\"exportBill\":{\"exporterName\":\"E\",\"consigneeName\":\"C\",\"destinationCountry\":\"DE\","
                + "\"portOfLoading\":\"Yantian\"}", LINE).statusCode(400)
                .body("errors.field", equalTo(List.of("exportBill.items")));
        // nothing was drafted or shipped: the order still ships in full
        shipOneStop(order, ",\"exportBill\":" + GOOD_BILL, "[{\"model\":\"LP-600\",\"quantity\":100}]").statusCode(201)
                .body("completesOrder", equalTo(true));
    }

    @Test
    void onlyTheOwningSupplierAndOperatorsSeeABill() {
        String supplier = "SUP-EXB-" + UUID.randomUUID();
        String first = draftedBill(supplier);
        String second = draftedBill(supplier);
        getBill(Tokens.supplier(supplier), first).statusCode(200).body("id", equalTo(first));
        getBill(Tokens.operator("OPS-1"), first).statusCode(200).body("supplierId", equalTo(supplier));
        getBill(Tokens.supplier(OTHER), first).statusCode(404).contentType("application/problem+json");
        getBill(Tokens.buyer(BUYER), first).statusCode(404);
        getBill(Tokens.supplier(supplier), "no-such-bill").statusCode(404);

        given().auth().oauth2(Tokens.supplier(supplier)).get("/export-bills").then().statusCode(200)
                .body("items.id", equalTo(List.of(second, first))).body("items.supplierId", everyItem(equalTo(supplier)));
        given().auth().oauth2(Tokens.supplier(OTHER)).get("/export-bills").then().statusCode(200)
                .body("items.id", not(hasItem(first)));
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body(GOOD_BILL).post("/export-bills")
                .then().statusCode(403);
    }
}
