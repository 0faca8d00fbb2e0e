package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.tradeorders.platform.testing.Tokens;

/**
 * Request bodies for drafts, built by what a test changes: a valid supplier's or buyer's draft (the
 * LED panel order of the seeds: 1,000 x 12.35 + 150.00 shipping = 12,500.00 USD), then one edit per
 * call. The shipment deadline is a year after the service's own (controllable) clock, so it stays in
 * the future whichever test moved that clock before.
 */
final class Drafts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode body = JSON.createObjectNode();

    private Drafts() {
    }

    /** A supplier's Trade Assurance draft for {@code buyer}: 30% deposit before production, 70% before shipment. */
    static Drafts aDraftFor(String buyer) {
        Drafts d = new Drafts();
        d.body.put("buyerCompanyId", buyer).put("buyerEmail", "purchasing@buyer.example");
        d.parties();
        d.body.put("currency", "USD");
        d.line("12.35", 1000);
        d.body.put("shippingCost", "150.00");
        d.noInstallments().installment("Deposit", 30, "BEFORE_PRODUCTION").installment("Balance", 70, "BEFORE_SHIPMENT");
        d.body.put("shipmentDeadline", serviceToday().plusYears(1).toString());
        d.body.put("incoterm", "FOB").put("transportMethod", "SEA_FREIGHT");
        return d;
    }

    /** A buyer's draft to {@code supplier}: 500 panels at 12.00, FOB; the supplier completes the rest. */
    static Drafts aBuyerDraftTo(String supplier) {
        Drafts d = new Drafts();
        d.body.put("supplierCompanyId", supplier).put("buyerEmail", "purchasing@buyer.example");
        d.parties();
        d.body.put("currency", "USD").put("incoterm", "FOB");
        d.body.putArray("lines").addObject().put("productName", "LED panel").put("model", "LP-600")
                .put("unitPrice", "12.00").put("quantity", 500);
        return d;
    }

    private void parties() {
        body.putObject("buyerContact").put("companyName", "Nordlicht Handels GmbH").put("contactName", "Anna Berger")
                .put("phone", "+49 30 1234567");
        body.putObject("deliveryAddress").put("street", "Hafenstrasse 12").put("city", "Hamburg").put("zipCode", "20457")
                .put("country", "DE");
    }

    private void line(String unitPrice, int quantity) {
        body.putArray("lines").addObject().put("productName", "LED panel").put("model", "LP-600")
                .put("specification", "600x600 mm, 40 W").put("color", "white").put("packaging", "carton, 4 pieces each")
                .put("unitPrice", unitPrice).put("quantity", quantity);
    }

    /** An e-Collection draft: the same proforma invoice, paid in full by remittance, so no installments. */
    Drafts eCollection() {
        body.remove("installments");
        body.put("kind", "E_COLLECTION");
        return this;
    }

    /** Sets a top-level field to a text (or, with null, to JSON null). */
    Drafts with(String field, String value) {
        body.put(field, value);
        return this;
    }

    Drafts without(String field) {
        body.remove(field);
        return this;
    }

    Drafts buyerEmail(String email) {
        return with("buyerEmail", email);
    }

    Drafts country(String country) {
        ((ObjectNode) body.get("deliveryAddress")).put("country", country);
        return this;
    }

    Drafts unitPrice(String price) {
        firstLine().put("unitPrice", price);
        return this;
    }

    Drafts quantity(int quantity) {
        firstLine().put("quantity", quantity);
        return this;
    }

    /** The shipment deadline as {@code days} after production starts, instead of a date. */
    Drafts shipWithinDays(int days) {
        body.remove("shipmentDeadline");
        body.put("shipWithinDays", days);
        return this;
    }

    /** One more line, after those the draft has. */
    Drafts andLine(String model, String unitPrice, int quantity) {
        ((ArrayNode) body.get("lines")).addObject().put("productName", "LED panel").put("model", model)
                .put("unitPrice", unitPrice).put("quantity", quantity);
        return this;
    }

    Drafts noInstallments() {
        body.putArray("installments");
        return this;
    }

    Drafts installment(String name, int percent, String due) {
        ((ArrayNode) body.get("installments")).addObject().put("name", name).put("percent", percent).put("due", due);
        return this;
    }

    Drafts balanceAfterShipment(String name, int percent, int dueDays) {
        ((ArrayNode) body.get("installments")).addObject().put("name", name).put("percent", percent)
                .put("due", "AFTER_SHIPMENT").put("dueDays", dueDays);
        return this;
    }

    /** The body as a tree, for a test that edits what no method here names. */
    ObjectNode tree() {
        return body.deepCopy();
    }

    String json() {
        return body.toString();
    }

    @Override
    public String toString() {
        return json();
    }

    private ObjectNode firstLine() {
        return (ObjectNode) body.get("lines").get(0);
    }

    /** Today on order-service's clock (UTC), which an operator may have moved. */
    static LocalDate serviceToday() {
        JsonNode clock = given().auth().oauth2(Tokens.operator("OPS")).get("/ops/clock").then().statusCode(200)
                .extract().as(JsonNode.class);
        return LocalDate.ofInstant(Instant.parse(clock.path("now").asText()), ZoneOffset.UTC);
    }
}
