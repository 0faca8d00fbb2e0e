package org.tradeorders.credit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.credit.domain.CreditWorkflow;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "credit"))
class CreditLimitServiceTest {

    @Inject
    CreditWorkflow credit;

    static void activate(String supplier, String limit) {
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON)
                .body("{\"limitUsd\":\"" + limit + "\",\"reason\":\"TEST\"}")
                .put("/credit-lines/" + supplier).then().statusCode(200).body("limit.amount", equalTo(limit));
    }

    static void orderEvent(String eventId, String type, String orderId, String supplier, String amount, String currency) {
        TestEvents.publish("order-events", eventId, type, "/order-service", orderId, """
                {"orderId":"%s","supplierId":"%s","buyerId":"B","confirmedBy":"BUYER","total":{"amount":"%s","currency":"%s"}}"""
                .formatted(orderId, supplier, amount, currency));
    }

    static io.restassured.response.ValidatableResponse line(String supplier) {
        return given().auth().oauth2(Tokens.supplier(supplier)).get("/credit-lines/" + supplier).then().statusCode(200);
    }

    @Test
    void confirmedOrdersReserveOnceAndCompletionReleasesAndCountsVolume() {
        String supplier = "SUP-" + UUID.randomUUID();
        activate(supplier, "10000.00");
        String order = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        orderEvent(eventId, "tradeorders.OrderConfirmed.v1", order, supplier, "3000.00", "USD");
        orderEvent(eventId, "tradeorders.OrderConfirmed.v1", order, supplier, "3000.00", "USD"); // redelivered
        orderEvent(UUID.randomUUID().toString(), "tradeorders.OrderConfirmed.v1", order, supplier, "3000.00", "USD"); // same order again
        EventContracts.assertValid(TopicProbe.await("credit-limit-events", "tradeorders.CreditReserved.v1", order));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> line(supplier).body("reserved.amount", equalTo("3000.00")));

        // EUR 9000 = USD 9720 at the configured reference rate: more than the 7000 available
        String big = UUID.randomUUID().toString();
        orderEvent(UUID.randomUUID().toString(), "tradeorders.OrderConfirmed.v1", big, supplier, "9000.00", "EUR");
        var rejected = TopicProbe.await("credit-limit-events", "tradeorders.CreditReservationRejected.v1", big);
        EventContracts.assertValid(rejected);
        assertThat(TopicProbe.data(rejected).path("reason").asText()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        assertThat(TopicProbe.data(rejected).path("available").path("amount").asText()).isEqualTo("7000.00");
        assertThat(TopicProbe.data(rejected).path("requested").path("amount").asText()).isEqualTo("9720.00");

        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCompleted.v1", "/order-service",
                order, "{\"orderId\":\"" + order + "\",\"supplierId\":\"" + supplier + "\"}");
        EventContracts.assertValid(TopicProbe.await("credit-limit-events", "tradeorders.CreditReleased.v1", order));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> line(supplier)
                .body("reserved.amount", equalTo("0.00"))
                .body("available.amount", equalTo("10000.00"))
                .body("completedVolume.amount", equalTo("3000.00")));
        EventContracts.assertValid(TopicProbe.await("credit-limit-events", "tradeorders.CreditLimitChanged.v1", supplier));
    }

    static void rateRecorded(String base, String quote, String rate, String source, String validFrom) {
        TestEvents.publish("payment-events", UUID.randomUUID().toString(), "tradeorders.FxRateRecorded.v1",
                "/payment-service", base + "/" + quote, """
                {"rateId":"%s","base":"%s","quote":"%s","rate":"%s","source":"%s","validFrom":"%s"}"""
                .formatted(UUID.randomUUID(), base, quote, rate, source, validFrom));
    }

    @Test
    void ordersAreValuedInUsdAtTheNewestRateRecordedByPaymentService() {
        String supplier = "SUP-" + UUID.randomUUID();
        activate(supplier, "100000.00");
        rateRecorded("GBP", "USD", "1.30", "ECB reference rate", "2026-01-02T00:00:00Z");
        rateRecorded("GBP", "USD", "1.20", "stale feed", "2026-01-01T00:00:00Z"); // older: arrives late, ignored
        rateRecorded("USD", "JPY", "150", "BoJ", "2026-01-02T00:00:00Z");
        String order = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String probe = UUID.randomUUID().toString();
            orderEvent(UUID.randomUUID().toString(), "tradeorders.OrderConfirmed.v1", probe, supplier, "1.00", "JPY");
            var reserved = TopicProbe.await("credit-limit-events", "tradeorders.CreditReserved.v1", probe);
            assertThat(TopicProbe.data(reserved).path("usdRateSource").asText()).isEqualTo("BoJ (inverse)");
        });
        orderEvent(UUID.randomUUID().toString(), "tradeorders.OrderConfirmed.v1", order, supplier, "1000.00", "GBP");
        var reserved = TopicProbe.await("credit-limit-events", "tradeorders.CreditReserved.v1", order);
        EventContracts.assertValid(reserved);
        assertThat(TopicProbe.data(reserved).path("reserved").path("amount").asText()).isEqualTo("1300.00");
        assertThat(TopicProbe.data(reserved).path("usdRateSource").asText()).isEqualTo("ECB reference rate");
        assertThat(TopicProbe.data(reserved).path("usdRateValidFrom").asText()).startsWith("2026-01-02");
    }

    @Test
    void concurrentReservationsNeverOversubscribeTheLimit() throws Exception {
        String supplier = "SUP-" + UUID.randomUUID();
        activate(supplier, "10000.00");
        int reservers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(reservers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < reservers; i++) {
            String order = UUID.randomUUID().toString();
            done.add(pool.submit(() -> {
                start.await();
                QuarkusTransaction.requiringNew().run(() -> credit.reserve(order, supplier, new Money(new BigDecimal("1000.00"), "USD")));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        line(supplier).body("reserved.amount", equalTo("10000.00")).body("available.amount", equalTo("0.00"));
    }

    @Test
    void aSupplierSeesOnlyItsOwnLineAndOnlyOperatorsSetLimits() {
        String supplier = "SUP-" + UUID.randomUUID();
        activate(supplier, "500.00");
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).get("/credit-lines/" + supplier).then().statusCode(404);
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body("{\"limitUsd\":\"999999\"}")
                .put("/credit-lines/" + supplier).then().statusCode(403);
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON).body("{\"limitUsd\":\"-5\"}")
                .put("/credit-lines/" + supplier).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limitUsd"));
        line(supplier).body("limit.amount", equalTo("500.00"));
    }

    /** Runs last: every event the tests above made credit-limit-service publish matches its schema. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyPublishedEventMatchesItsSchema() {
        assertThat(EventContracts.assertAllValid(TopicProbe.readAll("credit-limit-events"))).isPositive();
    }
}
