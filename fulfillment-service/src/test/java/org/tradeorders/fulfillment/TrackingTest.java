package org.tradeorders.fulfillment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/** Carrier tracking: reports applied once per carrier event id, the status followed, the delivery recorded once. */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
class TrackingTest {
    static final String FEED = "tracking-feed";

    /** A shipment of the whole order by DHL; returns {order, shipment, tracking number}. */
    static String[] shipped(String supplier) {
        String order = Shipments.readyToShip(supplier);
        Shipments s = Shipments.of(supplier, order).line("LP-600", 100).line("DR-1", 10);
        String id = s.submit().statusCode(201).extract().path("id");
        return new String[] { order, id, s.trackingNumber() };
    }

    static ObjectNode report(String trackingNumber, String eventId, String status, String location, Instant at) {
        return Shipments.JSON.createObjectNode().put("carrier", "DHL").put("trackingNumber", trackingNumber)
                .put("carrierEventId", eventId).put("status", status).put("location", location).put("occurredAt", at.toString());
    }

    static ValidatableResponse send(String adapter, ObjectNode report) {
        return given().auth().oauth2(Tokens.issue("carrier-adapter", adapter)).contentType(ContentType.JSON)
                .body(report.toString()).post("/carrier-reports").then();
    }

    static List<String> typesAbout(String order) {
        return TopicProbe.readAll("fulfillment-events").stream().filter(r -> order.equals(r.key()))
                .map(r -> TopicProbe.header(r, "ce_type")).toList();
    }

    @Test
    void aTrackingEventIsAppliedOnceAndARepeatedReportChangesNothing() {
        String[] s = shipped("SUP-" + UUID.randomUUID());
        ObjectNode pickedUp = report(s[2], "DHL-" + UUID.randomUUID(), "PICKED_UP", "Shenzhen, CN", Instant.now().minusSeconds(7200));

        send(FEED, pickedUp).statusCode(201).body("status", equalTo("PICKED_UP")).body("shipmentId", equalTo(s[1]));
        send(FEED, pickedUp).statusCode(200).body("status", equalTo("PICKED_UP"));

        ConsumerRecord<String, String> updated = TopicProbe.await("fulfillment-events", "tradeorders.TrackingUpdated.v1", s[0]);
        EventContracts.assertValid(updated);
        assertThat(TopicProbe.data(updated).path("location").asText()).isEqualTo("Shenzhen, CN");
        assertThat(typesAbout(s[0]).stream().filter("tradeorders.TrackingUpdated.v1"::equals)).hasSize(1);
        given().auth().oauth2(Tokens.buyer(Shipments.BUYER)).get("/shipments/" + s[1] + "/tracking").then().statusCode(200)
                .body("status", equalTo("PICKED_UP")).body("events.size()", equalTo(1));
    }

    @Test
    void theDeliveryIsRecordedOnceAndALateOlderEventDoesNotUndoIt() {
        String[] s = shipped("SUP-" + UUID.randomUUID());
        Instant now = Instant.now();
        send(FEED, report(s[2], "E-1-" + s[1], "IN_TRANSIT", "Hamburg, DE", now.minusSeconds(7200))).statusCode(201);
        send(FEED, report(s[2], "E-3-" + s[1], "DELIVERED", "Hamburg, DE", now.minusSeconds(60))).statusCode(201);
        send(FEED, report(s[2], "E-2-" + s[1], "OUT_FOR_DELIVERY", "Hamburg, DE", now.minusSeconds(3600))).statusCode(201);
        send(FEED, report(s[2], "E-4-" + s[1], "DELIVERED", "Hamburg, DE", now.minusSeconds(30))).statusCode(201);

        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).get("/shipments/" + s[1]).then().statusCode(404);
        given().auth().oauth2(Tokens.buyer(Shipments.BUYER)).get("/shipments/" + s[1]).then().statusCode(200)
                .body("trackingStatus", equalTo("DELIVERED")).body("deliveredAt", notNullValue());
        given().auth().oauth2(Tokens.operator("OPS")).get("/shipments/" + s[1] + "/tracking").then().statusCode(200)
                .body("events.status", equalTo(List.of("IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "DELIVERED")));

        ConsumerRecord<String, String> delivered = TopicProbe.await("fulfillment-events", "tradeorders.GoodsDelivered.v1", s[0]);
        EventContracts.assertValid(delivered);
        assertThat(TopicProbe.data(delivered).path("allShipmentsDelivered").asBoolean()).isTrue();
        assertThat(typesAbout(s[0]).stream().filter("tradeorders.GoodsDelivered.v1"::equals)).hasSize(1);
    }

    @Test
    void anAdapterReportsOnlyForItsCarriersAndOnlyKnownShipments() {
        String[] s = shipped("SUP-" + UUID.randomUUID());
        ObjectNode r = report(s[2], "X-" + UUID.randomUUID(), "IN_TRANSIT", null, Instant.now().minusSeconds(60));

        send("dhl-feed", r).statusCode(201);
        send("maersk-feed", report(s[2], "X-" + UUID.randomUUID(), "IN_TRANSIT", null, Instant.now())).statusCode(403);
        send(FEED, report("NO-SUCH-NUMBER", "X-" + UUID.randomUUID(), "IN_TRANSIT", null, Instant.now())).statusCode(404);
        send(FEED, report(s[2], "X-" + UUID.randomUUID(), "TELEPORTED", null, Instant.now())).statusCode(400)
                .body("errors[0].field", equalTo("status"));
        send(FEED, report(s[2], "X-" + UUID.randomUUID(), "IN_TRANSIT", null, Instant.now().plusSeconds(86_400)))
                .statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        given().auth().oauth2(Tokens.supplier("SUP-ANY")).contentType(ContentType.JSON).body(r.toString())
                .post("/carrier-reports").then().statusCode(403);
        assertThat(typesAbout(s[0]).stream().filter("tradeorders.TrackingUpdated.v1"::equals)).hasSize(1);
    }
}
