package org.tradeorders.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/** review-service against the real broker and database; its tests move the clock, so they run in a new order each run. */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reviews"))
class ReviewServiceTest {
    static final String BUYER = "BUY-REV-1";

    static String completed(String supplier) {
        String order = UUID.randomUUID().toString();
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCompleted.v1", "/order-service",
                order, """
                {"orderId":"%s","supplierId":"%s","buyerId":"%s","total":{"amount":"100.00","currency":"USD"},
                 "completedAt":"%s","receiptConfirmedBy":"BUYER"}""".formatted(order, supplier, BUYER, now()));
        EventContracts.assertValid(TopicProbe.await("review-events", "tradeorders.ReviewWindowOpened.v1", order));
        return order;
    }

    /** The service's clock, which the tests move forward: an order completes on it. */
    static Instant now() {
        return Instant.parse(given().auth().oauth2(Tokens.operator("OPS")).get("/ops/clock").then().statusCode(200)
                .extract().path("now"));
    }

    static ValidatableResponse reply(String order, String supplier, String text) {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body(Map.of("text", text)).post("/orders/" + order + "/review/reply").then();
    }

    static ValidatableResponse review(String order, String buyer, int a, int b, int c) {
        return given().auth().oauth2(Tokens.buyer(buyer)).contentType(ContentType.JSON)
                .body("{\"serviceAttitude\":%d,\"deliverySpeed\":%d,\"descriptionAccuracy\":%d,\"text\":\"good\"}".formatted(a, b, c))
                .post("/orders/" + order + "/review").then();
    }

    @Test
    void theBuyerReviewsOnceAndTheSupplierScoreFollows() {
        String supplier = "SUP-" + UUID.randomUUID();
        String first = completed(supplier);
        String second = completed(supplier);
        review(first, BUYER, 6, 5, 5).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("serviceAttitude"));
        review(first, "BUY-OTHER", 5, 5, 5).statusCode(404);
        review(first, BUYER, 5, 5, 4).statusCode(201);
        review(first, BUYER, 5, 5, 5).statusCode(409);
        review(second, BUYER, 2, 3, 3).statusCode(201);

        given().auth().oauth2(Tokens.buyer("ANYONE")).get("/suppliers/" + supplier + "/score").then().statusCode(200)
                .body("reviewCount", equalTo(2))
                .body("serviceAttitude", equalTo(3.5f))
                .body("deliverySpeed", equalTo(4.0f))
                .body("positiveRate", equalTo(0.5f));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TopicProbe.readAll("review-events").stream()
                .filter(r -> supplier.equals(r.key())).count()).isEqualTo(2));
        EventContracts.assertAllValid(TopicProbe.readAll("review-events"));
    }

    @Test
    void theSupplierRepliesOnceAndTheReplyIsPublished() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = completed(supplier);
        reply(order, supplier, "thank you").statusCode(404); // nothing to reply to yet
        review(order, BUYER, 4, 4, 5).statusCode(201);

        reply(order, "SUP-OTHER", "not mine").statusCode(404);
        reply(order, supplier, " ").statusCode(400).body("errors[0].field", equalTo("text"));
        reply(order, supplier, "x".repeat(2001)).statusCode(400).body("errors[0].field", equalTo("text"));
        reply(order, supplier, "Thank you, we ship faster next time.").statusCode(200)
                .body("replyText", equalTo("Thank you, we ship faster next time.")).body("repliedAt", notNullValue());
        reply(order, supplier, "and again").statusCode(409).body("type", containsString("already-replied"));

        ConsumerRecord<String, String> replied = TopicProbe.await("review-events", "tradeorders.ReviewReplied.v1", order);
        EventContracts.assertValid(replied);
        assertThat(TopicProbe.data(replied).path("text").asText()).isEqualTo("Thank you, we ship faster next time.");
    }

    @Test
    void aReplyAfterTheReplyWindowIsRefusedAndChangesNothing() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = completed(supplier);
        review(order, BUYER, 2, 2, 3).statusCode(201);

        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON).body(Map.of("days", 31))
                .post("/ops/clock/advance").then().statusCode(200);

        reply(order, supplier, "too late").statusCode(409).body("type", containsString("reply-window-closed"));
        assertThat(TopicProbe.readAll("review-events").stream().filter(r -> order.equals(r.key()))
                .map(r -> TopicProbe.header(r, "ce_type"))).doesNotContain("tradeorders.ReviewReplied.v1");
    }
}
