package org.tradeorders.fulfillment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
class FulfillmentServiceTest {
    static final String SUPPLIER = "SUP-FUL-1";

    static ValidatableResponse ship(String order, String lines) {
        return given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON).body("""
                {"orderId":"%s","exportMode":"SELF_OPERATED","carrier":"Maersk","trackingNumber":"MSKU1234567",
                 "customsDeclarationNumber":"CD-1","lines":%s}""".formatted(order, lines)).post("/shipments").then();
    }

    @Test
    void shipmentsAreCheckedAgainstTheOrderAndTrackWhatIsLeft() {
        String order = UUID.randomUUID().toString();
        ship(order, "[{\"model\":\"LP-600\",\"quantity\":1}]").statusCode(409).contentType("application/problem+json");

        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderReadyToShip.v1", "/order-service",
                order, """
                {"orderId":"%s","supplierId":"%s","buyerId":"BUY-FUL-1","shipmentDeadline":"%s",
                 "lines":[{"productName":"LED panel","model":"LP-600","specification":null,"unitPrice":{"amount":"12.35","currency":"USD"},"quantity":1000},
                          {"productName":"Driver","model":"DR-1","specification":null,"unitPrice":{"amount":"2.00","currency":"USD"},"quantity":10}]}"""
                        .formatted(order, SUPPLIER, LocalDate.now().plusDays(30)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ship(order, "[{\"model\":\"XX-9\",\"quantity\":1}]")
                .statusCode(400).body("errors.field", hasItem("lines[model=XX-9]")));
        ship(order, "[{\"model\":\"LP-600\",\"quantity\":1001}]").statusCode(400);
        // not the caller's order: refused (409) before its export data (here: no export bill) is looked at
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).contentType(ContentType.JSON)
                .body("{\"orderId\":\"" + order + "\",\"exportMode\":\"ONE_STOP_EXPORT\",\"lines\":[{\"model\":\"DR-1\",\"quantity\":1}]}")
                .post("/shipments").then().statusCode(409);

        ship(order, "[{\"model\":\"LP-600\",\"quantity\":600}]").statusCode(201).body("completesOrder", equalTo(false));
        String last = ship(order, "[{\"model\":\"LP-600\",\"quantity\":400},{\"model\":\"DR-1\",\"quantity\":10}]")
                .statusCode(201).body("completesOrder", equalTo(true)).extract().path("id");
        ship(order, "[{\"model\":\"DR-1\",\"quantity\":1}]").statusCode(400);
        given().auth().oauth2(Tokens.buyer("BUY-FUL-1")).get("/shipments/" + last).then().statusCode(200)
                .body("trackingNumber", equalTo("MSKU1234567"));
        given().auth().oauth2(Tokens.buyer("BUY-OTHER")).get("/shipments/" + last).then().statusCode(404);

        var submitted = TopicProbe.readAll("fulfillment-events").stream().filter(r -> order.equals(r.key())).toList();
        assertThat(submitted).hasSize(2);
        assertThat(TopicProbe.data(submitted.get(0)).path("complete").asBoolean()).isFalse();
        assertThat(TopicProbe.data(submitted.get(1)).path("complete").asBoolean()).isTrue();
        EventContracts.assertAllValid(submitted);
    }
}
