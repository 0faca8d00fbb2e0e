package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Mailbox;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/** After the goods left: what the other services report goes on the timeline, and the buyer is told by e-mail. */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class AfterSalesTest {
    static final String BUYER_MAIL = "purchasing@buyer.example";

    static String completedOrder() {
        String id = OrderLifecycleTest.shippedOrder();
        given().auth().oauth2(Tokens.buyer(OrderLifecycleTest.BUYER)).post("/orders/" + id + "/confirm-receipt").then()
                .statusCode(200).body("state", equalTo("COMPLETED"));
        return id;
    }

    static List<String> subjectsTo(String address, String orderId) {
        return Mailbox.to(address).stream().map(m -> m.subject()).filter(s -> s.contains(orderId)).toList();
    }

    @Test
    void theCompletedOrderNamesTheBuyerForTheReviewList() {
        String id = completedOrder();

        ConsumerRecord<String, String> completed = TopicProbe.await("order-events", "tradeorders.OrderCompleted.v1", id);
        EventContracts.assertValid(completed);
        assertThat(TopicProbe.data(completed).path("buyerName").asText()).isEqualTo("Nordlicht Handels GmbH");
        assertThat(TopicProbe.data(completed).path("buyerCountry").asText()).isEqualTo("DE");
    }

    @Test
    void theSuppliersInvitationToReviewIsEmailedToTheBuyerAndShownOnTheTimeline() {
        String id = completedOrder();
        Instant closes = Instant.parse("2027-01-31T10:00:00Z");

        TestEvents.publish("review-events", UUID.randomUUID().toString(), "tradeorders.ReviewInvited.v1", "/review-service",
                id, EventJson.of("orderId", id, "supplierId", OrderLifecycleTest.SUPPLIER, "buyerId", OrderLifecycleTest.BUYER,
                        "invitedAt", "2027-01-01T10:00:00Z", "closesAt", closes.toString()));

        String subject = "How was order " + id + "? Review " + OrderLifecycleTest.SUPPLIER;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjectsTo(BUYER_MAIL, id)).contains(subject));
        assertThat(Mailbox.to(BUYER_MAIL).stream().filter(m -> m.subject().equals(subject)).findFirst().orElseThrow().body())
                .contains(closes.toString());
        given().auth().oauth2(Tokens.buyer(OrderLifecycleTest.BUYER)).get("/orders/" + id + "/timeline?size=100").then()
                .statusCode(200).body("items.type", hasItem("tradeorders.ReviewInvited.v1"));
    }
}
