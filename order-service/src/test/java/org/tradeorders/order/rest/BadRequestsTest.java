package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigInteger;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.SharedInfra;
import org.tradeorders.platform.testing.Tokens;

/**
 * Bad input gets a clear 4xx in problem+json naming the field and the reason, is never adjusted to
 * fit, and changes nothing; the framework's own refusals have the same shape.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class BadRequestsTest {
    /** Non-ASCII is sent escaped, so an unpaired surrogate reaches the service as written. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** A valid draft with one change made to its tree. */
    static String draftWith(Consumer<ObjectNode> change) throws Exception {
        ObjectNode draft = Drafts.aDraftFor(OrderLifecycleTest.BUYER).tree();
        change.accept(draft);
        return JSON.writeValueAsString(draft);
    }

    static ObjectNode firstLine(ObjectNode draft) {
        return (ObjectNode) draft.withArray("lines").get(0);
    }

    /** Drafts under a supplier of its own, so "nothing changed" is its order count staying 0. */
    static ValidatableResponse draftAs(String supplier, String body) {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body(body)
                .post("/orders").then();
    }

    static void refused(String body, String field, String reason) {
        String supplier = "SUP-BAD-" + UUID.randomUUID();
        draftAs(supplier, body).log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason))
                .body(not(containsString("java."))).body(not(containsString("org.tradeorders")));
        given().auth().oauth2(Tokens.supplier(supplier)).get("/orders").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aPlanOfMoreInstallmentsThanConfiguredIsRefused() {
        Drafts thirteenParts = Drafts.aDraftFor(OrderLifecycleTest.BUYER).noInstallments().installment("Deposit", 4, "BEFORE_PRODUCTION");
        for (int part = 1; part <= 12; part++) {
            thirteenParts.installment("Part " + part, 8, "BEFORE_SHIPMENT");
        }
        refused(thirteenParts.json(), "installments", "at most 12 installments");
    }

    @Test
    void aFractionalQuantityIsRefusedNotTruncated() throws Exception {
        refused(draftWith(d -> firstLine(d).put("quantity", 10.5)), "lines[0].quantity", "must be a whole number");
    }

    @Test
    void aQuantityBeyondTheIntegerRangeIsRefusedNamingTheField() throws Exception {
        refused(draftWith(d -> firstLine(d).put("quantity", new BigInteger("100000000000000000000"))),
                "lines[0].quantity", "out of range");
    }

    @Test
    void controlCharactersAndInvalidUnicodeAreRefusedNeverReplaced() throws Exception {
        refused(draftWith(d -> firstLine(d).put("productName", "LED\u0007panel")), "lines[0].productName", "must be text");
        refused(draftWith(d -> firstLine(d).put("productName", "LED\u0000panel")), "lines[0].productName", "must be text");
        refused(draftWith(d -> firstLine(d).put("model", "LP-\ud800")), "lines[0].model", "must be text");
    }

    @Test
    void aBodyOfTheWrongShapeIsTold() throws Exception {
        refused(draftWith(d -> d.put("lines", "three panels")), "lines", "must be an array");
        refused("{\"buyerCompanyId\": ", "body", "is not valid JSON");
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedNotIgnored() throws Exception {
        refused(draftWith(d -> d.put("shipWithinDay", 30)), "shipWithinDay", "is not a known field");
        refused(draftWith(d -> firstLine(d).put("colour", "white")), "lines[0].colour", "is not a known field");
    }

    @Test
    void anEnumIsItsExactNameNeverTrimmedToFit() throws Exception {
        refused(draftWith(d -> d.put("incoterm", "FOB\u0007")), "incoterm", "must be");
        refused(draftWith(d -> d.put("incoterm", " FOB ")), "incoterm", "must be");
    }

    @Test
    void parametersThatAreNoTextAreRefusedNamingThem() {
        String token = Tokens.supplier(OrderLifecycleTest.SUPPLIER);
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/orders?counterparty=BUY%07X").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("counterparty"));
        given().auth().oauth2(token).urlEncodingEnabled(false).get("/orders/ORD%C3%28X").then().statusCode(400)
                .body("errors[0].field", equalTo("id")).body("errors[0].reason", containsString("not UTF-8"));
    }

    @Test
    void aBodyThatIsNotJsonIs415EvenWhereTheBodyIsOptional() {
        String id = OrderLifecycleTest.draft();
        given().auth().oauth2(Tokens.supplier(OrderLifecycleTest.SUPPLIER)).contentType(ContentType.TEXT)
                .body("{\"reason\":\"changed my mind\"}").post("/orders/" + id + "/cancel").then().statusCode(415)
                .contentType("application/problem+json");
        OrderLifecycleTest.get(id, Tokens.supplier(OrderLifecycleTest.SUPPLIER)).statusCode(200).body("state", equalTo("DRAFT"));
    }

    @Test
    void aMalformedQueryParameterIs400() {
        given().auth().oauth2(Tokens.supplier(OrderLifecycleTest.SUPPLIER)).get("/orders?page=first").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theFrameworksOwnRefusalsAreProblemsToo() {
        String token = Tokens.supplier(OrderLifecycleTest.SUPPLIER);
        given().auth().oauth2(token).get("/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("not-found"));
        given().auth().oauth2(token).delete("/orders").then().statusCode(405)
                .contentType("application/problem+json").body("type", containsString("method-not-allowed"));
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("an order please").post("/orders").then()
                .statusCode(415).contentType("application/problem+json").body("type", containsString("unsupported-media-type"));
        given().auth().oauth2(token).accept(ContentType.XML).get("/orders").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void a401SaysWhyTheTokenIsRefused() {
        given().get("/orders").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("type", containsString("unauthenticated-missing"));
        String expired = SharedInfra.get().tokens().issue("supplier", OrderLifecycleTest.SUPPLIER, Duration.ofMinutes(-10));
        given().auth().oauth2(expired).get("/orders").then().statusCode(401).contentType("application/problem+json")
                .body("type", containsString("unauthenticated-expired"));
        String token = Tokens.supplier(OrderLifecycleTest.SUPPLIER);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ";
        given().auth().oauth2(tampered).get("/orders").then().statusCode(401).contentType("application/problem+json")
                .body("type", containsString("unauthenticated-bad-signature"));
        given().auth().oauth2("not-a-jwt").get("/orders").then().statusCode(401).contentType("application/problem+json")
                .body("type", containsString("unauthenticated-malformed"));
    }

    @Test
    void aBodyAboveTheLimitIsRefusedBeforeItIsRead() {
        String huge = "{\"note\":\"" + "x".repeat(1_100_000) + "\"}";
        given().auth().oauth2(Tokens.supplier(OrderLifecycleTest.SUPPLIER)).contentType(ContentType.JSON).body(huge)
                .post("/orders").then().statusCode(413).contentType("application/problem+json")
                .body("type", containsString("body-too-large"));
    }
}
