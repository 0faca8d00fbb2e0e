package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.deadline.Deadlines;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Mailbox;
import org.tradeorders.platform.testing.SharedInfra;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * order-service against the real broker and database; other services' events are put on their topics.
 * The tests run in a shuffled order, new each run ({@link ShuffledOrder}): none relies on another, not
 * even those that move the shared clock, because each reads its dates from that clock and asserts only
 * on its own orders.
 */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class OrderLifecycleTest {
    static final String SUPPLIER = "SUP-ORD-1";
    static final String BUYER = "BUY-ORD-1";

    /** After each test, every event published so far matches its schema (the test's own among them). */
    @AfterEach
    void everyEventSoFarMatchesItsSchema() {
        EventContracts.assertAllValid(TopicProbe.readAll("order-events"));
    }

    static String draft() {
        return given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body(Drafts.aDraftFor(BUYER).json())
                .post("/orders").then().statusCode(201).body("state", equalTo("DRAFT"))
                .body("total.amount", equalTo("12500.00")).extract().path("id");
    }

    static ValidatableResponse get(String id, String token) {
        return given().auth().oauth2(token).get("/orders/" + id).then();
    }

    static String confirmedOrder() {
        String id = draft();
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).post("/orders/" + id + "/submit").then().statusCode(200)
                .body("state", equalTo("AWAITING_CONFIRMATION"));
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(200).body("state", equalTo("AWAITING_CREDIT"));
        return id;
    }

    static void credit(String type, String orderId, String data) {
        TestEvents.publish("credit-limit-events", UUID.randomUUID().toString(), type, "/credit-limit-service", orderId, data);
    }

    static void payment(String eventId, String orderId, int seq, String amount) {
        TestEvents.publish("payment-events", eventId, "tradeorders.PaymentReceived.v1", "/payment-service", orderId,
                """
                {"paymentId":"%s","orderId":"%s","installmentSeq":%d,"amount":{"amount":"%s","currency":"USD"},
                 "channel":"CARD","linkId":"l"}""".formatted(UUID.randomUUID(), orderId, seq, amount));
    }

    @Test
    void supplierDraftsBuyerConfirmsAndTheEventIsPublished() {
        String id = confirmedOrder();
        ConsumerRecord<String, String> confirmed = TopicProbe.await("order-events", "tradeorders.OrderConfirmed.v1", id);
        assertThat(confirmed.key()).isEqualTo(id);
        EventContracts.assertValid(confirmed);
        get(id, Tokens.buyer(BUYER)).statusCode(200)
                .body("events.type", hasItems("tradeorders.OrderDrafted.v1", "tradeorders.OrderSubmitted.v1",
                        "tradeorders.OrderConfirmed.v1"));
    }

    @Test
    void happyPathToCompletionThroughOtherServicesEvents() {
        String id = confirmedOrder();
        credit("tradeorders.CreditReserved.v1", id, """
                {"orderId":"%s","supplierId":"%s","reserved":{"amount":"12500.00","currency":"USD"}}""".formatted(id, SUPPLIER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.supplier(SUPPLIER)).body("state", equalTo("AWAITING_PAYMENT")));

        payment(UUID.randomUUID().toString(), id, 1, "3750.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.supplier(SUPPLIER)).body("state", equalTo("IN_PRODUCTION")));
        payment(UUID.randomUUID().toString(), id, 2, "8750.00");
        TopicProbe.await("order-events", "tradeorders.OrderReadyToShip.v1", id);

        TestEvents.publish("fulfillment-events", UUID.randomUUID().toString(), "tradeorders.ShipmentSubmitted.v1",
                "/fulfillment-service", id, """
                {"shipmentId":"s-1","orderId":"%s","supplierId":"%s","complete":true}""".formatted(id, SUPPLIER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.buyer(BUYER)).body("state", equalTo("SHIPPED")));

        given().auth().oauth2(Tokens.buyer(BUYER)).post("/orders/" + id + "/confirm-receipt").then().statusCode(200)
                .body("state", equalTo("COMPLETED"));
        EventContracts.assertValid(TopicProbe.await("order-events", "tradeorders.OrderCompleted.v1", id));

        // the timeline: every service's events about the order, in order, with who acted
        given().auth().oauth2(Tokens.operator("OPS")).get("/orders/" + id + "/timeline?size=100").then().statusCode(200)
                .body("items.type", hasItems("tradeorders.OrderDrafted.v1", "tradeorders.CreditReserved.v1",
                        "tradeorders.PaymentReceived.v1", "tradeorders.ShipmentSubmitted.v1", "tradeorders.OrderCompleted.v1"))
                .body("items.find { it.type == 'tradeorders.PaymentReceived.v1' }.actor", equalTo("BUYER"))
                .body("items.find { it.type == 'tradeorders.PaymentReceived.v1' }.source", equalTo("/payment-service"))
                .body("items.find { it.type == 'tradeorders.ShipmentSubmitted.v1' }.actor", equalTo("SUPPLIER"))
                .body("items.find { it.type == 'tradeorders.OrderConfirmed.v1' }.actor", equalTo("BUYER"))
                .body("items.find { it.type == 'tradeorders.CreditReserved.v1' }.actor", equalTo("SYSTEM"));
        List<String> at = given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + id + "/timeline?size=100").then()
                .extract().path("items.at");
        assertThat(at).isSortedAccordingTo(Comparator.comparing(Instant::parse));
        given().auth().oauth2(Tokens.buyer("BUY-SOMEONE-ELSE")).get("/orders/" + id + "/timeline").then().statusCode(404);
    }

    @Test
    void aRedeliveredPaymentIsAppliedOnce() {
        String id = confirmedOrder();
        credit("tradeorders.CreditReserved.v1", id, """
                {"orderId":"%s","supplierId":"%s","reserved":{"amount":"12500.00","currency":"USD"}}""".formatted(id, SUPPLIER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.supplier(SUPPLIER)).body("state", equalTo("AWAITING_PAYMENT")));

        String eventId = UUID.randomUUID().toString();
        payment(eventId, id, 1, "1000.00");
        payment(eventId, id, 1, "1000.00"); // the same event, delivered again
        payment(UUID.randomUUID().toString(), id, 2, "1.00"); // a later event: once it is applied, so were the two before
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.supplier(SUPPLIER))
                .body("installments[1].paid.amount", equalTo("1.00")));
        get(id, Tokens.supplier(SUPPLIER)).body("installments[0].paid.amount", equalTo("1000.00"))
                .body("state", equalTo("AWAITING_PAYMENT"));
    }

    @Test
    void anOrderOfSeveralLinesAndInstallmentsReadsBackEachOnceInItsPlaceAndAPaymentMovesOnlyItsInstallment() {
        String supplier = Tokens.supplier(SUPPLIER);
        Drafts terms = Drafts.aDraftFor(BUYER).andLine("LP-300", "8.00", 200).andLine("LP-1200", "30.00", 10).noInstallments()
                .installment("Deposit", 20, "BEFORE_PRODUCTION").installment("Second", 30, "BEFORE_PRODUCTION")
                .installment("Balance", 50, "BEFORE_SHIPMENT");
        String id = given().auth().oauth2(supplier).contentType(ContentType.JSON).body(terms.json()).post("/orders").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(supplier).post("/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(200);
        credit("tradeorders.CreditReserved.v1", id, """
                {"orderId":"%s","supplierId":"%s","reserved":{"amount":"14400.00","currency":"USD"}}""".formatted(id, SUPPLIER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, supplier).body("state", equalTo("AWAITING_PAYMENT")));

        payment(UUID.randomUUID().toString(), id, 2, "100.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, supplier)
                .body("installments[1].paid.amount", equalTo("100.00")));
        get(id, supplier).body("lines.model", contains("LP-600", "LP-300", "LP-1200"))
                .body("installments.seq", contains(1, 2, 3)).body("installments.name", contains("Deposit", "Second", "Balance"))
                .body("installments.paid.amount", contains("0.00", "100.00", "0.00"));
    }

    @Test
    void creditRejectionSendsTheOrderBackToDraftWithTheReason() {
        String id = confirmedOrder();
        credit("tradeorders.CreditReservationRejected.v1", id, """
                {"orderId":"%s","supplierId":"%s","reason":"CREDIT_LIMIT_EXCEEDED","requested":{"amount":"12500.00","currency":"USD"},
                 "available":{"amount":"2000.00","currency":"USD"}}""".formatted(id, SUPPLIER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.supplier(SUPPLIER))
                .body("state", equalTo("DRAFT"))
                .body("returnedToDraft.reason", equalTo("CREDIT_LIMIT_EXCEEDED"))
                .body("returnedToDraft.availableCredit.amount", equalTo("2000.00")));
    }

    @Test
    void badInputIsAProblemNamingEachFieldAndChangesNothing() {
        // a supplier of its own, so "nothing changed" is its having no order and no event
        String company = "SUP-BADIN-" + UUID.randomUUID();
        String supplier = Tokens.supplier(company);
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body("""
                {"buyerCompanyId":"%s","buyerEmail":"not-an-email","currency":"XYZ",
                 "buyerContact":{"companyName":"Nordlicht","contactName":"","phone":"call me"},
                 "deliveryAddress":{"street":"Hafenstrasse 12","city":"Hamburg","zipCode":"#!","country":"de"},
                 "lines":[{"productName":"LED panel","model":"LP-600","unitPrice":"0","quantity":-5}],
                 "shippingCost":"10","installments":[{"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION"}],
                 "shipmentDeadline":"2030-01-01","incoterm":"FOB","transportMethod":"SEA_FREIGHT"}""".formatted(BUYER))
                .post("/orders").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("buyerEmail", "lines[0].unitPrice", "lines[0].quantity",
                        "buyerContact.contactName", "buyerContact.phone", "deliveryAddress.zipCode", "deliveryAddress.country"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).without("buyerEmail").without("incoterm").country("XX").json())
                .post("/orders").then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("buyerEmail", "incoterm"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).country("XX").noInstallments()
                        .installment("Deposit", 30, "BEFORE_PRODUCTION").installment("Balance", 70, "AFTER_SHIPMENT").json())
                .post("/orders").then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("deliveryAddress.country", "installments[1].dueDays"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).with("incoterm", "FOO").json())
                .post("/orders").then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("incoterm"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).with("currency", "XYZ").noInstallments()
                        .installment("Deposit", 30, "BEFORE_PRODUCTION").installment("Balance", 60, "BEFORE_SHIPMENT").json())
                .post("/orders").then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("currency", "installments"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).with("shipmentDeadline", null).json())
                .post("/orders").then().statusCode(400).body("errors.field", hasItem("shipmentDeadline"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body("{\"lines\": 5}")
                .post("/orders").then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lines"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).with("shipmentDeadline", "2020-01-01").json())
                .post("/orders").then().statusCode(400).body("errors.field", hasItem("shipmentDeadline"))
                .body("errors.find { it.field == 'shipmentDeadline' }.reason", containsString("future"));
        given().auth().oauth2(supplier).get("/orders").then().statusCode(200).body("total", equalTo(0));
        assertThat(TopicProbe.readAll("order-events")).noneMatch(r -> company.equals(TopicProbe.data(r).path("supplierId").asText()));
    }

    @Test
    void aDraftRetriedWithItsIdempotencyKeyIsDraftedOnceAndAnsweredWithTheSameText() {
        String key = UUID.randomUUID().toString();
        String firstAnswer = given().auth().oauth2(Tokens.supplier(SUPPLIER)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Drafts.aDraftFor(BUYER).json()).post("/orders").then().statusCode(201)
                .contentType(ContentType.JSON).body("state", equalTo("DRAFT")).extract().asString();
        String replayed = given().auth().oauth2(Tokens.supplier(SUPPLIER)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Drafts.aDraftFor(BUYER).json()).post("/orders").then().statusCode(201)
                .header("Idempotent-Replayed", "true").contentType(ContentType.JSON).extract().asString();
        assertThat(replayed).isEqualTo(firstAnswer);
        String first = JsonPath.from(firstAnswer).getString("id");
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).quantity(999).json()).post("/orders").then().statusCode(422);
        TopicProbe.await("order-events", "tradeorders.OrderDrafted.v1", first);
        assertThat(TopicProbe.readAll("order-events").stream().filter(r -> "tradeorders.OrderDrafted.v1".equals(
                TopicProbe.header(r, "ce_type")) && TopicProbe.data(r).path("orderId").asText().equals(first))).hasSize(1);
    }

    @Test
    void theProformaInvoiceCarriesEverySeedFieldIntoTheViewAndTheEvents() {
        String id = draft();
        get(id, Tokens.buyer(BUYER)).statusCode(200).body("kind", equalTo("TRADE_ASSURANCE"))
                .body("delivery.buyerContact.companyName", equalTo("Nordlicht Handels GmbH"))
                .body("delivery.buyerContact.contactName", equalTo("Anna Berger"))
                .body("delivery.buyerContact.phone", equalTo("+49 30 1234567"))
                .body("delivery.address.zipCode", equalTo("20457")).body("delivery.address.country", equalTo("DE"))
                .body("delivery.incoterm", equalTo("FOB")).body("delivery.transportMethod", equalTo("SEA_FREIGHT"))
                .body("lines[0].color", equalTo("white")).body("lines[0].packaging", equalTo("carton, 4 pieces each"))
                .body("lines[0].specification", equalTo("600x600 mm, 40 W"));
        var drafted = TopicProbe.await("order-events", "tradeorders.OrderDrafted.v1", id);
        EventContracts.assertValid(drafted);
        var data = TopicProbe.data(drafted);
        assertThat(data.path("kind").asText()).isEqualTo("TRADE_ASSURANCE");
        assertThat(data.path("delivery").path("address").path("city").asText()).isEqualTo("Hamburg");
        assertThat(data.path("delivery").path("incoterm").asText()).isEqualTo("FOB");
        assertThat(data.path("lines").path(0).path("packaging").asText()).isEqualTo("carton, 4 pieces each");
    }

    @Test
    void aBuyerEditsItsOwnDraftOnlyWhileItIsTheBuyersDraft() {
        String id = buyerDraft();
        String buyer = Tokens.buyer(BUYER);
        String supplier = Tokens.supplier(SUPPLIER);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(buyerDraftOf(600, "CIF").json())
                .put("/orders/" + id + "/buyer-initiated").then().statusCode(200).body("version", equalTo(2))
                .body("total.amount", equalTo("7200.00")).body("delivery.incoterm", equalTo("CIF"));
        var revised = TopicProbe.await("order-events", "tradeorders.OrderRevised.v1", id);
        EventContracts.assertValid(revised);
        assertThat(TopicProbe.data(revised).path("revisedBy").asText()).isEqualTo("BUYER");
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body(buyerDraftOf(700, "CIF").json())
                .put("/orders/" + id + "/buyer-initiated").then().statusCode(403);
        given().auth().oauth2(buyer).contentType(ContentType.JSON)
                .body(buyerDraftOf(700, "CIF").buyerEmail("other@buyer.example").json())
                .put("/orders/" + id + "/buyer-initiated").then().statusCode(400).body("errors[0].field", equalTo("buyerEmail"));

        given().auth().oauth2(buyer).post("/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(buyerDraftOf(700, "CIF").json())
                .put("/orders/" + id + "/buyer-initiated").then().statusCode(409).body("type", containsString("not-buyer-draft"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body("{\"note\":\"minimum order is 800 pieces\"}")
                .post("/orders/" + id + "/request-modification").then().statusCode(200).body("state", equalTo("DRAFT"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(buyerDraftOf(800, "CIF").json())
                .put("/orders/" + id + "/buyer-initiated").then().statusCode(200).body("version", equalTo(3))
                .body("total.amount", equalTo("9600.00"));
        get(id, supplier).body("lines[0].quantity", equalTo(800));

        // a buyer never edits a supplier's draft: it asks for a modification instead
        String supplierDraft = draft();
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(buyerDraftOf(700, "CIF").json())
                .put("/orders/" + supplierDraft + "/buyer-initiated").then().statusCode(409);
        get(supplierDraft, buyer).body("version", equalTo(1));
    }

    @Test
    void aModificationRoundMakesANewVersionAndAStaleConfirmationIsRefused() {
        String id = draft();
        String supplier = Tokens.supplier(SUPPLIER);
        String buyer = Tokens.buyer(BUYER);
        given().auth().oauth2(supplier).post("/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"note\":\"11.90 per panel, please\"}")
                .post("/orders/" + id + "/request-modification").then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("modificationNote", equalTo("11.90 per panel, please"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body(Drafts.aDraftFor(BUYER).unitPrice("11.90").json())
                .put("/orders/" + id).then().statusCode(200).body("version", equalTo(2))
                .body("total.amount", equalTo("12050.00")).body("installments[0].amount.amount", equalTo("3615.00"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).buyerEmail("someone@else.example").json())
                .put("/orders/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("buyerEmail"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Drafts.aDraftFor(BUYER).json()).put("/orders/" + id)
                .then().statusCode(403);
        get(id, buyer).body("version", equalTo(2)).body("total.amount", equalTo("12050.00"));

        given().auth().oauth2(supplier).post("/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(409).body("type", containsString("stale-version"));
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"version\":2}")
                .post("/orders/" + id + "/confirm").then().statusCode(200).body("state", equalTo("AWAITING_CREDIT"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body(Drafts.aDraftFor(BUYER).json()).put("/orders/" + id)
                .then().statusCode(409).body("type", containsString("terms-fixed"));

        var confirmed = TopicProbe.await("order-events", "tradeorders.OrderConfirmed.v1", id);
        assertThat(TopicProbe.data(confirmed).path("version").asInt()).isEqualTo(2);
        assertThat(TopicProbe.data(confirmed).path("total").path("amount").asText()).isEqualTo("12050.00");
        List<String> types = TopicProbe.readAll("order-events").stream().filter(r -> id.equals(r.key()))
                .map(r -> TopicProbe.header(r, "ce_type")).toList();
        assertThat(types).containsExactly("tradeorders.OrderDrafted.v1", "tradeorders.OrderSubmitted.v1",
                "tradeorders.OrderModificationRequested.v1", "tradeorders.OrderRevised.v1", "tradeorders.OrderSubmitted.v1",
                "tradeorders.OrderConfirmed.v1");
    }

    @Test
    void partiesListTheirOwnOrdersNewestFirstWithFiltersAndPages() {
        String sup = "SUP-LIST-" + UUID.randomUUID();
        String buyer1 = "BUY-L1-" + UUID.randomUUID();
        String buyer2 = "BUY-L2-" + UUID.randomUUID();
        String supplier = Tokens.supplier(sup);
        String first = given().auth().oauth2(supplier).contentType(ContentType.JSON).body(Drafts.aDraftFor(buyer1).json())
                .post("/orders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body(Drafts.aDraftFor(buyer1).json()).post("/orders").then().statusCode(201);
        String newest = given().auth().oauth2(supplier).contentType(ContentType.JSON).body(Drafts.aDraftFor(buyer2).json())
                .post("/orders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(supplier).post("/orders/" + first + "/submit").then().statusCode(200);

        String created = given().auth().oauth2(supplier).get("/orders").then().statusCode(200)
                .body("total", equalTo(3)).body("items[0].id", equalTo(newest)).body("items[0].kind", equalTo("TRADE_ASSURANCE"))
                .extract().path("items[0].createdAt");
        String day = created.substring(0, 10);
        given().auth().oauth2(supplier).queryParam("state", "AWAITING_CONFIRMATION").get("/orders").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(first));
        given().auth().oauth2(supplier).queryParam("counterparty", buyer1).get("/orders").then().body("total", equalTo(2));
        given().auth().oauth2(supplier).queryParam("size", 2).queryParam("page", 1).get("/orders").then()
                .body("items", hasSize(1)).body("total", equalTo(3));
        given().auth().oauth2(supplier).queryParam("createdFrom", day).queryParam("createdTo", day).get("/orders").then()
                .body("total", equalTo(3));
        given().auth().oauth2(supplier).queryParam("createdTo", LocalDate.parse(day).minusDays(1).toString()).get("/orders")
                .then().body("total", equalTo(0));
        given().auth().oauth2(Tokens.buyer(buyer1)).get("/orders").then().body("total", equalTo(2));
        given().auth().oauth2(Tokens.buyer(buyer2)).get("/orders").then().body("total", equalTo(1))
                .body("items[0].supplierId", equalTo(sup)).body("items[0].buyerCompanyName", equalTo("Nordlicht Handels GmbH"));
        given().auth().oauth2(supplier).queryParam("kind", "TRADE_ASSURANCE").queryParam("initiator", "SUPPLIER")
                .get("/orders").then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(supplier).queryParam("initiator", "BUYER").get("/orders").then().body("total", equalTo(0));
        given().auth().oauth2(supplier).queryParam("kind", "BARTER").get("/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(supplier).queryParam("state", "NOPE").queryParam("createdFrom", "yesterday").get("/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("state", "createdFrom"));
        given().auth().oauth2(supplier).queryParam("size", 1000).get("/orders").then().statusCode(400);
    }

    static List<String> subjectsTo(String address, String orderId) {
        return Mailbox.to(address).stream().map(m -> m.subject())
                .filter(subject -> subject.contains(orderId)).toList();
    }

    @Test
    void theCounterpartyIsToldByEmailOverRealSmtp() {
        String id = draft();
        String supplierMail = "supplier@" + SUPPLIER.toLowerCase() + ".example.test";
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).post("/orders/" + id + "/submit").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjectsTo("purchasing@buyer.example", id))
                .containsExactly("Order " + id + " awaits your confirmation"));
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"note\":\"blue, not white\"}")
                .post("/orders/" + id + "/request-modification").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjectsTo(supplierMail, id))
                .containsExactly("Changes requested on order " + id));
        assertThat(Mailbox.to(supplierMail).stream()
                .filter(m -> m.subject().contains(id)).findFirst().orElseThrow().body()).contains("blue, not white");
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).post("/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjectsTo(supplierMail, id))
                .contains("Order " + id + " confirmed"));
        // a refused action sends nothing
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(409);
        assertThat(subjectsTo("purchasing@buyer.example", id)).hasSize(2); // sent for confirmation, twice
    }

    @Test
    void absurdAmountsAndQuantitiesAreRefused() {
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).unitPrice("99999999999999999.99").quantity(20000000).json())
                .post("/orders").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("lines[0].unitPrice"));
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).quantity(20000000).json())
                .post("/orders").then().statusCode(400).body("errors.field", hasItems("lines[0].quantity"));
    }

    @Test
    void onlyThePartiesSeeOrActOnAnOrder() {
        String id = draft();
        get(id, Tokens.buyer("BUY-SOMEONE-ELSE")).statusCode(404).contentType("application/problem+json");
        get(id, Tokens.supplier("SUP-SOMEONE-ELSE")).statusCode(404);
        get(id, Tokens.operator("PLATFORM")).statusCode(200);
        given().get("/orders/" + id).then().statusCode(401);
        // the buyer cannot submit the supplier's draft, nor confirm it before it is submitted
        given().auth().oauth2(Tokens.buyer(BUYER)).post("/orders/" + id + "/submit").then().statusCode(409);
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(409).body("detail", containsString("DRAFT"));
        // a buyer cannot draft a Trade Assurance order in this release
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body(Drafts.aDraftFor(SUPPLIER).json())
                .post("/orders").then().statusCode(403);
    }

    @Test
    void eventsWaitInTheOutboxWhileTheBrokerIsDownAndArriveInOrderAfterwards() {
        SharedInfra.get().kafka().stop();
        String id;
        try {
            id = confirmedOrder(); // accepted while the broker is down: the events wait in the outbox
            get(id, Tokens.supplier(SUPPLIER)).body("events.published", hasItem(false));
        } finally {
            SharedInfra.get().kafka().start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get(id, Tokens.supplier(SUPPLIER))
                .body("events.published", everyItem(equalTo(true))));
        var types = TopicProbe.readAll("order-events").stream().filter(r -> id.equals(r.key()))
                .map(r -> TopicProbe.header(r, "ce_type")).toList();
        assertThat(types).containsSubsequence("tradeorders.OrderDrafted.v1", "tradeorders.OrderSubmitted.v1",
                "tradeorders.OrderConfirmed.v1");
    }

    static void reserveCredit(String id) {
        credit("tradeorders.CreditReserved.v1", id, """
                {"orderId":"%s","supplierId":"%s","reserved":{"amount":"12500.00","currency":"USD"}}""".formatted(id, SUPPLIER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.supplier(SUPPLIER)).body("state", equalTo("AWAITING_PAYMENT")));
    }

    static long cancellations(String id) {
        return TopicProbe.readAll("order-events").stream().filter(r -> id.equals(r.key())
                && "tradeorders.OrderCancelled.v1".equals(TopicProbe.header(r, "ce_type"))).count();
    }

    @Test
    void eitherPartyCancelsBeforePaymentButNotAfter() {
        String id = draft();
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).post("/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"reason\":\"found another supplier\"}")
                .post("/orders/" + id + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        var cancelled = TopicProbe.await("order-events", "tradeorders.OrderCancelled.v1", id);
        EventContracts.assertValid(cancelled);
        assertThat(TopicProbe.data(cancelled).path("cancelledBy").asText()).isEqualTo("BUYER");
        assertThat(TopicProbe.data(cancelled).path("previousState").asText()).isEqualTo("AWAITING_CONFIRMATION");
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body("{}")
                .post("/orders/" + id + "/cancel").then().statusCode(409);

        String partlyPaid = confirmedOrder();
        reserveCredit(partlyPaid);
        payment(UUID.randomUUID().toString(), partlyPaid, 1, "100.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(partlyPaid, Tokens.supplier(SUPPLIER))
                .body("installments[0].paid.amount", equalTo("100.00")));
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body("{}")
                .post("/orders/" + partlyPaid + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("refund"));
        get(partlyPaid, Tokens.supplier(SUPPLIER)).body("state", equalTo("AWAITING_PAYMENT"));

        // the initiator drops its own draft
        String dropped = draft();
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body("{}")
                .post("/orders/" + dropped + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        // credit reserved, nothing paid yet: still cancellable, and the payment timer goes with it
        String unpaid = confirmedOrder();
        reserveCredit(unpaid);
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body("{\"reason\":\"out of stock\"}")
                .post("/orders/" + unpaid + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"))
                .body("deadlines.size()", equalTo(0));
        assertThat(TopicProbe.data(TopicProbe.await("order-events", "tradeorders.OrderCancelled.v1", unpaid))
                .path("previousState").asText()).isEqualTo("AWAITING_PAYMENT");
        // in production only a refund the supplier agrees to ends the order
        String producing = confirmedOrder();
        reserveCredit(producing);
        payment(UUID.randomUUID().toString(), producing, 1, "3750.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(producing, Tokens.buyer(BUYER))
                .body("state", equalTo("IN_PRODUCTION")));
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{}")
                .post("/orders/" + producing + "/cancel").then().statusCode(409).body("detail", containsString("refund"));
    }

    @Inject
    Deadlines deadlines;

    static String shippedOrder() {
        String id = confirmedOrder();
        reserveCredit(id);
        payment(UUID.randomUUID().toString(), id, 1, "3750.00");
        payment(UUID.randomUUID().toString(), id, 2, "8750.00");
        TopicProbe.await("order-events", "tradeorders.OrderReadyToShip.v1", id);
        TestEvents.publish("fulfillment-events", UUID.randomUUID().toString(), "tradeorders.ShipmentSubmitted.v1",
                "/fulfillment-service", id, """
                {"shipmentId":"s-2","orderId":"%s","supplierId":"%s","complete":true}""".formatted(id, SUPPLIER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.buyer(BUYER)).body("state", equalTo("SHIPPED")));
        return id;
    }

    static void advance(String body) {
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON).body(body).post("/ops/clock/advance")
                .then().statusCode(200);
    }

    static void extend(String token, String id, int days, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"days\":" + days + "}")
                .post("/orders/" + id + "/extend-receiving-window").then().statusCode(status);
    }

    static void propose(String id, int days, int status) {
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body("{\"days\":" + days + "}")
                .post("/orders/" + id + "/shipment-extension").then().statusCode(status);
    }

    static void answer(String id, boolean accept) {
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"accept\":" + accept + "}")
                .post("/orders/" + id + "/shipment-extension/answer").then().statusCode(200);
    }

    static long eventsOfType(String id, String type) {
        return TopicProbe.readAll("order-events").stream()
                .filter(r -> id.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type"))).count();
    }

    /** A buyer's draft to SUPPLIER of {@code quantity} panels at 12.00 under {@code incoterm}. */
    static Drafts buyerDraftOf(int quantity, String incoterm) {
        return Drafts.aBuyerDraftTo(SUPPLIER).quantity(quantity).with("incoterm", incoterm);
    }

    static String buyerDraft() {
        return given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body(buyerDraftOf(500, "FOB").json())
                .post("/orders/buyer-initiated").then().statusCode(201).body("initiator", equalTo("BUYER"))
                .body("supplierCompletedTerms", equalTo(false)).extract().path("id");
    }

    @Test
    void aBalanceDueAfterShipmentDoesNotHoldTheGoodsAndIsAnnouncedOnceWhenOverdue() {
        String id = given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).noInstallments().installment("Deposit", 30, "BEFORE_PRODUCTION")
                        .balanceAfterShipment("Balance", 70, 45).json())
                .post("/orders").then().statusCode(201).body("installments[1].dueDays", equalTo(45)).extract().path("id");
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).post("/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(200);
        reserveCredit(id);
        payment(UUID.randomUUID().toString(), id, 1, "3750.00"); // the deposit alone lets the goods ship
        TopicProbe.await("order-events", "tradeorders.OrderReadyToShip.v1", id);
        TestEvents.publish("fulfillment-events", UUID.randomUUID().toString(), "tradeorders.ShipmentSubmitted.v1",
                "/fulfillment-service", id, """
                {"shipmentId":"s-3","orderId":"%s","supplierId":"%s","complete":true}""".formatted(id, SUPPLIER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.buyer(BUYER)).body("state", equalTo("SHIPPED")));
        get(id, Tokens.buyer(BUYER)).body("installments[1].dueAt", notNullValue())
                .body("deadlines.ORDER_BALANCE_DUE", notNullValue())
                .body("deadlines.ORDER_RECEIPT_REMINDER", notNullValue());
        var shipped = TopicProbe.await("order-events", "tradeorders.OrderShipped.v1", id);
        EventContracts.assertValid(shipped);
        assertThat(TopicProbe.data(shipped).path("balancesDue").path(0).path("amount").path("amount").asText()).isEqualTo("8750.00");

        advance("{\"days\":25,\"hours\":1}"); // 5 days before the receiving window ends: the buyer is reminded
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOfType(id, "tradeorders.ReceivingWindowClosing.v1") == 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjectsTo("purchasing@buyer.example", id))
                .anyMatch(subject -> subject.startsWith("Confirm receipt of order " + id)));
        advance("{\"days\":5}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.buyer(BUYER)).body("state", equalTo("COMPLETED")));
        assertThat(eventsOfType(id, "tradeorders.InstallmentOverdue.v1")).isZero();

        payment(UUID.randomUUID().toString(), id, 2, "1000.00"); // a part of the balance arrives
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.buyer(BUYER))
                .body("installments[1].paid.amount", equalTo("1000.00")));
        advance("{\"days\":15}"); // 45 days after shipment
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOfType(id, "tradeorders.InstallmentOverdue.v1") == 1);
        var overdue = TopicProbe.await("order-events", "tradeorders.InstallmentOverdue.v1", id);
        EventContracts.assertValid(overdue);
        assertThat(TopicProbe.data(overdue).path("paid").path("amount").asText()).isEqualTo("1000.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjectsTo("purchasing@buyer.example", id))
                .contains("Payment of order " + id + " is overdue"));
        advance("{\"days\":1}");
        deadlines.fireDue();
        // the timer closed in the transaction that would have written a second announcement: there is none
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.buyer(BUYER))
                .body("deadlines.ORDER_BALANCE_DUE", nullValue()));
        get(id, Tokens.buyer(BUYER)).body("events.findAll { it.type == 'tradeorders.InstallmentOverdue.v1' }.size()",
                equalTo(1));
        assertThat(eventsOfType(id, "tradeorders.InstallmentOverdue.v1")).isEqualTo(1);
    }

    @Test
    void aBuyerInitiatedOrderIsCompletedAndConfirmedByTheSupplierOrCancelledUnconfirmed() {
        String id = buyerDraft();
        given().auth().oauth2(Tokens.buyer(BUYER)).post("/orders/" + id + "/submit").then().statusCode(200)
                .body("state", equalTo("AWAITING_CONFIRMATION"))
                .body("deadlines.ORDER_CONFIRMATION_TIMEOUT", notNullValue());
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(409).body("type", containsString("terms-incomplete"));
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).unitPrice("12.00").quantity(500).json())
                .put("/orders/" + id).then().statusCode(200).body("version", equalTo(2)).body("total.amount", equalTo("6150.00"));
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":2}")
                .post("/orders/" + id + "/confirm").then().statusCode(409); // the initiator does not confirm its own order
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body("{\"version\":2}")
                .post("/orders/" + id + "/confirm").then().statusCode(200).body("state", equalTo("AWAITING_CREDIT"))
                .body("deadlines.ORDER_CONFIRMATION_TIMEOUT", nullValue());

        String unanswered = buyerDraft();
        given().auth().oauth2(Tokens.buyer(BUYER)).post("/orders/" + unanswered + "/submit").then().statusCode(200);
        advance("{\"days\":30,\"hours\":1}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(unanswered, Tokens.buyer(BUYER))
                .body("state", equalTo("CANCELLED")));
        var cancelled = TopicProbe.await("order-events", "tradeorders.OrderCancelled.v1", unanswered);
        assertThat(TopicProbe.data(cancelled).path("reason").asText()).isEqualTo("UNCONFIRMED_TIMEOUT");
        EventContracts.assertValid(TopicProbe.await("order-events", "tradeorders.OrderDrafted.v1", unanswered));
        get(id, Tokens.buyer(BUYER)).body("state", equalTo("AWAITING_CREDIT"));
    }

    @Test
    void theShipmentDeadlineRemindsThenGoesOverdueAndExtensionsStopAtNinetyDays() {
        String id = given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).shipWithinDays(20).json())
                .post("/orders").then().statusCode(201).body("shipWithinDays", equalTo(20)).extract().path("id");
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).post("/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(200);
        reserveCredit(id);
        propose(id, 10, 409); // no deadline runs before production
        payment(UUID.randomUUID().toString(), id, 1, "3750.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.buyer(BUYER)).body("state", equalTo("IN_PRODUCTION")));
        LocalDate deadline = LocalDate.parse(get(id, Tokens.buyer(BUYER)).body("deadlines.ORDER_SHIPMENT_REMINDER",
                notNullValue()).extract().path("shipmentDeadline"));

        propose(id, 60, 200);
        answer(id, true);
        get(id, Tokens.buyer(BUYER)).body("shipmentDeadline", equalTo(deadline.plusDays(60).toString()))
                .body("shipmentExtensionDays", equalTo(60));
        propose(id, 31, 409); // 60 + 31 > 90: refused
        propose(id, 30, 200);
        answer(id, false);
        get(id, Tokens.buyer(BUYER)).body("shipmentDeadline", equalTo(deadline.plusDays(60).toString()))
                .body("shipmentExtensionDays", equalTo(60)).body("proposedExtensionDays", nullValue());

        advance("{\"days\":74}"); // deadline is 80 days away: the 7-day reminder is due
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOfType(id, "tradeorders.ShipmentDeadlineApproaching.v1") == 1);
        assertThat(eventsOfType(id, "tradeorders.ShipmentOverdue.v1")).isZero();
        advance("{\"days\":7}");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOfType(id, "tradeorders.ShipmentOverdue.v1") == 1);
        get(id, Tokens.buyer(BUYER)).body("state", equalTo("IN_PRODUCTION"));
        for (String type : List.of("ShipmentExtensionProposed", "ShipmentDeadlineExtended", "ShipmentDeadlineApproaching",
                "ShipmentOverdue")) {
            EventContracts.assertValid(TopicProbe.await("order-events", "tradeorders." + type + ".v1", id));
        }
    }

    @Test
    void receiptIsConfirmedAutomaticallyWhenTheWindowEndsAndEachPartyExtendsItOnce() {
        String id = shippedOrder();
        String due = get(id, Tokens.buyer(BUYER)).extract().path("deadlines.ORDER_RECEIPT_TIMEOUT");
        assertThat(due).isNotNull();
        extend(Tokens.buyer(BUYER), id, 16, 400);
        extend(Tokens.buyer(BUYER), id, 10, 200);
        extend(Tokens.buyer(BUYER), id, 5, 409);
        extend(Tokens.supplier(SUPPLIER), id, 15, 200);
        assertThat(Duration.between(Instant.parse(due), Instant.parse(
                get(id, Tokens.buyer(BUYER)).extract().path("deadlines.ORDER_RECEIPT_TIMEOUT")))).isEqualTo(Duration.ofDays(25));

        advance("{\"days\":30}"); // the original window has passed, the extended one has not
        deadlines.fireDue();
        get(id, Tokens.buyer(BUYER)).body("state", equalTo("SHIPPED"));
        advance("{\"days\":25,\"hours\":1}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.buyer(BUYER)).body("state", equalTo("COMPLETED")));
        var completed = TopicProbe.await("order-events", "tradeorders.OrderCompleted.v1", id);
        assertThat(TopicProbe.data(completed).path("receiptConfirmedBy").asText()).isEqualTo("TIMEOUT");
        EventContracts.assertValid(TopicProbe.await("order-events", "tradeorders.ReceivingWindowExtended.v1", id));
        EventContracts.assertValid(TopicProbe.await("order-events", "tradeorders.OrderShipped.v1", id));
    }

    @Test
    void anUnpaidOrderIsCancelledOnceWhenItsPaymentDeadlinePasses() throws Exception {
        String id = confirmedOrder();
        reserveCredit(id);
        get(id, Tokens.buyer(BUYER)).body("deadlines.ORDER_PAYMENT_TIMEOUT", notNullValue());
        String operator = Tokens.operator("OPS");
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body("{\"days\":59}")
                .post("/ops/clock/advance").then().statusCode(403);

        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"days\":59}").post("/ops/clock/advance")
                .then().statusCode(200);
        deadlines.fireDue();
        get(id, Tokens.buyer(BUYER)).body("state", equalTo("AWAITING_PAYMENT"));

        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"days\":1,\"hours\":1}").post("/ops/clock/advance")
                .then().statusCode(200);
        // the poller and three more "instances" race for the same due deadline
        var pool = Executors.newFixedThreadPool(3);
        var racers = new ArrayList<Future<Integer>>();
        for (int i = 0; i < 3; i++) {
            racers.add(pool.submit(() -> deadlines.fireDue()));
        }
        for (var f : racers) {
            f.get();
        }
        pool.shutdown();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(id, Tokens.buyer(BUYER))
                .body("state", equalTo("CANCELLED")).body("deadlines.size()", equalTo(0)));
        var cancelled = TopicProbe.await("order-events", "tradeorders.OrderCancelled.v1", id);
        assertThat(TopicProbe.data(cancelled).path("reason").asText()).isEqualTo("UNPAID_TIMEOUT");
        assertThat(TopicProbe.data(cancelled).path("cancelledBy").asText()).isEqualTo("SYSTEM");
        // every firing committed before the deadlines were gone: one cancellation written, one published
        get(id, Tokens.buyer(BUYER)).body("events.findAll { it.type == 'tradeorders.OrderCancelled.v1' }.size()",
                equalTo(1)).body("events.published", everyItem(equalTo(true)));
        assertThat(cancellations(id)).isEqualTo(1);
    }

    /** Every event order-service published so far (whichever tests ran before) matches its schema. */
    @Test
    void everyPublishedEventMatchesItsSchema() {
        String id = confirmedOrder();
        TopicProbe.await("order-events", "tradeorders.OrderConfirmed.v1", id);
        assertThat(EventContracts.assertAllValid(TopicProbe.readAll("order-events"))).isPositive();
    }
}
