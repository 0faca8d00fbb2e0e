package org.tradeorders.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.payment.ledger.domain.Account;
import org.tradeorders.payment.ledger.domain.EntryType;
import org.tradeorders.payment.ledger.domain.Ledger;
import org.tradeorders.payment.ledger.domain.Posting;
import org.tradeorders.platform.idempotency.IdempotencyKeys;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Metrics;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * payment-service against the real broker and database: links, channels, fees, FX, the ledger, withdrawals.
 * The tests run in a shuffled order, new each run ({@link ShuffledOrder}): none relies on another, not
 * even the one that moves the shared clock.
 */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentServiceTest {
    static final String SUPPLIER = "SUP-PAY-1";
    static final String BUYER = "BUY-PAY-1";

    /** An order awaiting payment of 30% + 70% of {@code total}, delivered twice (one set of links). */
    static String awaitingPayment(String supplier, String total, String deposit, String balance, String currency) {
        String order = UUID.randomUUID().toString();
        publishAwaitingPayment(order, supplier, total, deposit, balance, currency);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.buyer(BUYER))
                .get("/orders/" + order + "/payment-links").then().statusCode(200).body("items", hasSize(2)));
        return order;
    }

    /** order-service's word that {@code order} awaits payment, delivered twice. */
    static void publishAwaitingPayment(String order, String supplier, String total, String deposit, String balance,
            String currency) {
        String eventId = UUID.randomUUID().toString();
        String body = """
                {"orderId":"%s","supplierId":"%s","buyerId":"%s","total":{"amount":"%s","currency":"%s"},
                 "installments":[{"seq":1,"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION","amount":{"amount":"%s","currency":"%s"}},
                                 {"seq":2,"name":"Balance","percent":70,"due":"BEFORE_SHIPMENT","amount":{"amount":"%s","currency":"%s"}}]}"""
                .formatted(order, supplier, BUYER, total, currency, deposit, currency, balance, currency);
        TestEvents.publish("order-events", eventId, "tradeorders.OrderAwaitingPayment.v1", "/order-service", order, body);
        TestEvents.publish("order-events", eventId, "tradeorders.OrderAwaitingPayment.v1", "/order-service", order, body);
    }

    static String awaitingPayment() {
        return awaitingPayment(SUPPLIER, "12500.00", "3750.00", "8750.00", "USD");
    }

    static List<String> tokens(String order) {
        return given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/payment-links").then().extract().path("items.token");
    }

    static List<String> linkIds(String order) {
        return given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/payment-links").then().extract().path("items.id");
    }

    static ValidatableResponse pay(String token, String body) {
        return given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body(body)
                .post("/payment-links/" + token + "/payments").then().log().ifValidationFails();
    }

    static ValidatableResponse report(String linkId, String transactionId, String amount) {
        return given().auth().oauth2(Tokens.issue("payment-channel", "card-gateway")).contentType(ContentType.JSON)
                .body("""
                        {"channel":"CARD","transactionId":"%s","linkId":"%s","amount":{"amount":"%s","currency":"USD"}}"""
                        .formatted(transactionId, linkId, amount))
                .post("/channel-reports").then().log().ifValidationFails();
    }

    static void shipped(String order, String supplier) {
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderShipped.v1", "/order-service",
                order, """
                {"orderId":"%s","supplierId":"%s","buyerId":"%s","shipmentId":"s-1","receiptDueAt":"2030-01-01T00:00:00Z"}"""
                .formatted(order, supplier, BUYER));
    }

    /** A withdrawal of {@code amount} USD to the test's German bank account. */
    static String withdrawal(String amount) {
        return "{\"amount\":\"%s\",\"currency\":\"USD\",\"bankAccount\":\"DE89370400440532013000\"}".formatted(amount);
    }

    static ValidatableResponse balances(String supplier) {
        return given().auth().oauth2(Tokens.supplier(supplier)).get("/suppliers/" + supplier + "/balances").then().statusCode(200);
    }

    static long eventsOf(String key, String type) {
        return TopicProbe.readAll("payment-events").stream()
                .filter(r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type"))).count();
    }

    @Inject
    javax.sql.DataSource dataSource;

    /** A US$1,000 order of the supplier, paid by T/T and shipped: US$980 available (less the 2% service fee). */
    static void paidAndShipped(String supplier) {
        String order = awaitingPayment(supplier, "1000.00", "300.00", "700.00", "USD");
        tokens(order).forEach(t -> pay(t, "{\"channel\":\"TT_BANK_TRANSFER\"}").statusCode(201));
        shipped(order, supplier);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> balances(supplier)
                .body("byCurrency.USD.available.amount", equalTo("980.00")));
    }

    /** After every scenario the books must prove themselves. */
    @AfterEach
    void theBooksBalance() {
        assertTheBooksBalance();
    }

    static void assertTheBooksBalance() {
        given().auth().oauth2(Tokens.operator("OPS")).get("/ops/ledger/check").then().statusCode(200)
                .body("problems", hasSize(0)).body("balanced", equalTo(true));
    }

    @Test
    void eachInstallmentGetsOneLinkOnlyTheBuyerSeesTokensAndPaying() {
        String order = awaitingPayment();
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).get("/orders/" + order + "/payment-links").then().statusCode(200)
                .body("items[0].token", nullValue()).body("items[0].amount.amount", equalTo("3750.00"))
                .body("items[0].outstanding.amount", equalTo("3750.00")).body("items[0].expiresAt", notNullValue());
        given().auth().oauth2(Tokens.buyer("BUY-OTHER")).get("/orders/" + order + "/payment-links").then().statusCode(404);
        List<String> tokens = tokens(order);
        assertThat(tokens).allSatisfy(t -> assertThat(t).hasSizeGreaterThanOrEqualTo(22)).doesNotHaveDuplicates();

        given().auth().oauth2(Tokens.buyer("BUY-OTHER")).contentType(ContentType.JSON).body("{\"channel\":\"CARD\"}")
                .post("/payment-links/" + tokens.get(0) + "/payments").then().statusCode(404);
        pay(tokens.get(0), "{\"channel\":\"CHEQUE\"}").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("channel"));
        pay(tokens.get(0), "{\"channel\":\"TT_BANK_TRANSFER\",\"amount\":{\"amount\":\"1.001\",\"currency\":\"USD\"}}")
                .statusCode(400).body("errors[0].field", equalTo("amount.amount"));
        pay(tokens.get(0), "{\"channel\":\"TT_BANK_TRANSFER\",\"amount\":{\"amount\":\"10\",\"currency\":\"EUR\"}}")
                .statusCode(400).body("errors[0].field", equalTo("amount.currency"));
        pay(tokens.get(0), "{\"channel\":\"TT_BANK_TRANSFER\",\"amount\":{\"amount\":\"5000\",\"currency\":\"USD\"}}")
                .statusCode(400).body("detail", containsString("outstanding"));
        pay(tokens.get(0), "{\"channel\":\"TT_BANK_TRANSFER\"}").statusCode(201)
                .body("amount.amount", equalTo("3750.00")).body("surcharge.amount", equalTo("0.00"));
        pay(tokens.get(0), "{\"channel\":\"CARD\"}").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("PAID"));

        var received = TopicProbe.await("payment-events", "tradeorders.PaymentReceived.v1", order);
        EventContracts.assertValid(received);
        assertThat(TopicProbe.data(received).path("installmentSeq").asInt()).isEqualTo(1);
        assertThat(eventsOf(order, "tradeorders.PaymentReceived.v1")).isEqualTo(1);
        assertThat(TopicProbe.readAll("payment-events")).noneMatch(r -> tokens.stream().anyMatch(r.value()::contains));
    }

    @Test
    void partialPaymentsAccumulateOverpaymentsBecomeBuyerCreditAndARepeatedReportCountsOnce() {
        String order = awaitingPayment();
        String link = linkIds(order).get(0);
        String first = report(link, "tx-" + order + "-1", "1000.00").statusCode(201)
                .body("applied.amount", equalTo("1000.00")).extract().path("id");
        report(link, "tx-" + order + "-1", "1000.00").statusCode(200).body("id", equalTo(first));
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/payment-links").then()
                .body("items[0].status", equalTo("PARTIALLY_PAID")).body("items[0].paid.amount", equalTo("1000.00"))
                .body("items[0].outstanding.amount", equalTo("2750.00"));

        report(link, "tx-" + order + "-2", "3000.00").statusCode(201).body("applied.amount", equalTo("2750.00"))
                .body("creditedToBuyer.amount", equalTo("250.00")).body("surcharge.amount", equalTo("88.50"));
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/payment-links").then()
                .body("items[0].status", equalTo("PAID")).body("items[0].outstanding.amount", equalTo("0.00"));
        // money for a link that is paid already is never lost: it is the buyer's
        report(link, "tx-" + order + "-3", "100.00").statusCode(201).body("applied.amount", equalTo("0.00"))
                .body("creditedToBuyer.amount", equalTo("100.00"));

        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(order, "tradeorders.PaymentReceived.v1") == 2);
        EventContracts.assertValid(TopicProbe.await("payment-events", "tradeorders.PaymentCreditedToBuyer.v1", order));
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).get("/orders/" + order + "/journal").then().statusCode(200)
                .body("items.type", hasItems("BUYER_PAYMENT", "PAYMENT_ALLOCATED"))
                .body("items.findAll { it.type == 'BUYER_PAYMENT' }", hasSize(3));
        given().auth().oauth2(Tokens.operator("OPS")).get("/ops/ledger/accounts?owner=" + BUYER).then()
                .body("items.find { it.id == 'buyer:" + BUYER + ":credit:USD' }.balance.amount", notNullValue());
        given().auth().oauth2(Tokens.issue("buyer", BUYER)).contentType(ContentType.JSON).body("{}").post("/channel-reports")
                .then().statusCode(403);
        // an adapter reports only its own channels
        given().auth().oauth2(Tokens.issue("payment-channel", "card-gateway")).contentType(ContentType.JSON).body("""
                {"channel":"WALLET","transactionId":"w-1","linkId":"%s","amount":{"amount":"1.00","currency":"USD"}}"""
                .formatted(link)).post("/channel-reports").then().statusCode(403).body("detail", containsString("WALLET"));
    }

    @Test
    void theCardFeeIsTheBuyersTheServiceFeeIsCappedAndFundsBecomeAvailableWhenTheGoodsShip() {
        String supplier = "SUP-FEE-" + UUID.randomUUID();
        String order = awaitingPayment(supplier, "12500.00", "3750.00", "8750.00", "USD");
        List<String> tokens = tokens(order);
        pay(tokens.get(0), "{\"channel\":\"CARD\"}").statusCode(201).body("surcharge.amount", equalTo("110.62"))
                .body("charged.amount", equalTo("3860.62"));
        pay(tokens.get(1), "{\"channel\":\"ONLINE_BANKING\"}").statusCode(201).body("surcharge.amount", equalTo("0.00"));
        balances(supplier).body("byCurrency.USD.pending.amount", equalTo("12500.00"))
                .body("byCurrency.USD.available.amount", equalTo("0.00"));
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body("{\"amount\":\"1\",\"currency\":\"USD\",\"bankAccount\":\"DE89 3704 0044 0532 0130 00\"}")
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(409).body("type", containsString("insufficient-funds"));

        shipped(order, supplier);
        var settled = TopicProbe.await("payment-events", "tradeorders.FundsSettled.v1", order);
        EventContracts.assertValid(settled);
        assertThat(TopicProbe.data(settled).path("serviceFee").path("amount").asText()).isEqualTo("100.00"); // 2% = 250, capped
        balances(supplier).body("byCurrency.USD.pending.amount", equalTo("0.00"))
                .body("byCurrency.USD.available.amount", equalTo("12400.00"));
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/journal").then().statusCode(200)
                .body("items.type", hasItems("BUYER_PAYMENT", "PAYMENT_ALLOCATED", "FUNDS_SETTLED"))
                .body("items.find { it.type == 'FUNDS_SETTLED' }.postings.account", hasItems("supplier:" + supplier + ":pending:USD",
                        "supplier:" + supplier + ":available:USD", "platform:fees:supplier-service:USD"));
        given().auth().oauth2(Tokens.buyer("BUY-STRANGER")).get("/orders/" + order + "/journal").then().statusCode(404);

        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body("{\"amount\":\"12400.01\",\"currency\":\"USD\",\"bankAccount\":\"DE89370400440532013000\"}")
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(409);
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body("{\"amount\":\"12400.00\",\"currency\":\"USD\",\"bankAccount\":\"DE89370400440532013000\"}")
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(201).body("bankAccount", equalTo("****3000"));
        EventContracts.assertValid(TopicProbe.await("payment-events", "tradeorders.WithdrawalPaid.v1", supplier));
        given().auth().oauth2(Tokens.supplier("SUP-SOMEONE")).contentType(ContentType.JSON)
                .body("{\"amount\":\"1\",\"currency\":\"USD\",\"bankAccount\":\"DE89370400440532013000\"}")
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(404);
    }

    @Test
    void concurrentWithdrawalsNeverExceedTheAvailableBalance() throws Exception {
        String supplier = "SUP-RACE-" + UUID.randomUUID();
        paidAndShipped(supplier);
        String token = Tokens.supplier(supplier);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Callable<Integer> withdraw = () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"amount\":\"50\",\"currency\":\"USD\",\"bankAccount\":\"DE89370400440532013000\"}")
                    .post("/suppliers/" + supplier + "/withdrawals").then().extract().statusCode();
            results.add(pool.submit(withdraw));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(19); // 19 x 50 = 950 <= 980 < 1000
        balances(supplier).body("byCurrency.USD.available.amount", equalTo("30.00"));
    }

    @Test
    void operatorsRecordFxRatesAndTheServiceFeeCapIsConvertedAtTheRecordedRate() {
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON)
                .body("{\"base\":\"EUR\",\"quote\":\"USD\",\"rate\":\"1.10\",\"source\":\"ECB reference rate\"}")
                .post("/fx-rates").then().statusCode(201).body("rate", equalTo("1.1000000000"));
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).contentType(ContentType.JSON)
                .body("{\"base\":\"EUR\",\"quote\":\"USD\",\"rate\":\"2\",\"source\":\"me\"}").post("/fx-rates").then().statusCode(403);
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON)
                .body("{\"base\":\"EUR\",\"quote\":\"XXX\",\"rate\":\"-1\",\"source\":\"\"}").post("/fx-rates").then().statusCode(400)
                .body("errors.field", hasItems("rate", "source"));
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/fx-rates?size=100").then().statusCode(200)
                .body("items.find { it.base == 'EUR' && it.quote == 'USD' }.source", equalTo("ECB reference rate"));
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/fx-rates/EUR/USD/history").then()
                .body("items.source", hasItems("ECB reference rate", "seed configuration"));
        EventContracts.assertValid(TopicProbe.await("payment-events", "tradeorders.FxRateRecorded.v1", "EUR/USD"));

        // a EUR order settles in the supplier's settlement currency (USD by default) at the recorded rate
        String supplier = "SUP-EUR-" + UUID.randomUUID();
        String order = awaitingPayment(supplier, "10000.00", "3000.00", "7000.00", "EUR");
        tokens(order).forEach(t -> pay(t, "{\"channel\":\"TT_BANK_TRANSFER\"}").statusCode(201));
        balances(supplier).body("byCurrency.EUR.pending.amount", equalTo("10000.00"));
        shipped(order, supplier);
        var settled = TopicProbe.data(TopicProbe.await("payment-events", "tradeorders.FundsSettled.v1", order));
        assertThat(settled.path("settled").path("amount").asText()).isEqualTo("11000.00");
        assertThat(settled.path("fxRateSource").asText()).isEqualTo("ECB reference rate");
        assertThat(settled.path("serviceFee").path("amount").asText()).isEqualTo("100.00"); // 2% = 220, capped
        balances(supplier).body("byCurrency.EUR.pending.amount", equalTo("0.00"))
                .body("byCurrency.USD.available.amount", equalTo("10900.00"));
        given().auth().oauth2(Tokens.operator("OPS")).get("/ops/fx-conversions?reference=" + order).then().statusCode(200)
                .body("items[0].purpose", equalTo("SETTLEMENT")).body("items[0].rate", equalTo("1.1000000000"))
                .body("items[0].rateSource", equalTo("ECB reference rate")).body("items[0].to.amount", equalTo("11000.00"));

        // a supplier settling in EUR: no conversion of the money, but the US$100 cap is converted: 90.91 EUR
        String eurSupplier = "SUP-EUR-SETTLES-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.supplier(eurSupplier)).contentType(ContentType.JSON).body("{\"settlementCurrency\":\"XYZ\"}")
                .put("/suppliers/" + eurSupplier + "/settings").then().statusCode(400);
        given().auth().oauth2(Tokens.supplier(eurSupplier)).contentType(ContentType.JSON).body("{\"settlementCurrency\":\"EUR\"}")
                .put("/suppliers/" + eurSupplier + "/settings").then().statusCode(200);
        String eurOrder = awaitingPayment(eurSupplier, "10000.00", "3000.00", "7000.00", "EUR");
        tokens(eurOrder).forEach(t -> pay(t, "{\"channel\":\"TT_BANK_TRANSFER\"}").statusCode(201));
        shipped(eurOrder, eurSupplier);
        var eurSettled = TopicProbe.data(TopicProbe.await("payment-events", "tradeorders.FundsSettled.v1", eurOrder));
        assertThat(eurSettled.path("serviceFee").path("amount").asText()).isEqualTo("90.91");
        balances(eurSupplier).body("byCurrency.EUR.available.amount", equalTo("9909.09"));
        given().auth().oauth2(Tokens.operator("OPS")).get("/ops/fx-conversions?reference=" + eurOrder).then()
                .body("items[0].purpose", equalTo("SUPPLIER_SERVICE_FEE_CAP"))
                .body("items[0].rateSource", equalTo("ECB reference rate (inverse)")).body("items[0].to.amount", equalTo("90.91"));
    }

    @Test
    void payLaterAdvancesTheInstallmentAndTheBuyerOwesIt() {
        String order = awaitingPayment();
        pay(tokens(order).get(0), "{\"channel\":\"PAY_LATER\"}").statusCode(201).body("applied.amount", equalTo("3750.00"))
                .body("payLaterDueAt", notNullValue());
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/journal").then()
                .body("items.type", hasItems("PAY_LATER_ADVANCE"))
                .body("items.find { it.type == 'PAY_LATER_ADVANCE' }.postings[0].account", equalTo("buyer:" + BUYER + ":receivable:USD"));
        var received = TopicProbe.await("payment-events", "tradeorders.PaymentReceived.v1", order);
        assertThat(TopicProbe.data(received).path("channel").asText()).isEqualTo("PAY_LATER");
        assertThat(TopicProbe.data(received).path("payLaterDueAt").asText()).isNotBlank();

        // the buyer repays what it owes, once
        String payment = TopicProbe.data(received).path("paymentId").asText();
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"channel\":\"CARD\"}")
                .post("/payments/" + payment + "/repayment").then().statusCode(200).body("payLaterRepaidAt", notNullValue());
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"channel\":\"CARD\"}")
                .post("/payments/" + payment + "/repayment").then().statusCode(409).body("type", containsString("already-repaid"));
        given().auth().oauth2(Tokens.buyer("BUY-OTHER")).contentType(ContentType.JSON).body("{\"channel\":\"CARD\"}")
                .post("/payments/" + payment + "/repayment").then().statusCode(404);
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/journal").then()
                .body("items.find { it.type == 'PAY_LATER_REPAID' }.postings.account", hasItems("platform:cash:USD",
                        "buyer:" + BUYER + ":receivable:USD", "platform:fees:card-processing:USD"));
        EventContracts.assertValid(TopicProbe.await("payment-events", "tradeorders.PayLaterRepaid.v1", order));
    }

    @Test
    void aCancelledOrdersLinksCanNoLongerBePaid() {
        String order = awaitingPayment();
        List<String> tokens = tokens(order);
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCancelled.v1", "/order-service",
                order, """
                {"orderId":"%s","supplierId":"%s","buyerId":"%s","previousState":"AWAITING_PAYMENT","cancelledBy":"SYSTEM",
                 "reason":"UNPAID_TIMEOUT"}""".formatted(order, SUPPLIER, BUYER));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.buyer(BUYER))
                .get("/orders/" + order + "/payment-links").then().body("items.status", everyItem(equalTo("CANCELLED"))));
        pay(tokens.get(1), "{\"channel\":\"CARD\"}").statusCode(409).body("detail", containsString("CANCELLED"));
        EventContracts.assertValid(TopicProbe.await("payment-events", "tradeorders.PaymentLinkCancelled.v1", order));
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameAnswerAnotherRequestUnderItIsRefused() throws Exception {
        String supplier = "SUP-IDEM-" + UUID.randomUUID();
        paidAndShipped(supplier);
        String token = Tokens.supplier(supplier);
        String body = withdrawal("100");
        String key = UUID.randomUUID().toString();
        var first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(201).extract();
        var again = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertThat(again.path("id").toString()).isEqualTo(first.path("id").toString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        balances(supplier).body("byCurrency.USD.available.amount", equalTo("880.00")); // withdrawn once
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(withdrawal("200")).post("/suppliers/" + supplier + "/withdrawals").then().statusCode(422)
                .contentType("application/problem+json").body("type", containsString("idempotency-key-reused"));

        // errors are answers too: the same refusal again, even once the money would be there
        String refusedKey = UUID.randomUUID().toString();
        String tooMuch = withdrawal("900");
        given().auth().oauth2(token).header("Idempotency-Key", refusedKey).contentType(ContentType.JSON).body(tooMuch)
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(409);
        given().auth().oauth2(token).header("Idempotency-Key", refusedKey).contentType(ContentType.JSON).body(tooMuch)
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(409).header("Idempotent-Replayed", "true")
                .contentType("application/problem+json");

        // another caller's identical key is another key
        String other = "SUP-IDEM-OTHER-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.supplier(other)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/suppliers/" + other + "/withdrawals").then().statusCode(409).body("type", containsString("insufficient-funds"));

        // the answer is kept in the withdrawal's own transaction: when that transaction fails at its very
        // end (here the database refuses the key's row once), neither the withdrawal nor the key stays,
        // and the retry withdraws exactly once
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("create sequence if not exists idem_doom");
            st.execute("create or replace function idem_doom() returns trigger language plpgsql as $$ begin "
                    + "if new.idem_key like 'doomed-%' and nextval('idem_doom') % 2 = 1 then "
                    + "raise exception 'connection lost at commit' using errcode = '08006'; end if; return new; end $$");
            st.execute("create or replace trigger idem_doom before insert on idempotency_key for each row "
                    + "execute function idem_doom()");
        }
        String lostKey = "doomed-" + UUID.randomUUID();
        given().auth().oauth2(token).header("Idempotency-Key", lostKey).contentType(ContentType.JSON)
                .body(body).post("/suppliers/" + supplier + "/withdrawals").then().statusCode(503)
                .header("Retry-After", "1").body("type", containsString("busy-retry"));
        balances(supplier).body("byCurrency.USD.available.amount", equalTo("880.00")); // nothing withdrawn
        String lost = given().auth().oauth2(token).header("Idempotency-Key", lostKey).contentType(ContentType.JSON)
                .body(body).post("/suppliers/" + supplier + "/withdrawals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).header("Idempotency-Key", lostKey).contentType(ContentType.JSON).body(body)
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(lost));
        balances(supplier).body("byCurrency.USD.available.amount", equalTo("780.00")); // 100 + 100, not 300

        // the same for a payment: one partial payment, however often it is retried
        String payOrder = awaitingPayment();
        String payKey = "doomed-" + UUID.randomUUID();
        String partial = "{\"channel\":\"WALLET\",\"amount\":{\"amount\":\"1000\",\"currency\":\"USD\"}}";
        given().auth().oauth2(Tokens.buyer(BUYER)).header("Idempotency-Key", payKey).contentType(ContentType.JSON)
                .body(partial).post("/payment-links/" + tokens(payOrder).get(0) + "/payments").then().statusCode(503);
        String paymentId = given().auth().oauth2(Tokens.buyer(BUYER)).header("Idempotency-Key", payKey)
                .contentType(ContentType.JSON).body(partial).post("/payment-links/" + tokens(payOrder).get(0) + "/payments")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.buyer(BUYER)).header("Idempotency-Key", payKey).contentType(ContentType.JSON)
                .body(partial).post("/payment-links/" + tokens(payOrder).get(0) + "/payments").then().statusCode(201)
                .body("id", equalTo(paymentId));
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + payOrder + "/payment-links").then()
                .body("items[0].paid.amount", equalTo("1000.00"));
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("drop trigger idem_doom on idempotency_key");
        }

        // a key whose first request is still running holds the key's lock: a retry is told so at once
        String busyKey = UUID.randomUUID().toString();
        long lockId = IdempotencyKeys.lockId("supplier@" + supplier + "|" + supplier, busyKey);
        try (var c = dataSource.getConnection(); var lock = c.prepareStatement("select pg_advisory_lock(?)");
                var unlock = c.prepareStatement("select pg_advisory_unlock(?)")) {
            lock.setLong(1, lockId);
            lock.execute(); // as if its request were still running
            given().auth().oauth2(token).header("Idempotency-Key", busyKey).contentType(ContentType.JSON).body(body)
                    .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(409)
                    .body("type", containsString("idempotency-key-in-flight"));
            unlock.setLong(1, lockId);
            unlock.execute(); // the pool keeps the session; a crashed request's session would end instead
        }
        // the first request's session ended without an answer (it crashed): the key is free at once
        given().auth().oauth2(token).header("Idempotency-Key", busyKey).contentType(ContentType.JSON).body(body)
                .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(201);
        balances(supplier).body("byCurrency.USD.available.amount", equalTo("680.00"));
    }

    @Test
    void aWithdrawalToAnAccountGivenAsAnIbanNeedsAValidOne() {
        String supplier = "SUP-IBAN-" + UUID.randomUUID();
        for (String account : List.of("DE89370400440532013001", "GB82WEST1234569876543", "SC18SSCB1101000000000000149")) {
            given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                    .body("{\"amount\":\"10\",\"currency\":\"USD\",\"bankAccount\":\"" + account + "\"}")
                    .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("bankAccount"));
        }
        // a valid IBAN, or an account of a country without IBANs, goes on to the balance check
        for (String account : List.of("DE89370400440532013000", "CN12 3456 7890 1234")) {
            given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                    .body("{\"amount\":\"10\",\"currency\":\"USD\",\"bankAccount\":\"" + account + "\"}")
                    .post("/suppliers/" + supplier + "/withdrawals").then().statusCode(409)
                    .body("type", containsString("insufficient-funds"));
        }
    }

    @Inject
    Ledger ledger;

    @Test
    void theJournalIsAppendOnlyAnUnbalancedEntryIsRefusedAndTheCheckFindsDrift() throws Exception {
        String order = awaitingPayment();
        pay(tokens(order).get(0), "{\"channel\":\"WALLET\"}").statusCode(201);
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("update journal_posting set amount = amount * 2"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("delete from journal_entry"))
                    .hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> ledger.post(
                EntryType.WITHDRAWAL, "test:" + order, null, SUPPLIER, "unbalanced",
                List.of(Posting.debit(
                        Account.cash("USD"), new BigDecimal("1.00"))))))
                .hasMessageContaining("unbalanced");

        // a balance that no longer matches its postings is found
        String account = "supplier:" + SUPPLIER + ":pending:USD";
        try (var c = dataSource.getConnection();
                var st = c.prepareStatement("update ledger_account set balance = balance + ? where id = ?")) {
            st.setBigDecimal(1, new BigDecimal("0.01"));
            st.setString(2, account);
            st.executeUpdate();
            given().auth().oauth2(Tokens.operator("OPS")).get("/ops/ledger/check").then().statusCode(200)
                    .body("balanced", equalTo(false)).body("problems[0]", containsString(account));
            // and the standing check (scheduled; run now here) shows and counts it where ops look
            given().auth().oauth2(Tokens.operator("OPS")).post("/ops/invariants/check").then().statusCode(200)
                    .body("find { it.name == 'books-balance' }.holds", equalTo(false))
                    .body("find { it.name == 'books-balance' }.violations[0]", containsString(account));
            assertThat(Metrics.value("tradeorders_invariant_violations", "invariant=\"books-balance\"")).isGreaterThan(0);
            st.setBigDecimal(1, new BigDecimal("-0.01"));
            st.executeUpdate();
        }
        given().auth().oauth2(Tokens.operator("OPS")).post("/ops/invariants/check").then().statusCode(200)
                .body("find { it.name == 'books-balance' }.holds", equalTo(true))
                .body("find { it.name == 'books-balance' }.timesViolated", greaterThanOrEqualTo(1));
        assertThat(Metrics.value("tradeorders_invariant_violations", "invariant=\"books-balance\"")).isZero();
        assertThat(Metrics.value("tradeorders_invariant_violated_total", "invariant=\"books-balance\"")).isGreaterThan(0);
    }

    static ValidatableResponse collectionInfo(String supplier, String account, String country, String bic) {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body("""
                {"bankName":"Industrial and Commercial Bank of China","accountHolder":"Hangzhou Lighting Co., Ltd.",
                 "accountNumber":"%s","bankCountry":"%s","swiftBic":"%s",
                 "contactEmail":"finance@hz-lighting.example","contactPhone":"+86 571 8502 2088"}"""
                .formatted(account, country, bic)).put("/suppliers/" + supplier + "/e-collection").then().log().ifValidationFails();
    }

    @Test
    void aSupplierActivatesECollectionWithCheckedBankDetailsAndChangesKeepTheirHistory() {
        String supplier = "SUP-EC-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body("{\"bankName\":\"B\",\"accountHolder\":\"H\",\"accountNumber\":\"1234\",\"bankCountry\":\"CN\","
                        + "\"swiftBic\":\"ICBKCNBJ\",\"contactEmail\":\"not-an-email\",\"contactPhone\":\"call me\"}")
                .put("/suppliers/" + supplier + "/e-collection").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("contactEmail", "contactPhone"));
        collectionInfo(supplier, "DE89 3704 0044 0532 0130 01", "DE", "COBADEFFXXX").statusCode(400)
                .body("errors[0].field", equalTo("accountNumber")).body("errors[0].reason", containsString("mod 97"));
        collectionInfo(supplier, "DE89 3704 0044 0532 0130", "DE", "COBADEFFXXX").statusCode(400)
                .body("errors[0].reason", containsString("an IBAN of DE has 22"));
        collectionInfo(supplier, "FR14 2004 1010 0505 0001 3M02 606", "DE", "COBADEFF").statusCode(400)
                .body("errors[0].reason", containsString("IBAN of FR"));
        collectionInfo(supplier, "6222 0212 3456 7890", "CN", "COBADEFF").statusCode(400)
                .body("errors[0].field", equalTo("swiftBic")).body("errors[0].reason", containsString("DE, not CN"));
        collectionInfo(supplier, "6222 0212 3456 7890", "CN", "ICBK-1").statusCode(400).body("errors[0].field", equalTo("swiftBic"));
        given().auth().oauth2(Tokens.supplier(supplier)).get("/suppliers/" + supplier + "/e-collection").then().statusCode(404);

        collectionInfo(supplier, "6222 0212 3456 7890", "CN", "ICBKCNBJ").statusCode(201).body("version", equalTo(1))
                .body("accountNumber", equalTo("6222021234567890"));
        collectionInfo(supplier, "DE89 3704 0044 0532 0130 00", "DE", "COBADEFFXXX").statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(Tokens.operator("OPS")).get("/suppliers/" + supplier + "/e-collection/history").then()
                .statusCode(200).body("items.version", contains(2, 1))
                .body("items[1].accountNumber", equalTo("****7890")).body("items[0].swiftBic", equalTo("COBADEFFXXX"));
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).get("/suppliers/" + supplier + "/e-collection").then().statusCode(404);
        var activated = TopicProbe.readAll("payment-events").stream().filter(r -> supplier.equals(r.key())).toList();
        assertThat(activated).hasSize(2);
        assertThat(TopicProbe.data(activated.get(0)).path("activated").asBoolean()).isTrue();
        activated.forEach(EventContracts::assertValid);
    }

    @Test
    void anExpiredLinkIsRefusedWithItsExpiry() {
        String order = awaitingPayment();
        // a payment under an Idempotency-Key, whose kept answer outlives its retention below
        given().auth().oauth2(Tokens.buyer(BUYER)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"channel\":\"CARD\"}")
                .post("/payment-links/" + tokens(awaitingPayment()).get(0) + "/payments").then().statusCode(201);
        given().auth().oauth2(Tokens.operator("OPS")).contentType(ContentType.JSON).body("{\"days\":61}")
                .post("/ops/clock/advance").then().statusCode(200);
        pay(tokens(order).get(0), "{\"channel\":\"WALLET\"}").statusCode(409).body("detail", containsString("expired at"));
        given().auth().oauth2(Tokens.buyer(BUYER)).get("/orders/" + order + "/payment-links").then()
                .body("items[0].status", equalTo("EXPIRED"));
        // that key (and any other test's) is past its retention now
        assertThat(idempotencyKeys.purgeExpired()).isPositive();
    }

    @Inject
    IdempotencyKeys idempotencyKeys;

    /** Every event payment-service published so far (whichever tests ran before, and this one's) matches its schema. */
    @Test
    void everyPublishedEventMatchesItsSchema() {
        TopicProbe.await("payment-events", "tradeorders.PaymentLinkIssued.v1", awaitingPayment());
        assertThat(EventContracts.assertAllValid(TopicProbe.readAll("payment-events"))).isPositive();
    }

    /** After each test, every event published so far matches its schema (the test's own among them). */
    @AfterEach
    void everyEventSoFarMatchesItsSchema() {
        EventContracts.assertAllValid(TopicProbe.readAll("payment-events"));
    }
}
