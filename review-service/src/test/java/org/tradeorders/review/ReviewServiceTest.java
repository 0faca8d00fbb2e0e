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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/** review-service against the real broker and database; its tests move the clock, so they run in a new order each run. */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reviews"))
class ReviewServiceTest {
    static final String BUYER = ReviewFixtures.BUYER;

    static String completed(String supplier) {
        return ReviewFixtures.completed(supplier);
    }

    static ValidatableResponse reply(String order, String supplier, String text) {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body(Map.of("text", text)).post("/orders/" + order + "/review/reply").then();
    }

    static ValidatableResponse review(String order, String buyer, int a, int b, int c) {
        return given().auth().oauth2(Tokens.buyer(buyer)).contentType(ContentType.JSON)
                .body(ReviewFixtures.stars(a, b, c, "good")).post("/orders/" + order + "/review").then();
    }

    static ValidatableResponse edit(String order, String buyer, int a, int b, int c, String text) {
        return given().auth().oauth2(Tokens.buyer(buyer)).contentType(ContentType.JSON)
                .body(ReviewFixtures.stars(a, b, c, text)).put("/orders/" + order + "/review").then();
    }

    static ValidatableResponse invite(String order, String supplier) {
        return given().auth().oauth2(Tokens.supplier(supplier)).post("/orders/" + order + "/review/invitation").then();
    }

    static ValidatableResponse score(String supplier) {
        return given().auth().oauth2(Tokens.buyer("ANYONE")).get("/suppliers/" + supplier + "/score").then().statusCode(200);
    }

    static List<String> typesAbout(String key) {
        return TopicProbe.readAll("review-events").stream().filter(r -> key.equals(r.key()))
                .map(r -> TopicProbe.header(r, "ce_type")).toList();
    }

    @Test
    void theBuyerReviewsOnceAndTheStoredSupplierScoreFollows() {
        String supplier = "SUP-" + UUID.randomUUID();
        String first = completed(supplier);
        String second = completed(supplier);
        score(supplier).body("reviewCount", equalTo(0));
        review(first, BUYER, 6, 5, 5).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("serviceAttitude"));
        review(first, "BUY-OTHER", 5, 5, 5).statusCode(404);
        review(first, BUYER, 5, 5, 4).statusCode(201);
        review(first, BUYER, 5, 5, 5).statusCode(409).body("type", containsString("already-reviewed"));
        review(second, BUYER, 2, 3, 3).statusCode(201);

        score(supplier).body("reviewCount", equalTo(2))
                .body("serviceAttitude", equalTo(3.5f))
                .body("deliverySpeed", equalTo(4.0f))
                .body("positiveRate", equalTo(0.5f));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(typesAbout(supplier))
                .containsExactly("tradeorders.SupplierScoreChanged.v1", "tradeorders.SupplierScoreChanged.v1"));
        EventContracts.assertAllValid(TopicProbe.readAll("review-events"));
    }

    @Test
    void theSupplierInvitesTheBuyerOnceInsideTheWindow() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = completed(supplier);

        invite(order, "SUP-OTHER").statusCode(404);
        invite(order, supplier).statusCode(200).body("orderId", equalTo(order)).body("invitedAt", notNullValue());
        invite(order, supplier).statusCode(409).body("type", containsString("already-invited"));

        ConsumerRecord<String, String> invited = TopicProbe.await("review-events", "tradeorders.ReviewInvited.v1", order);
        EventContracts.assertValid(invited);
        assertThat(TopicProbe.data(invited).path("buyerId").asText()).isEqualTo(BUYER);
    }

    @Test
    void anInvitationAfterTheReviewOrAfterTheWindowIsRefused() {
        String supplier = "SUP-" + UUID.randomUUID();
        String reviewed = completed(supplier);
        String late = completed(supplier);
        review(reviewed, BUYER, 5, 5, 5).statusCode(201);
        invite(reviewed, supplier).statusCode(409).body("type", containsString("already-reviewed"));

        ReviewFixtures.advanceClockDays(31);
        invite(late, supplier).statusCode(409).body("type", containsString("review-window-closed"));
        review(late, BUYER, 5, 5, 5).statusCode(409).body("type", containsString("review-window-closed"));
        assertThat(typesAbout(late)).doesNotContain("tradeorders.ReviewInvited.v1", "tradeorders.ReviewSubmitted.v1");
    }

    @Test
    void theBuyerEditsOnceAndTheFirstVersionStaysInTheHistory() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = completed(supplier);
        edit(order, BUYER, 5, 5, 5, "nothing to edit").statusCode(404);
        review(order, BUYER, 2, 2, 2).statusCode(201);

        edit(order, "BUY-OTHER", 5, 5, 5, "not mine").statusCode(404);
        edit(order, BUYER, 5, 4, 5, "the supplier replaced the broken units").statusCode(200)
                .body("serviceAttitude", equalTo(5)).body("text", equalTo("the supplier replaced the broken units"))
                .body("editedAt", notNullValue())
                .body("history.size()", equalTo(1))
                .body("history[0].version", equalTo(1)).body("history[0].serviceAttitude", equalTo(2))
                .body("history[0].text", equalTo("good"));
        edit(order, BUYER, 1, 1, 1, "again").statusCode(409).body("type", containsString("already-edited"));

        given().auth().oauth2(Tokens.supplier(supplier)).get("/orders/" + order + "/review").then().statusCode(200)
                .body("deliverySpeed", equalTo(4)).body("history[0].deliverySpeed", equalTo(2));
        given().auth().oauth2(Tokens.buyer("BUY-OTHER")).get("/orders/" + order + "/review").then().statusCode(404);
        ConsumerRecord<String, String> edited = TopicProbe.await("review-events", "tradeorders.ReviewEdited.v1", order);
        EventContracts.assertValid(edited);
        score(supplier).body("reviewCount", equalTo(1)).body("serviceAttitude", equalTo(5.0f)).body("positiveRate", equalTo(1.0f));
    }

    @Test
    void anEditAfterTheWindowIsRefusedAndChangesNothing() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = completed(supplier);
        review(order, BUYER, 3, 3, 3).statusCode(201);

        ReviewFixtures.advanceClockDays(30);
        edit(order, BUYER, 5, 5, 5, "late").statusCode(409).body("type", containsString("review-window-closed"));
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/review").then().statusCode(200)
                .body("serviceAttitude", equalTo(3)).body("history.size()", equalTo(0));
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

        ReviewFixtures.advanceClockDays(31);

        reply(order, supplier, "too late").statusCode(409).body("type", containsString("reply-window-closed"));
        assertThat(typesAbout(order)).doesNotContain("tradeorders.ReviewReplied.v1");
    }

    @Test
    void theReplyWindowRunsFromTheEdit() {
        String supplier = "SUP-" + UUID.randomUUID();
        String order = completed(supplier);
        review(order, BUYER, 2, 2, 2).statusCode(201);
        ReviewFixtures.advanceClockDays(20);
        edit(order, BUYER, 4, 4, 4, "resolved").statusCode(200);

        ReviewFixtures.advanceClockDays(25); // 45 days after the review, 25 after its edit
        reply(order, supplier, "glad it worked out").statusCode(200).body("replyText", equalTo("glad it worked out"));
    }

    @Test
    void thePublicListShowsTheNewestFirstWithRepliesAndMasksTheBuyer() {
        String supplier = "SUP-" + UUID.randomUUID();
        String older = completed(supplier);
        String newer = completed(supplier);
        review(older, BUYER, 3, 3, 3).statusCode(201);
        ReviewFixtures.advanceClockDays(1);
        review(newer, BUYER, 5, 5, 5).statusCode(201);
        reply(older, supplier, "sorry about the delay").statusCode(200);

        given().auth().oauth2(Tokens.buyer("ANYONE")).queryParam("size", 1)
                .get("/suppliers/" + supplier + "/reviews").then().statusCode(200)
                .body("total", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].serviceAttitude", equalTo(5))
                .body("items[0].buyer.country", equalTo(ReviewFixtures.BUYER_COUNTRY))
                .body("items[0].buyer.name", equalTo("B***H"))
                .body("items[0].buyerId", equalTo(null))
                .body("items[0].reply", equalTo(null));
        given().auth().oauth2(Tokens.buyer("ANYONE")).queryParam("page", 1).queryParam("size", 1)
                .get("/suppliers/" + supplier + "/reviews").then().statusCode(200)
                .body("items[0].serviceAttitude", equalTo(3))
                .body("items[0].reply.text", equalTo("sorry about the delay"));
        given().auth().oauth2(Tokens.buyer("ANYONE")).queryParam("size", 101)
                .get("/suppliers/" + supplier + "/reviews").then().statusCode(400);
    }

    @Test
    void theScoreAgesOutOnTheDailyRecalculation() {
        String supplier = "SUP-" + UUID.randomUUID();
        String old = completed(supplier);
        review(old, BUYER, 1, 1, 1).statusCode(201);
        ReviewFixtures.advanceClockDays(100);
        String recent = completed(supplier);
        review(recent, BUYER, 5, 5, 5).statusCode(201);
        score(supplier).body("reviewCount", equalTo(2)).body("positiveRate", equalTo(0.5f));

        ReviewFixtures.advanceClockDays(81); // the first review is now 181 days old, the second 81

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> score(supplier).body("reviewCount", equalTo(1))
                .body("serviceAttitude", equalTo(5.0f)).body("positiveRate", equalTo(1.0f)));
        ConsumerRecord<String, String> aged = TopicProbe.readAll("review-events").stream()
                .filter(r -> supplier.equals(r.key()) && "AGED_OUT".equals(TopicProbe.data(r).path("reason").asText()))
                .findFirst().orElseThrow();
        EventContracts.assertValid(aged);
        assertThat(TopicProbe.data(aged).path("reviewCount").asInt()).isEqualTo(1);
    }
}
