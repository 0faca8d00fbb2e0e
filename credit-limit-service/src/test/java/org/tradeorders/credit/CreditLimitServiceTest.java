package org.tradeorders.credit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.credit.domain.CreditWorkflow;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * credit-limit-service against the real broker and database. The tests run in a shuffled order, new each
 * run ({@link ShuffledOrder}): none relies on another, not even the one that moves the shared clock.
 */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
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

    static ValidatableResponse line(String supplier) {
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

    @Test
    void anECollectionOrderNeverTouchesTheLimitButCountsAsVolumeOnce() {
        String supplier = "SUP-EC-" + UUID.randomUUID();
        activate(supplier, "10000.00");
        String order = UUID.randomUUID().toString();
        // completed now on the service's clock (which another test may have moved): inside the volume window
        String completed = """
                {"orderId":"%s","supplierId":"%s","buyerId":"B","total":{"amount":"2000.00","currency":"EUR"},
                 "completedAt":"%s","receiptConfirmedBy":"BUYER","kind":"E_COLLECTION"}""".formatted(order, supplier,
                serviceNow());
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCompleted.v1", "/order-service", order, completed);
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCompleted.v1", "/order-service", order, completed);
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCancelled.v1", "/order-service", order,
                "{\"orderId\":\"" + order + "\",\"supplierId\":\"" + supplier + "\"}");
        // EUR 2,000 at the recorded 1.08 = US$2,160 of volume, counted once; nothing reserved or released
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> line(supplier).body("completedVolume.amount", equalTo("2160.00")));
        line(supplier).body("reserved.amount", equalTo("0.00")).body("limit.amount", equalTo("10000.00"))
                .body("available.amount", equalTo("10000.00"));
        recalculate(supplier).body("limit.amount", equalTo("11080.00")); // the growth formula sees it
        assertThat(TopicProbe.readAll("credit-limit-events").stream().filter(r -> order.equals(r.key()))).isEmpty();
    }

    /** A refund case settled on {@code order}, as order-service publishes it (key: the order). */
    static void refundSettled(String type, String order, String supplier, String kind, boolean supplierLost) {
        String kindField = kind == null ? "" : ",\"kind\":\"" + kind + "\"";
        TestEvents.publish("order-events", UUID.randomUUID().toString(), type, "/order-service", order, """
                {"caseId":"%s","orderId":"%s","supplierId":"%s","buyerId":"B"%s,"reason":"NOT_AS_AGREED",
                 "amount":{"amount":"800.00","currency":"USD"},"supplierLost":%s}"""
                .formatted(UUID.randomUUID(), order, supplier, kindField, supplierLost));
    }

    @Test
    void aProtectedRefundCaseTheSupplierLostCostsItPenaltyPoints() {
        String supplier = "SUP-REFUND-" + UUID.randomUUID();
        activate(supplier, "10000.00");
        // one order's cases, one after the other: one partition, applied in this order
        String order = UUID.randomUUID().toString();
        refundSettled("tradeorders.RefundAgreed.v1", order, supplier, "TRADE_ASSURANCE", false); // at half or less
        refundSettled("tradeorders.RefundAgreed.v1", order, supplier, "E_COLLECTION", true); // trust-based: unprotected
        refundSettled("tradeorders.RefundDecided.v1", order, "SUP-WITHOUT-LINE-" + UUID.randomUUID(), null, true);
        refundSettled("tradeorders.RefundDecided.v1", order, supplier, null, true); // an operator decided against it
        refundSettled("tradeorders.RefundAgreed.v1", order, supplier, "TRADE_ASSURANCE", true); // above half the claim
        // the last one applied (nothing before it held it): exactly the two lost cases counted
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reasons(supplier))
                .filteredOn(r -> r.startsWith("PENALTY_POINTS: REFUND_CASE_LOST")).hasSizeGreaterThanOrEqualTo(2));
        assertThat(reasons(supplier)).filteredOn(r -> r.startsWith("PENALTY_POINTS: REFUND_CASE_LOST")).hasSize(2);
        line(supplier).body("penaltyPoints", equalTo(2)).body("limit.amount", equalTo("8000.00"));
    }

    /** payment-service reports what the supplier owes for advance compensation after an advance or a recovery. */
    static void advanceOwed(String type, String supplier, String owed) {
        TestEvents.publish("payment-events", UUID.randomUUID().toString(), type, "/payment-service", supplier, """
                {"caseId":"%s","orderId":"%s","supplierId":"%s","amount":{"amount":"500.00","currency":"USD"},
                 "owed":{"amount":"%s","currency":"USD"},"paidAt":"2026-12-01T00:00:00Z","recoveredAt":"2026-12-01T00:00:00Z"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), supplier, owed));
    }

    @Test
    void anOutstandingAdvanceCompensationReducesTheAvailableCreditUntilRecovered() {
        String supplier = "SUP-ADVANCE-" + UUID.randomUUID();
        activate(supplier, "10000.00");
        advanceOwed("tradeorders.AdvanceCompensationPaid.v1", supplier, "2500.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> line(supplier)
                .body("advanceOwed.amount", equalTo("2500.00")).body("available.amount", equalTo("7500.00")));
        // an order the limit alone would take, but not with the advance outstanding
        String order = UUID.randomUUID().toString();
        orderEvent(UUID.randomUUID().toString(), "tradeorders.OrderConfirmed.v1", order, supplier, "8000.00", "USD");
        var rejected = TopicProbe.await("credit-limit-events", "tradeorders.CreditReservationRejected.v1", order);
        assertThat(TopicProbe.data(rejected).path("available").path("amount").asText()).isEqualTo("7500.00");

        advanceOwed("tradeorders.AdvanceRecovered.v1", supplier, "0.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> line(supplier)
                .body("advanceOwed.amount", equalTo("0.00")).body("available.amount", equalTo("10000.00")));
    }

    /** Now on credit-limit-service's clock, which an operator (or a test) may have moved. */
    static String serviceNow() {
        return given().auth().oauth2(Tokens.operator("OPS")).get("/ops/clock").then().statusCode(200).extract().path("now");
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
        int reservers = 64;
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

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLineWhoseReservedAmountDriftsFromItsReservationsIsFoundByTheStandingCheck() throws Exception {
        String supplier = "SUP-" + UUID.randomUUID();
        activate(supplier, "500.00");
        String operator = Tokens.operator("OPS");
        given().auth().oauth2(operator).post("/ops/invariants/check").then().statusCode(200)
                .body("find { it.name == 'reservations-add-up' }.violations.findAll { it.contains('" + supplier + "') }",
                        empty());
        try (var c = dataSource.getConnection(); var st = c.prepareStatement(
                "update credit_line set reserved_usd = reserved_usd + ? where supplier_id = ?")) {
            st.setBigDecimal(1, new BigDecimal("10.00"));
            st.setString(2, supplier);
            st.executeUpdate();
            given().auth().oauth2(operator).post("/ops/invariants/check").then().statusCode(200)
                    .body("find { it.name == 'reservations-add-up' }.holds", equalTo(false))
                    .body("find { it.name == 'reservations-add-up' }.violations.find { it.contains('" + supplier + "') }",
                            containsString("active reservations 0"));
            st.setBigDecimal(1, new BigDecimal("-10.00"));
            st.executeUpdate();
        }
    }

    @Test
    void noCreditLineNewOrOldIsSetAboveTheConfiguredCeilingNorRounded() {
        String existing = "SUP-" + UUID.randomUUID();
        activate(existing, "500.00");
        String fresh = "SUP-" + UUID.randomUUID();
        for (String limit : List.of("1000000.01", "1e30", "12.345")) {
            for (String supplier : List.of(existing, fresh)) {
                given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON)
                        .body("{\"limitUsd\":\"" + limit + "\"}").put("/credit-lines/" + supplier).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo("limitUsd"));
            }
        }
        line(existing).body("limit.amount", equalTo("500.00"));
        given().auth().oauth2(Tokens.operator("OPS")).get("/credit-lines/" + fresh).then().statusCode(404);
        // the ceiling itself is allowed
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON).body("{\"limitUsd\":\"1000000\"}")
                .put("/credit-lines/" + fresh).then().statusCode(200).body("limit.amount", equalTo("1000000.00"));
    }

    static ValidatableResponse activation(String supplier, String body) {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body(body)
                .post("/credit-lines/" + supplier + "/activation").then().log().ifValidationFails();
    }

    static List<String> reasons(String supplier) {
        return given().auth().oauth2(Tokens.operator("OPS")).get("/credit-lines/" + supplier + "/history?size=100").then()
                .statusCode(200).extract().path("items.reason");
    }

    @Test
    void aSupplierActivatesWithItsBasicInformationAndGetsTheRuleTablesLimit() {
        String supplier = "SUP-ACT-" + UUID.randomUUID();
        activation(supplier, "{\"verificationLevel\":\"PLATINUM\",\"yearsInBusiness\":-1}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("verificationLevel"));
        activation(supplier, "{\"verificationLevel\":\"VERIFIED\",\"yearsInBusiness\":-1}").statusCode(400)
                .body("errors.field", hasItems("yearsInBusiness", "registeredCapitalUsd"));
        activation(supplier, "{\"verificationLevel\":\"BASIC\",\"yearsInBusiness\":0,\"registeredCapitalUsd\":1000}")
                .statusCode(409).body("type", containsString("not-eligible"))
                .body("detail", containsString("1 year(s) in business"));
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).contentType(ContentType.JSON)
                .body("{\"verificationLevel\":\"VERIFIED\",\"yearsInBusiness\":4,\"registeredCapitalUsd\":600000}")
                .post("/credit-lines/" + supplier + "/activation").then().statusCode(404);

        // VERIFIED, 4 years, US$600,000: rows 20,000 and 50,000 admit it; the highest wins
        activation(supplier, "{\"verificationLevel\":\"VERIFIED\",\"yearsInBusiness\":4,\"registeredCapitalUsd\":600000}")
                .statusCode(201).body("limit.amount", equalTo("50000.00")).body("baseLimit.amount", equalTo("50000.00"))
                .body("verificationLevel", equalTo("VERIFIED"));
        activation(supplier, "{\"verificationLevel\":\"VERIFIED\",\"yearsInBusiness\":4,\"registeredCapitalUsd\":600000}")
                .statusCode(409).body("type", containsString("already-active"));
        assertThat(reasons(supplier)).containsExactly("ACTIVATED_BY_RULE_TABLE");
        var changed = TopicProbe.await("credit-limit-events", "tradeorders.CreditLimitChanged.v1", supplier);
        assertThat(TopicProbe.data(changed).path("limit").path("amount").asText()).isEqualTo("50000.00");
        given().auth().oauth2(Tokens.supplier(supplier)).get("/credit-lines/activation-rules").then().statusCode(200)
                .body("size()", equalTo(6)).body("[0].limitUsd", equalTo(5000));

        // the public badge: no token needed, no amounts shown
        given().get("/suppliers/" + supplier + "/credit-badge").then().statusCode(200)
                .body("active", equalTo(true)).body("tier", equalTo("SILVER"));
        given().get("/suppliers/SUP-NEVER-ACTIVATED/credit-badge").then().statusCode(200)
                .body("active", equalTo(false)).body("tier", nullValue());
    }

    static void complete(String supplier, String amountUsd) {
        String order = UUID.randomUUID().toString();
        orderEvent(UUID.randomUUID().toString(), "tradeorders.OrderConfirmed.v1", order, supplier, amountUsd, "USD");
        TopicProbe.await("credit-limit-events", "tradeorders.CreditReserved.v1", order);
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCompleted.v1", "/order-service",
                order, "{\"orderId\":\"" + order + "\",\"supplierId\":\"" + supplier + "\"}");
        TopicProbe.await("credit-limit-events", "tradeorders.CreditReleased.v1", order);
    }

    static ValidatableResponse recalculate(String supplier) {
        return given().auth().oauth2(Tokens.operator("OPS")).post("/credit-lines/" + supplier + "/recalculation").then()
                .statusCode(200);
    }

    @Test
    void aLoweredLimitKeepsExistingReservationsButNewOnesMustFit() {
        String supplier = "SUP-LOW-" + UUID.randomUUID();
        activate(supplier, "10000.00");
        String held = UUID.randomUUID().toString();
        orderEvent(UUID.randomUUID().toString(), "tradeorders.OrderConfirmed.v1", held, supplier, "8000.00", "USD");
        TopicProbe.await("credit-limit-events", "tradeorders.CreditReserved.v1", held);
        activate(supplier, "5000.00");
        line(supplier).body("reserved.amount", equalTo("8000.00")).body("available.amount", equalTo("0.00"));
        String refused = UUID.randomUUID().toString();
        orderEvent(UUID.randomUUID().toString(), "tradeorders.OrderConfirmed.v1", refused, supplier, "1.00", "USD");
        assertThat(TopicProbe.data(TopicProbe.await("credit-limit-events", "tradeorders.CreditReservationRejected.v1", refused))
                .path("reason").asText()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCancelled.v1", "/order-service",
                held, "{\"orderId\":\"" + held + "\",\"supplierId\":\"" + supplier + "\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> line(supplier).body("available.amount", equalTo("5000.00")));
    }

    /** Moves the shared clock 181 days; every other test works on suppliers of its own, so the order does not matter. */
    @Test
    void theLimitGrowsWithRecentVolumeLosesPenaltiesIsCappedAndIsRecalculatedMonthly() {
        String supplier = "SUP-GROW-" + UUID.randomUUID();
        activate(supplier, "10000.00");
        complete(supplier, "4000.00");
        line(supplier).body("limit.amount", equalTo("10000.00")); // until recalculated
        recalculate(supplier).body("limit.amount", equalTo("12000.00")); // + 50% of US$4,000
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON)
                .body("{\"points\":3,\"reason\":\"late shipments\"}").post("/credit-lines/" + supplier + "/penalties")
                .then().statusCode(200).body("limit.amount", equalTo("9000.00")).body("penaltyPoints", equalTo(3));
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body("{\"points\":3,\"reason\":\"x\"}").post("/credit-lines/" + supplier + "/penalties").then().statusCode(403);

        String big = "SUP-BIG-" + UUID.randomUUID();
        activate(big, "999000.00");
        complete(big, "10000.00");
        recalculate(big).body("limit.amount", equalTo("1000000.00")); // capped

        // 181 days later the volume has aged out; the monthly run (on the 10th) has recalculated every line
        String next = given().auth().oauth2(Tokens.operator("OPS")).post("/credit-lines/recalculation").then().statusCode(200)
                .extract().path("nextMonthlyRecalculation");
        assertThat(Instant.parse(next).atZone(ZoneOffset.UTC).getDayOfMonth()).isEqualTo(10);
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON).body("{\"days\":181}")
                .post("/ops/clock/advance").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> line(supplier).body("limit.amount", equalTo("7000.00")));
        assertThat(reasons(supplier)).containsExactly("MONTHLY_RECALCULATION", "PENALTY_POINTS: late shipments",
                "RECALCULATION_REQUESTED", "TEST");
        line(big).body("limit.amount", equalTo("999000.00"));
        var changed = TopicProbe.readAll("credit-limit-events").stream().filter(r -> supplier.equals(r.key())).toList();
        assertThat(TopicProbe.data(changed.get(changed.size() - 1)).path("reason").asText()).isEqualTo("MONTHLY_RECALCULATION");
        // the run that fired scheduled the next month's: a deadline's handler may set its own kind again
        String following = given().auth().oauth2(Tokens.operator("OPS")).post("/credit-lines/recalculation").then()
                .statusCode(200).extract().path("nextMonthlyRecalculation");
        assertThat(following).as("the next monthly recalculation after one fired").isNotNull();
        assertThat(Instant.parse(following)).isAfter(Instant.parse(next).plus(Duration.ofDays(150)));
    }

    /** Every event credit-limit-service published so far (whichever tests ran before, and this one's) matches its schema. */
    @Test
    void everyPublishedEventMatchesItsSchema() {
        String supplier = "SUP-SCHEMA-" + UUID.randomUUID();
        activate(supplier, "1000.00");
        TopicProbe.await("credit-limit-events", "tradeorders.CreditLimitChanged.v1", supplier);
        assertThat(EventContracts.assertAllValid(TopicProbe.readAll("credit-limit-events"))).isPositive();
    }

    /** After each test, every event published so far matches its schema (the test's own among them). */
    @AfterEach
    void everyEventSoFarMatchesItsSchema() {
        EventContracts.assertAllValid(TopicProbe.readAll("credit-limit-events"));
    }
}
