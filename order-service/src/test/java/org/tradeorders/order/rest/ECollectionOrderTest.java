package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Mailbox;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * e-Collection orders in order-service: supplier-only drafting, the payment reminder with its signed
 * link, the buyer's confirmation without an account, remittances paying the order, completion.
 * payment-service's and fulfillment-service's events are put on their topics.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class ECollectionOrderTest {
    static final String BUYER = "BUY-EC-1";
    static final String TEST_SECRET = "test-only-payment-reminder-link-secret-0123456789";

    /** The LED panel order as e-Collection, for a buyer reached at {@code buyerEmail}. */
    static Drafts draftTo(String buyerEmail) {
        return Drafts.aDraftFor(BUYER).buyerEmail(buyerEmail).eCollection();
    }

    static String body(String buyerEmail) {
        return draftTo(buyerEmail).json();
    }

    static String activatedSupplier() {
        String supplier = "SUP-EC-" + UUID.randomUUID();
        TestEvents.publish("payment-events", UUID.randomUUID().toString(), "tradeorders.CollectionInfoChanged.v1",
                "/payment-service", supplier, """
                {"supplierId":"%s","version":1,"activated":true,"bankName":"ICBC","accountNumber":"****7890",
                 "bankCountry":"CN","swiftBic":"ICBKCNBJ","changedAt":"2026-11-22T00:00:00Z"}""".formatted(supplier));
        return supplier;
    }

    static String draft(String supplier, String buyerEmail) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.supplier(supplier))
                .contentType(ContentType.JSON).body(body(buyerEmail)).post("/orders").then().extract(),
                r -> r.statusCode() == 201).path("id");
    }

    static void accountOpened(String order, String account) {
        TestEvents.publish("payment-events", UUID.randomUUID().toString(), "tradeorders.CollectionAccountOpened.v1",
                "/payment-service", order, """
                {"orderId":"%s","accountNumber":"%s","beneficiary":{"bankName":"Industrial and Commercial Bank of China",
                 "accountHolder":"Hangzhou Lighting Co., Ltd.","swiftBic":"ICBKCNBJ"}}""".formatted(order, account));
    }

    static void associated(String order, String amount) {
        TestEvents.publish("payment-events", UUID.randomUUID().toString(), "tradeorders.RemittanceAssociated.v1",
                "/payment-service", order, """
                {"associationId":"%s","remittanceId":"r-1","orderId":"%s","amount":{"amount":"%s","currency":"USD"}}"""
                        .formatted(UUID.randomUUID(), order, amount));
    }

    static String state(String order) {
        return given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order).then().extract().path("state");
    }

    static String linkIn(String email, int nth) {
        List<Mailbox.Received> reminders = await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(email).stream()
                .filter(m -> m.subject().startsWith("Payment reminder")).toList(), l -> l.size() >= nth);
        Matcher m = Pattern.compile("/payment-reminders/(\\S+)").matcher(reminders.get(nth - 1).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void onlyAnActivatedSupplierDraftsAnECollectionOrder() {
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON)
                .body(Drafts.aBuyerDraftTo("SUP-X").buyerEmail("b@buyer.example").without("incoterm").unitPrice("12.35")
                        .quantity(10).with("kind", "E_COLLECTION").json())
                .post("/orders/buyer-initiated").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("drafted by the supplier only"));
        given().auth().oauth2(Tokens.supplier("SUP-NOT-ACTIVE")).contentType(ContentType.JSON).body(body("b@buyer.example"))
                .post("/orders").then().statusCode(409).body("type", containsString("e-collection-not-activated"));
        String supplier = activatedSupplier();
        String withPlan = Drafts.aDraftFor(BUYER).with("kind", "E_COLLECTION").json();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.supplier(supplier))
                .contentType(ContentType.JSON).body(withPlan).post("/orders").then().statusCode(400)
                .body("errors.field", hasItem("installments")));
        // same proforma-invoice validation as Trade Assurance
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body(draftTo("b@buyer.example").country("XX").json()).post("/orders").then().statusCode(400)
                .body("errors.field", hasItem("deliveryAddress.country"));
        String order = draft(supplier, "b@buyer.example");
        given().auth().oauth2(Tokens.supplier(supplier)).get("/orders/" + order).then().body("kind", equalTo("E_COLLECTION"))
                .body("installments[0].amount.amount", equalTo("12500.00"));
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body(Drafts.aDraftFor(BUYER).json()).put("/orders/" + order).then().statusCode(400)
                .body("errors.field", hasItem("installments"));
    }

    @Test
    void aSupplierThatChangedItsCollectionInformationStaysActivated() {
        // version 2 (a change, so "activated": false: that flag marks the activation itself) keeps it active
        String supplier = "SUP-EC-" + UUID.randomUUID();
        TestEvents.publish("payment-events", UUID.randomUUID().toString(), "tradeorders.CollectionInfoChanged.v1",
                "/payment-service", supplier, """
                {"supplierId":"%s","version":2,"activated":false,"bankName":"ICBC","accountNumber":"****7891",
                 "bankCountry":"CN","swiftBic":"ICBKCNBJ","changedAt":"2026-11-22T01:00:00Z"}""".formatted(supplier));
        assertThat(draft(supplier, "b@buyer.example")).isNotBlank();
    }

    @Test
    void theBuyerConfirmsThroughTheSignedLinkAndRemittancesPayTheOrder() throws Exception {
        String supplier = activatedSupplier();
        String email = "ap-" + UUID.randomUUID() + "@buyer.example";
        String order = draft(supplier, email);
        given().auth().oauth2(Tokens.supplier(supplier)).post("/orders/" + order + "/submit").then().statusCode(200)
                .body("state", equalTo("AWAITING_CONFIRMATION"));
        var submitted = TopicProbe.await("order-events", "tradeorders.OrderSubmitted.v1", order);
        EventContracts.assertValid(submitted);
        assertThat(TopicProbe.data(submitted).path("kind").asText()).isEqualTo("E_COLLECTION");
        assertThat(TopicProbe.data(submitted).path("buyerName").asText()).isEqualTo("Nordlicht Handels GmbH");
        // the reminder waits for the collection account
        given().auth().oauth2(Tokens.supplier(supplier)).post("/orders/" + order + "/payment-reminders").then().statusCode(409)
                .body("type", containsString("collection-account-pending"));

        accountOpened(order, "TOEC000000004242");
        String token = linkIn(email, 1);
        Mailbox.Received mail = Mailbox.to(email).get(0);
        assertThat(mail.body()).contains("TOEC000000004242", "ICBKCNBJ", "12500.00 USD");

        // no account, no bearer token: the link is the credential
        given().get("/payment-reminders/" + token).then().statusCode(200).body("orderId", equalTo(order))
                .body("remittance.collectionAccount", equalTo("TOEC000000004242"))
                .body("remittance.accountHolder", equalTo("Hangzhou Lighting Co., Ltd."))
                .body("remittance.reference", equalTo(order)).body("confirmed", equalTo(false));
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        given().get("/payment-reminders/" + tampered).then().statusCode(403).contentType("application/problem+json");
        given().get("/payment-reminders/" + signed(order + "~" + Instant.now().minusSeconds(60).getEpochSecond() + "~1"))
                .then().statusCode(410).body("detail", containsString("expired"));
        given().get("/payment-reminders/" + signed("another-order~" + Instant.now().plusSeconds(600).getEpochSecond() + "~1")
                .replace(".", ".x")).then().statusCode(403);

        // the supplier re-sends it: a new link, also good
        given().auth().oauth2(Tokens.supplier(supplier)).post("/orders/" + order + "/payment-reminders").then().statusCode(200)
                .body("remittance.remindersSent", equalTo(2));
        given().auth().oauth2(Tokens.buyer(BUYER)).post("/orders/" + order + "/payment-reminders").then().statusCode(403);
        String second = linkIn(email, 2);
        assertThat(second).isNotEqualTo(token);

        given().contentType(ContentType.JSON).body("{\"version\":2}").post("/payment-reminders/" + second + "/confirmation")
                .then().statusCode(409).body("type", containsString("stale-version"));
        given().contentType(ContentType.JSON).body("{\"version\":1}").post("/payment-reminders/" + second + "/confirmation")
                .then().statusCode(200).body("state", equalTo("AWAITING_REMITTANCE")).body("confirmed", equalTo(true));
        var awaiting = TopicProbe.await("order-events", "tradeorders.OrderAwaitingRemittance.v1", order);
        EventContracts.assertValid(awaiting);
        assertThat(TopicProbe.data(awaiting).path("collectionAccount").asText()).isEqualTo("TOEC000000004242");

        // two remittances pay it: partial, then the rest
        associated(order, "5000.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.buyer(BUYER))
                .get("/orders/" + order).then().body("remittance.remitted.amount", equalTo("5000.00")));
        assertThat(state(order)).isEqualTo("AWAITING_REMITTANCE");
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{}").post("/orders/" + order + "/cancel")
                .then().statusCode(409).body("type", containsString("paid-order"));
        associated(order, "7500.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> "PAID".equals(state(order)));
        EventContracts.assertValid(TopicProbe.await("order-events", "tradeorders.OrderPaid.v1", order));
        EventContracts.assertValid(TopicProbe.await("order-events", "tradeorders.OrderReadyToShip.v1", order));

        TestEvents.publish("fulfillment-events", UUID.randomUUID().toString(), "tradeorders.ShipmentSubmitted.v1",
                "/fulfillment-service", order, """
                {"shipmentId":"s-1","orderId":"%s","supplierId":"%s","complete":true}""".formatted(order, supplier));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SHIPPED".equals(state(order)));
        given().auth().oauth2(Tokens.buyer(BUYER)).post("/orders/" + order + "/confirm-receipt").then().statusCode(200)
                .body("state", equalTo("COMPLETED"));
        var completed = TopicProbe.await("order-events", "tradeorders.OrderCompleted.v1", order);
        EventContracts.assertValid(completed);
        assertThat(TopicProbe.data(completed).path("kind").asText()).isEqualTo("E_COLLECTION");

        var events = TopicProbe.readAll("order-events").stream().filter(r -> order.equals(r.key())).toList();
        assertThat(events.stream().map(r -> TopicProbe.header(r, "ce_type")))
                .doesNotContain("tradeorders.OrderConfirmed.v1") // credit-limit-service reserves on OrderConfirmed
                .contains("tradeorders.PaymentReminderSent.v1");
        EventContracts.assertAllValid(events);
    }

    @Test
    void aBuyerWhoRemittedBeforeConfirmingIsPaidTheMomentItConfirms() {
        String supplier = activatedSupplier();
        String email = "early-" + UUID.randomUUID() + "@buyer.example";
        String order = draft(supplier, email);
        given().auth().oauth2(Tokens.supplier(supplier)).post("/orders/" + order + "/submit").then().statusCode(200);
        accountOpened(order, "TOEC000000004343");
        String token = linkIn(email, 1);
        associated(order, "12500.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.buyer(BUYER))
                .get("/orders/" + order).then().body("remittance.remitted.amount", equalTo("12500.00")));
        assertThat(state(order)).isEqualTo("AWAITING_CONFIRMATION");
        // signed in, the buyer may confirm in the order list too
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + order + "/confirm").then().statusCode(200).body("state", equalTo("PAID"));
        given().get("/payment-reminders/" + token).then().statusCode(200).body("state", equalTo("PAID"));
        given().contentType(ContentType.JSON).body("{\"version\":1}").post("/payment-reminders/" + token + "/confirmation")
                .then().statusCode(409);
    }

    @Test
    void aCancelledOrderThatRacedAnAssociationShowsItUndone() {
        String supplier = activatedSupplier();
        String order = draft(supplier, "race-" + UUID.randomUUID() + "@buyer.example");
        given().auth().oauth2(Tokens.supplier(supplier)).post("/orders/" + order + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body("{\"reason\":\"duplicate\"}")
                .post("/orders/" + order + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        associated(order, "5000.00"); // payment-service associated it just before it learnt of the cancellation
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.buyer(BUYER))
                .get("/orders/" + order).then().body("remittance.remitted.amount", equalTo("5000.00")));
        TestEvents.publish("payment-events", UUID.randomUUID().toString(), "tradeorders.RemittanceAssociationUndone.v1",
                "/payment-service", order, """
                {"associationId":"a-1","remittanceId":"r-1","orderId":"%s","amount":{"amount":"5000.00","currency":"USD"},
                 "reason":"ORDER_CANCELLED"}""".formatted(order));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.buyer(BUYER))
                .get("/orders/" + order).then().body("remittance.remitted.amount", equalTo("0.00"))
                .body("state", equalTo("CANCELLED")));
    }

    @Test
    void aRevisionKeepsWhatWasRemittedAndTheCollectionAccountsCurrency() {
        String supplier = activatedSupplier();
        String order = draft(supplier, "rev-" + UUID.randomUUID() + "@buyer.example");
        given().auth().oauth2(Tokens.supplier(supplier)).post("/orders/" + order + "/submit").then().statusCode(200);
        accountOpened(order, "TOEC000000004440");
        associated(order, "5000.00"); // the buyer remitted before confirming
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.buyer(BUYER))
                .get("/orders/" + order).then().body("remittance.remitted.amount", equalTo("5000.00")));
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body(body("x@buyer.example"))
                .put("/orders/" + order).then().statusCode(409).body("type", containsString("terms-fixed"));
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"note\":\"200 panels please\"}")
                .post("/orders/" + order + "/request-modification").then().statusCode(200).body("state", equalTo("DRAFT"));
        String email = given().auth().oauth2(Tokens.supplier(supplier)).get("/orders/" + order).then().extract().path("buyerEmail");
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body(draftTo(email).with("currency", "EUR").json()).put("/orders/" + order).then().statusCode(400)
                .body("errors[0].field", equalTo("currency"));
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body(draftTo(email).quantity(2000).json()).put("/orders/" + order).then()
                .statusCode(200).body("version", equalTo(2)).body("total.amount", equalTo("24850.00"))
                .body("remittance.remitted.amount", equalTo("5000.00"));
    }

    /** A link signed with the test secret, as order-service signs them. */
    static String signed(String payload) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String p = b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TEST_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return p + "." + b64.encodeToString(mac.doFinal(p.getBytes(StandardCharsets.UTF_8)));
    }
}
