package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
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

    @Test
    void theBuyerIsToldByEmailThatTheGoodsArrivedAndTheTimelineShowsTheTracking() {
        String id = OrderLifecycleTest.shippedOrder();
        TestEvents.publish("fulfillment-events", UUID.randomUUID().toString(), "tradeorders.TrackingUpdated.v1",
                "/fulfillment-service", id, EventJson.of("shipmentId", "s-2", "orderId", id, "carrier", "DHL",
                        "trackingNumber", "JD0001", "carrierEventId", "E-1", "status", "DELIVERED", "location", "Hamburg, DE",
                        "occurredAt", "2027-01-05T09:30:00Z"));
        TestEvents.publish("fulfillment-events", UUID.randomUUID().toString(), "tradeorders.GoodsDelivered.v1",
                "/fulfillment-service", id, EventJson.of("shipmentId", "s-2", "orderId", id, "buyerId", OrderLifecycleTest.BUYER,
                        "deliveredAt", "2027-01-05T09:30:00Z", "location", "Hamburg, DE", "allShipmentsDelivered", true));

        String subject = "The goods of order " + id + " arrived";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(subjectsTo(BUYER_MAIL, id)).contains(subject));
        assertThat(Mailbox.to(BUYER_MAIL).stream().filter(m -> m.subject().equals(subject)).findFirst().orElseThrow().body())
                .contains("Hamburg, DE", "2027-01-05T09:30:00Z", "Every shipment of the order has arrived", "confirm receipt");
        given().auth().oauth2(Tokens.buyer(OrderLifecycleTest.BUYER)).get("/orders/" + id + "/timeline?size=100").then()
                .statusCode(200).body("items.type", hasItem("tradeorders.TrackingUpdated.v1"))
                .body("items.type", hasItem("tradeorders.GoodsDelivered.v1"));
        get(id).body("state", equalTo("SHIPPED")); // delivery informs; receipt stays the buyer's to confirm
    }

    static ValidatableResponse get(String id) {
        return given().auth().oauth2(Tokens.buyer(OrderLifecycleTest.BUYER)).get("/orders/" + id).then().statusCode(200);
    }
}
