package org.tradeorders.review;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/** Builds what review-service's tests feed it: completed orders (as order-service publishes them) and reviews. */
final class ReviewFixtures {
    static final String BUYER = "BUY-REV-1";
    static final String BUYER_NAME = "Berlin Hardware GmbH";
    static final String BUYER_COUNTRY = "DE";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewFixtures() {
    }

    /** An order of the supplier completes now on the service's clock; its review window opens. */
    static String completed(String supplier) {
        String order = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", order);
        data.put("supplierId", supplier);
        data.put("buyerId", BUYER);
        data.put("total", Map.of("amount", "100.00", "currency", "USD"));
        data.put("completedAt", now().toString());
        data.put("receiptConfirmedBy", "BUYER");
        data.put("buyerName", BUYER_NAME);
        data.put("buyerCountry", BUYER_COUNTRY);
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCompleted.v1", "/order-service",
                order, json(data));
        EventContracts.assertValid(TopicProbe.await("review-events", "tradeorders.ReviewWindowOpened.v1", order));
        return order;
    }

    static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, Object> stars(int serviceAttitude, int deliverySpeed, int descriptionAccuracy, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceAttitude", serviceAttitude);
        body.put("deliverySpeed", deliverySpeed);
        body.put("descriptionAccuracy", descriptionAccuracy);
        body.put("text", text);
        return body;
    }

    /** The service's clock, which the tests move forward. */
    static Instant now() {
        return Instant.parse(given().auth().oauth2(Tokens.operator("OPS")).get("/ops/clock").then().statusCode(200)
                .extract().path("now"));
    }

    static void advanceClockDays(int days) {
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON).body(Map.of("days", days))
                .post("/ops/clock/advance").then().statusCode(200);
    }
}
