package org.tradeorders.fulfillment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;

/**
 * Builds what fulfillment-service's tests feed it: a paid order as order-service announces it
 * (OrderReadyToShip: two LED panel lines, shipping cost, prepayment), and shipment requests with their
 * trade document details, each part changed by name rather than by editing strings.
 */
final class Shipments {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BUYER = "BUY-FUL-DOC";

    private final ObjectNode body = JSON.createObjectNode();
    private final String supplier;

    private Shipments(String supplier, String orderId) {
        this.supplier = supplier;
        body.put("orderId", orderId).put("exportMode", "SELF_OPERATED").put("carrier", "DHL")
                .put("trackingNumber", "JD" + UUID.randomUUID().toString().substring(0, 12).toUpperCase())
                .put("customsDeclarationNumber", "CD-2026-0001");
        body.putArray("lines");
    }

    /** An order of the supplier, paid and ready to ship: 100 LP-600 at 12.35 and 10 DR-1 at 2.00 USD, shipping 150.00, prepaid 1,405.00. */
    static String readyToShip(String supplier) {
        return readyToShip(supplier, "1405.00");
    }

    static String readyToShip(String supplier, String prepaid) {
        String order = UUID.randomUUID().toString();
        announceReadyToShip(supplier, order, prepaid);
        Shipments probe = of(supplier, order).line("LP-600", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.crossCheck().extract().statusCode() != 409);
        return order;
    }

    /** order-service announces the order ready to ship (OrderReadyToShip); fulfillment-service hears it soon after. */
    static void announceReadyToShip(String supplier, String order, String prepaid) {
        ObjectNode e = JSON.createObjectNode().put("orderId", order).put("supplierId", supplier).put("buyerId", BUYER)
                .put("shipmentDeadline", LocalDate.now().plusDays(30).toString());
        ArrayNode lines = e.putArray("lines");
        lines.addObject().put("productName", "LED panel").put("model", "LP-600").put("specification", "600x600 mm, 40 W")
                .put("quantity", 100).set("unitPrice", money("12.35"));
        lines.addObject().put("productName", "Driver").put("model", "DR-1").putNull("specification").put("quantity", 10)
                .set("unitPrice", money("2.00"));
        ObjectNode delivery = e.putObject("delivery").put("incoterm", "FOB").put("transportMethod", "SEA");
        delivery.putObject("buyerContact").put("companyName", "Nordlicht Handels GmbH").put("contactName", "Anna Berger")
                .put("phone", "+49 30 1234567");
        delivery.putObject("address").put("street", "Hafenstrasse 1").put("city", "Hamburg").put("zipCode", "20457")
                .put("country", "DE");
        e.set("shippingCost", money("150.00"));
        e.set("total", money("1405.00"));
        e.set("prepaid", money(prepaid));
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderReadyToShip.v1", "/order-service",
                order, e.toString());
    }

    static ObjectNode money(String amount) {
        return JSON.createObjectNode().put("amount", amount).put("currency", "USD");
    }

    static Shipments of(String supplier, String orderId) {
        return new Shipments(supplier, orderId);
    }

    Shipments line(String model, int quantity) {
        ((ArrayNode) body.get("lines")).addObject().put("model", model).put("quantity", quantity);
        return this;
    }

    Shipments trackingNumber(String number) {
        body.put("trackingNumber", number);
        return this;
    }

    String trackingNumber() {
        return body.get("trackingNumber").asText();
    }

    /** Trade document details: the seller, and per model HS code and packing (10 packages, 95 kg net, 101.5 kg gross). */
    Shipments documents(String... models) {
        ObjectNode d = body.putObject("documents");
        d.putObject("seller").put("name", "Shenzhen Bright Lighting Co., Ltd.").putObject("address")
                .put("street", "88 Keji Road").put("city", "Shenzhen").put("zipCode", "518057").put("country", "CN");
        ArrayNode lines = d.putArray("lines");
        for (String m : models) {
            lines.addObject().put("model", m).put("hsCode", hsCodeOf(m)).put("packages", 10).put("netWeightKg", "95")
                    .put("grossWeightKg", "101.5").putObject("dimensions").put("lengthCm", 60).put("widthCm", 40)
                    .put("heightCm", 40);
        }
        return this;
    }

    static String hsCodeOf(String model) {
        return model.equals("LP-600") ? "940542" : "850440";
    }

    /** Sets a field of one packing line, e.g. packedQuantity 90 or grossWeightKg below the net weight. */
    Shipments packing(String model, String field, Object value) {
        for (var l : body.get("documents").get("lines")) {
            if (l.get("model").asText().equals(model)) {
                ((ObjectNode) l).set(field, JSON.valueToTree(value));
            }
        }
        return this;
    }

    /** A self-operated export's customs declaration item. */
    Shipments declared(String hsCode, int quantity, String value) {
        ObjectNode d = (ObjectNode) body.get("documents");
        ArrayNode items = d.has("customsDeclaration") ? (ArrayNode) d.get("customsDeclaration") : d.putArray("customsDeclaration");
        items.addObject().put("hsCode", hsCode).put("quantity", quantity).set("declaredValue", money(value));
        return this;
    }

    ObjectNode documentsBody() {
        return (ObjectNode) body.get("documents");
    }

    String json() {
        return body.toString();
    }

    ValidatableResponse submit() {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body(json())
                .post("/shipments").then();
    }

    ValidatableResponse crossCheck() {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body(json())
                .post("/shipments/cross-check").then();
    }
}
