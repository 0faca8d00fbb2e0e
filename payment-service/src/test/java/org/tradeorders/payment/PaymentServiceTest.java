package org.tradeorders.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentServiceTest {
    static final String SUPPLIER = "SUP-PAY-1";
    static final String BUYER = "BUY-PAY-1";

    static String awaitingPayment() {
        String order = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String body = """
                {"orderId":"%s","supplierId":"%s","buyerId":"%s","total":{"amount":"12500.00","currency":"USD"},
                 "installments":[{"seq":1,"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION","amount":{"amount":"3750.00","currency":"USD"}},
                                 {"seq":2,"name":"Balance","percent":70,"due":"BEFORE_SHIPMENT","amount":{"amount":"8750.00","currency":"USD"}}]}"""
                .formatted(order, SUPPLIER, BUYER);
        TestEvents.publish("order-events", eventId, "tradeorders.OrderAwaitingPayment.v1", "/order-service", order, body);
        TestEvents.publish("order-events", eventId, "tradeorders.OrderAwaitingPayment.v1", "/order-service", order, body);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.buyer(BUYER))
                .get("/orders/" + order + "/payment-links").then().statusCode(200).body("$", hasSize(2)));
        return order;
    }

    @Test
    void eachInstallmentGetsOneLinkOnlyTheBuyerSeesTokensAndPaying() {
        String order = awaitingPayment();
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).get("/orders/" + order + "/payment-links").then().statusCode(200)
                .body("[0].token", nullValue()).body("[0].amount.amount", equalTo("3750.00"));
        given().auth().oauth2(Tokens.buyer("BUY-OTHER")).get("/orders/" + order + "/payment-links").then().statusCode(404);
        List<String> tokens = given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/payment-links")
                .then().extract().path("token");
        assertThat(tokens).allSatisfy(t -> assertThat(t).hasSizeGreaterThanOrEqualTo(22)).doesNotHaveDuplicates();

        given().auth().oauth2(Tokens.buyer("BUY-OTHER")).contentType(ContentType.JSON).body("{\"channel\":\"CARD\"}")
                .post("/payment-links/" + tokens.get(0) + "/payments").then().statusCode(404);
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"channel\":\"CHEQUE\"}")
                .post("/payment-links/" + tokens.get(0) + "/payments").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"channel\":\"CARD\"}")
                .post("/payment-links/" + tokens.get(0) + "/payments").then().statusCode(201)
                .body("amount.amount", equalTo("3750.00"));
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"channel\":\"CARD\"}")
                .post("/payment-links/" + tokens.get(0) + "/payments").then().statusCode(409)
                .contentType("application/problem+json");

        var received = TopicProbe.await("payment-events", "tradeorders.PaymentReceived.v1", order);
        EventContracts.assertValid(received);
        assertThat(TopicProbe.data(received).path("installmentSeq").asInt()).isEqualTo(1);
        long receivedCount = TopicProbe.readAll("payment-events").stream()
                .filter(r -> order.equals(r.key()) && "tradeorders.PaymentReceived.v1".equals(TopicProbe.header(r, "ce_type"))).count();
        assertThat(receivedCount).isEqualTo(1);
        assertThat(EventContracts.assertAllValid(TopicProbe.readAll("payment-events"))).isGreaterThanOrEqualTo(3);
        assertThat(TopicProbe.readAll("payment-events")).noneMatch(r -> tokens.stream().anyMatch(r.value()::contains));
    }

    @Test
    void aCancelledOrdersLinksCanNoLongerBePaid() {
        String order = awaitingPayment();
        List<String> tokens = given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/payment-links")
                .then().extract().path("token");
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCancelled.v1", "/order-service",
                order, """
                {"orderId":"%s","supplierId":"%s","buyerId":"%s","previousState":"AWAITING_PAYMENT","cancelledBy":"SYSTEM",
                 "reason":"UNPAID_TIMEOUT"}""".formatted(order, SUPPLIER, BUYER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.buyer(BUYER))
                .get("/orders/" + order + "/payment-links").then().body("status", org.hamcrest.Matchers.everyItem(equalTo("CANCELLED"))));
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"channel\":\"CARD\"}")
                .post("/payment-links/" + tokens.get(1) + "/payments").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("CANCELLED"));
        EventContracts.assertValid(TopicProbe.await("payment-events", "tradeorders.PaymentLinkCancelled.v1", order));
    }
}
