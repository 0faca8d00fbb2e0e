package org.tradeorders.deploy.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.infra.Ports;
import org.tradeorders.platform.infra.Processes;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.TopicProbe;
import org.tradeorders.platform.testing.Trace;

/**
 * The whole system as run.sh starts it: the five packaged services in their own JVMs, a real broker
 * and a real PostgreSQL. One Trade Assurance order walks the happy path through REST only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    static LocalStack stack;
    static Path data;
    /** A real SMTP server the services send their e-mails to (the payment reminder's link is read from it). */
    static GreenMail smtp;
    /** Tokens, links and keys this run handled: none may appear in a log line. */
    static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    static final String SUPPLIER = "SUP-1001";
    static final String BUYER = "BUY-2001";
    /** The buyer's contact, delivery address, Incoterm and transport of every proforma invoice here. */
    static final String DELIVERY = """
            "buyerContact":{"companyName":"Nordlicht Handels GmbH","contactName":"Anna Berger","phone":"+49 30 1234567"},
            "deliveryAddress":{"street":"Hafenstrasse 12","city":"Hamburg","zipCode":"20457","country":"DE"},
            "incoterm":"FOB","transportMethod":"SEA_FREIGHT",""";

    @BeforeAll
    static void start() throws Exception {
        Path repo = repoRoot();
        data = freshDataDir("tradeorders-e2e-");
        smtp = new GreenMail(new ServerSetup(Ports.free(),
                "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        stack = new LocalStack(StackOptions.ephemeral(repo, data).withSmtpPort(smtp.getSmtp().getPort())).start();
    }

    /** After every scenario payment-service's books must prove themselves. */
    @AfterEach
    void theBooksBalance() {
        given().auth().oauth2(token("operator", "OPS-1")).get(url("payment-service", "/ops/ledger/check")).then()
                .statusCode(200).body("problems", hasSize(0)).body("balanced", equalTo(true));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            List<Integer> ports = stack.processes().keySet().stream().map(LocalStack.Service::port).toList();
            stack.close();
            assertThat(ports).as("no port left behind").noneMatch(Ports::inUse);
        }
        keepLogs(data, Path.of("target", "e2e-logs"));
        Processes.deleteTree(data);
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** The checkout the packaged services are started from. */
    static Path repoRoot() {
        return Path.of(System.getProperty("tradeorders.repo.root", "../..")).toAbsolutePath().normalize();
    }

    /** A throwaway data folder for a stack of its own, readable by the unprivileged PostgreSQL. */
    static Path freshDataDir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        return dir;
    }

    /** The services' logs outlive the throwaway folder (in {@code kept}), for whoever reads a failure. */
    static void keepLogs(Path data, Path kept) {
        Path logs = data.resolve("logs");
        try (var files = Files.exists(logs) ? Files.list(logs) : Stream.<Path>empty()) {
            Files.createDirectories(kept);
            for (Path f : files.toList()) {
                Files.copy(f, kept.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep the services' logs: " + e);
        }
    }

    static String url(String service, String path) {
        return stack.service(service).baseUrl() + path;
    }

    static String token(String role, String company) {
        return stack.tokens().issue(role, company, Duration.ofHours(1));
    }

    static ValidatableResponse order(String id) {
        return given().auth().oauth2(token("buyer", BUYER)).get(url("order-service", "/orders/" + id)).then().statusCode(200);
    }

    static void awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> order(id).body("state", equalTo(state)));
    }

    @Test
    @Order(1)
    void oneTradeAssuranceOrderFromDraftToReviewAcrossAllFiveServices() throws IOException {
        String supplier = token("supplier", SUPPLIER);
        String buyer = token("buyer", BUYER);

        String id = given().auth().oauth2(supplier).contentType(ContentType.JSON).body("""
                {"buyerCompanyId":"%s","buyerEmail":"purchasing@buyer.example",{DELIVERY}"currency":"USD",
                 "lines":[{"productName":"LED panel 600x600","model":"LP-600","unitPrice":"12.35","quantity":1000}],
                 "shippingCost":"150.00",
                 "installments":[{"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION"},
                                 {"name":"Balance","percent":70,"due":"BEFORE_SHIPMENT"}],
                 "shipmentDeadline":"%s"}""".replace("{DELIVERY}", DELIVERY).formatted(BUYER, LocalDate.now().plusYears(1)))
                .post(url("order-service", "/orders")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(supplier).post(url("order-service", "/orders/" + id + "/submit")).then().statusCode(200);
        Trace confirmation = Trace.random();
        given().auth().oauth2(buyer).header("traceparent", confirmation.traceparent()).contentType(ContentType.JSON)
                .body("{\"version\":1}").post(url("order-service", "/orders/" + id + "/confirm")).then().statusCode(200);

        awaitState(id, "AWAITING_PAYMENT");
        given().auth().oauth2(supplier).get(url("credit-limit-service", "/credit-lines/" + SUPPLIER)).then().statusCode(200)
                .body("reserved.amount", equalTo("12500.00"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(buyer)
                .get(url("payment-service", "/orders/" + id + "/payment-links")).then().statusCode(200).body("items", hasSize(2)));
        List<String> tokens = given().auth().oauth2(buyer).get(url("payment-service", "/orders/" + id + "/payment-links"))
                .then().extract().path("items.token");
        SECRETS.addAll(tokens);
        Trace deposit = Trace.random();
        given().auth().oauth2(buyer).header("traceparent", deposit.traceparent()).contentType(ContentType.JSON)
                .body("{\"channel\":\"CARD\"}")
                .post(url("payment-service", "/payment-links/" + tokens.get(0) + "/payments")).then().statusCode(201);
        awaitState(id, "IN_PRODUCTION");
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"channel\":\"TT_BANK_TRANSFER\"}")
                .post(url("payment-service", "/payment-links/" + tokens.get(1) + "/payments")).then().statusCode(201);

        // the supplier checks its documents before it ships, then ships with them: invoice and packing list issued
        String shipment = AfterShipment.shipmentWithDocuments(id, "MSKU7654321");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body(shipment).post(url("fulfillment-service", "/shipments/cross-check")).then().statusCode(200)
                .body("agree", equalTo(true)));
        String shipmentId = given().auth().oauth2(supplier).contentType(ContentType.JSON).body(shipment)
                .post(url("fulfillment-service", "/shipments")).then().statusCode(201).extract().path("id");
        awaitState(id, "SHIPPED");
        AfterShipment.invoicePdfReadsBack(EndToEndIT::url, buyer, shipmentId);
        AfterShipment.uploadBillOfLading(EndToEndIT::url, supplier, shipmentId);
        String carrier = token("carrier-adapter", "tracking-feed");
        AfterShipment.carrierReports(EndToEndIT::url, carrier, "MSKU7654321", "MAEU-1", "IN_TRANSIT", "Rotterdam, NL",
                Instant.now().minusSeconds(3600));
        AfterShipment.carrierReports(EndToEndIT::url, carrier, "MSKU7654321", "MAEU-2", "DELIVERED", "Hamburg, DE",
                Instant.now().minusSeconds(60));
        AfterShipment.awaitMail(smtp, "purchasing@buyer.example", "The goods of order " + id + " arrived");

        given().auth().oauth2(buyer).post(url("order-service", "/orders/" + id + "/confirm-receipt")).then().statusCode(200)
                .body("state", equalTo("COMPLETED"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(supplier)
                .get(url("credit-limit-service", "/credit-lines/" + SUPPLIER)).then()
                .body("reserved.amount", equalTo("0.00")).body("completedVolume.amount", equalTo("12500.00")));

        // the supplier invites a review; the buyer reviews, then edits once; the supplier replies once
        AfterShipment.reviewRound(EndToEndIT::url, smtp, supplier, buyer, SUPPLIER, id);

        // the books: each payment came in (the deposit by card, with the buyer's 2.95% fee) and went to the
        // supplier's pending balance; on shipment it became available, less the service fee (2%, capped at US$100)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given().auth().oauth2(supplier)
                .get(url("payment-service", "/orders/" + id + "/journal")).then().statusCode(200)
                .extract().<List<String>>path("items.type")).containsExactly("BUYER_PAYMENT", "PAYMENT_ALLOCATED",
                "BUYER_PAYMENT", "PAYMENT_ALLOCATED", "FUNDS_SETTLED"));
        given().auth().oauth2(supplier).get(url("payment-service", "/suppliers/" + SUPPLIER + "/balances")).then()
                .body("byCurrency.USD.available.amount", equalTo("12400.00"))
                .body("byCurrency.USD.pending.amount", equalTo("0.00"));
        // a withdrawal retried with its Idempotency-Key is paid once
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(supplier).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body("{\"amount\":\"12000.00\",\"currency\":\"USD\",\"bankAccount\":\"CN12 3456 7890 1234\"}")
                    .post(url("payment-service", "/suppliers/" + SUPPLIER + "/withdrawals")).then().statusCode(201);
        }
        given().auth().oauth2(supplier).get(url("payment-service", "/suppliers/" + SUPPLIER + "/withdrawals")).then()
                .body("items", hasSize(1));
        given().auth().oauth2(supplier).get(url("payment-service", "/suppliers/" + SUPPLIER + "/balances")).then()
                .body("byCurrency.USD.available.amount", equalTo("400.00"));

        // the order shows the events that brought it to COMPLETED
        List<String> history = order(id).extract().path("events.type");
        assertThat(history).containsExactly("tradeorders.OrderDrafted.v1", "tradeorders.OrderSubmitted.v1",
                "tradeorders.OrderConfirmed.v1", "tradeorders.OrderAwaitingPayment.v1", "tradeorders.OrderPaymentRecorded.v1",
                "tradeorders.OrderProductionStarted.v1", "tradeorders.OrderPaymentRecorded.v1",
                "tradeorders.OrderReadyToShip.v1", "tradeorders.OrderShipped.v1", "tradeorders.OrderCompleted.v1");

        // its timeline gathers what all five services reported about it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> sources = given().auth().oauth2(buyer).get(url("order-service", "/orders/" + id + "/timeline?size=100"))
                    .then().statusCode(200).extract().path("items.source");
            assertThat(sources).contains("/order-service", "/credit-limit-service", "/payment-service",
                    "/fulfillment-service", "/review-service");
        });

        // and every topic carries this order's story, each event valid against its schema
        String bootstrap = stack.kafka().bootstrapServers();
        Map<String, List<String>> byTopic = LocalStack.TOPICS.stream().collect(Collectors.toMap(t -> t, t -> {
            List<ConsumerRecord<String, String>> records = TopicProbe.readAll(bootstrap, t);
            EventContracts.assertAllValid(records);
            return records.stream().filter(r -> id.equals(r.key())).map(r -> TopicProbe.header(r, "ce_type")).toList();
        }));
        assertThat(byTopic.get("order-events")).containsExactlyElementsOf(history);
        assertThat(byTopic.get("credit-limit-events")).containsExactly("tradeorders.CreditReserved.v1", "tradeorders.CreditReleased.v1");
        assertThat(byTopic.get("payment-events")).containsExactly("tradeorders.PaymentLinkIssued.v1",
                "tradeorders.PaymentLinkIssued.v1", "tradeorders.PaymentReceived.v1", "tradeorders.PaymentReceived.v1",
                "tradeorders.FundsSettled.v1");
        assertThat(byTopic.get("fulfillment-events")).containsExactly("tradeorders.ShipmentSubmitted.v1",
                "tradeorders.TradeDocumentsIssued.v1", "tradeorders.ShippingDocumentAdded.v1", "tradeorders.TrackingUpdated.v1",
                "tradeorders.TrackingUpdated.v1", "tradeorders.GoodsDelivered.v1");
        assertThat(byTopic.get("review-events")).containsExactly("tradeorders.ReviewWindowOpened.v1",
                "tradeorders.ReviewInvited.v1", "tradeorders.ReviewSubmitted.v1", "tradeorders.ReviewEdited.v1",
                "tradeorders.ReviewReplied.v1");
        List<String> supplierEvents = TopicProbe.readAll(bootstrap, "review-events").stream()
                .filter(r -> SUPPLIER.equals(r.key())).map(r -> TopicProbe.header(r, "ce_type")).toList();
        assertThat(supplierEvents).containsExactly("tradeorders.SupplierScoreChanged.v1", "tradeorders.SupplierScoreChanged.v1");

        // one request, one trace, across services: the buyer's confirmation through credit to the payment
        // links, the deposit through the payment to the start of production
        Map<String, List<String>> traceIds = LocalStack.TOPICS.stream().flatMap(t -> TopicProbe.readAll(bootstrap, t).stream())
                .filter(r -> id.equals(r.key())).collect(Collectors.groupingBy(r -> TopicProbe.header(r, "ce_type"),
                        Collectors.mapping(r -> Trace.traceIdOf(TopicProbe.header(r, "traceparent")), Collectors.toList())));
        for (String type : List.of("OrderConfirmed", "CreditReserved", "OrderAwaitingPayment", "PaymentLinkIssued")) {
            assertThat(traceIds.get("tradeorders." + type + ".v1")).as(type + " is in the confirmation's trace")
                    .isNotEmpty().containsOnly(confirmation.traceId());
        }
        for (String type : List.of("PaymentReceived", "OrderPaymentRecorded")) {
            assertThat(traceIds.get("tradeorders." + type + ".v1").get(0)).as(type + " is in the deposit's trace")
                    .isEqualTo(deposit.traceId());
        }
        assertThat(traceIds.get("tradeorders.OrderProductionStarted.v1")).containsExactly(deposit.traceId());
    }

    /** Every metric the alert rules and the dashboard use is one the services serve; consumer lag per partition too. */
    @Test
    @Order(90)
    void theAlertsAndTheDashboardUseOnlyMetricsTheServicesServe() throws IOException {
        Path monitoring = repoRoot().resolve("deploy/monitoring");
        Set<String> named = Signals.metricsNamedIn(monitoring.resolve("alerts.yml"), monitoring.resolve("dashboard.json"));
        List<String> bases = stack.processes().keySet().stream().map(LocalStack.Service::baseUrl).toList();

        assertThat(named).hasSizeGreaterThan(20);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(Signals.metricsServedBy(bases))
                .containsAll(named).contains("kafka_consumer_fetch_manager_records_lag"));
    }

    /** The logs of the whole run show no token, link, secret or full bank account. */
    @Test
    @Order(99)
    void noLogLineShowsASecretATokenALinkOrAFullBankAccount() throws IOException {
        SECRETS.add(Files.readString(data.resolve("keys").resolve("reminder-link.secret")).trim());
        assertThat(SECRETS).hasSizeGreaterThan(3);

        assertThat(Signals.leaks(data.resolve("logs"), SECRETS, List.of("CN12 3456 7890 1234"))).isEmpty();
    }

    /** The signed link of the payment reminder order-service e-mailed for {@code orderId}. */
    static String reminderLink(String orderId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject().startsWith("Payment reminder: order " + orderId)) {
                    var found = Pattern.compile("/payment-reminders/(\\S+)").matcher(String.valueOf(m.getContent()));
                    return found.find() ? found.group(1) : null;
                }
            }
            return null;
        }, Objects::nonNull);
    }

    static String eCollectionOrder(String supplier, int quantity, String shipping) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body("""
                        {"kind":"E_COLLECTION","buyerCompanyId":"%s","buyerEmail":"accounts@nordlicht.example",{DELIVERY}
                         "currency":"USD","lines":[{"productName":"LED panel 600x600","model":"LP-600","unitPrice":"12.35","quantity":%d}],
                         "shippingCost":"%s","shipWithinDays":20}""".replace("{DELIVERY}", DELIVERY).formatted(BUYER, quantity, shipping))
                .post(url("order-service", "/orders")).then().extract(), r -> r.statusCode() == 201).path("id");
    }

    static String remit(String account, String amount, String fees, String reference) {
        return given().auth().oauth2(token("bank-adapter", "bank-feed")).contentType(ContentType.JSON).body("""
                {"bankReference":"%s","collectionAccount":"%s","amount":{"amount":"%s","currency":"USD"},
                 "bankFees":{"amount":"%s","currency":"USD"},"remitterName":"NORDLICHT HANDELS GMBH","reference":"%s",
                 "valueDate":"%s"}""".formatted(UUID.randomUUID(), account, amount, fees, reference, LocalDate.now()))
                .post(url("payment-service", "/bank-remittances")).then().statusCode(201).extract().path("id");
    }

    /**
     * Two e-Collection orders over the real stack: payment reminders by e-mail, the buyer confirms
     * through the signed links without signing in, the bank reports two remittances, the supplier
     * associates them n:m (one pays both orders, both pay the second), the funds settle and are
     * withdrawn, the goods ship (self-operated and by one-stop export bill), the buyer confirms receipt,
     * the value counts as trade volume, reviews open, and credit is never reserved.
     */
    @Test
    @Order(2)
    void eCollectionOrdersArePaidByRemittancesAssociatedNToMAndNeverTouchTheCreditLimit() {
        String supplier = token("supplier", SUPPLIER);
        String buyer = token("buyer", BUYER);
        var lineBefore = given().auth().oauth2(supplier).get(url("credit-limit-service", "/credit-lines/" + SUPPLIER)).then()
                .statusCode(200).extract();
        String limit = lineBefore.path("limit.amount");
        BigDecimal volume = new BigDecimal(lineBefore.<String>path("completedVolume.amount"));
        String available = given().auth().oauth2(supplier).get(url("payment-service", "/suppliers/" + SUPPLIER + "/balances"))
                .then().extract().path("byCurrency.USD.available.amount");

        given().auth().oauth2(supplier).contentType(ContentType.JSON).body("""
                {"bankName":"Industrial and Commercial Bank of China","accountHolder":"Shenzhen Bright LED Co., Ltd.",
                 "accountNumber":"6222 0212 3456 7890","bankCountry":"CN","swiftBic":"ICBKCNBJ",
                 "contactEmail":"finance@bright-led.example","contactPhone":"+86 755 8888 6666"}""")
                .put(url("payment-service", "/suppliers/" + SUPPLIER + "/e-collection")).then().statusCode(201);
        // a buyer cannot draft one
        given().auth().oauth2(buyer).contentType(ContentType.JSON).body("""
                {"kind":"E_COLLECTION","supplierCompanyId":"%s","buyerEmail":"b@x.example",{DELIVERY}"currency":"USD",
                 "lines":[{"productName":"LED","model":"LP-600","unitPrice":"1","quantity":1}]}"""
                .replace("{DELIVERY}", DELIVERY).formatted(SUPPLIER)).post(url("order-service", "/orders/buyer-initiated"))
                .then().statusCode(403);

        String a = eCollectionOrder(supplier, 80, "12.00");   // USD 1,000.00
        String b = eCollectionOrder(supplier, 120, "18.00");  // USD 1,500.00
        for (String id : List.of(a, b)) {
            given().auth().oauth2(supplier).post(url("order-service", "/orders/" + id + "/submit")).then()
                    .log().ifValidationFails().statusCode(200);
        }
        Map<String, String> accounts = new HashMap<>();
        for (String id : List.of(a, b)) {
            String link = reminderLink(id);
            SECRETS.add(link);
            accounts.put(id, given().get(url("order-service", "/payment-reminders/" + link)).then().statusCode(200)
                    .body("remittance.accountHolder", equalTo("Shenzhen Bright LED Co., Ltd."))
                    .extract().path("remittance.collectionAccount"));
            given().contentType(ContentType.JSON).body("{\"version\":1}")
                    .post(url("order-service", "/payment-reminders/" + link + "/confirmation")).then().statusCode(200)
                    .body("state", equalTo("AWAITING_REMITTANCE"));
        }

        // the bank reports two remittances; fees were deducted on the way
        String r1 = remit(accounts.get(a), "1800.00", "20.00", "PI " + a);
        String r2 = remit(accounts.get(b), "700.00", "10.00", "balance");
        given().auth().oauth2(supplier).get(url("payment-service", "/suppliers/" + SUPPLIER + "/remittances")).then()
                .statusCode(200).body("items.id", containsInAnyOrder(r1, r2));
        given().auth().oauth2(supplier).get(url("payment-service", "/remittances/" + r1 + "/suggestions")).then()
                .statusCode(200).body("items[0].orderId", equalTo(a));
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body("""
                {"associations":[{"remittanceId":"%s","orderId":"%s","amount":"1000.00"},
                                 {"remittanceId":"%s","orderId":"%s","amount":"800.00"},
                                 {"remittanceId":"%s","orderId":"%s","amount":"700.00"}]}""".formatted(r1, a, r1, b, r2, b))
                .post(url("payment-service", "/suppliers/" + SUPPLIER + "/remittance-associations")).then().statusCode(201);
        awaitState(a, "PAID");
        awaitState(b, "PAID");

        // covered and confirmed: the credited money (2,500 less 30 of bank fees) is the supplier's, no service fee
        BigDecimal expected = new BigDecimal(available).add(new BigDecimal("2470.00"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(supplier)
                .get(url("payment-service", "/suppliers/" + SUPPLIER + "/balances")).then()
                .body("byCurrency.USD.available.amount", equalTo(expected.toPlainString())));
        given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body("{\"amount\":\"2470.00\",\"currency\":\"USD\",\"bankAccount\":\"CN12 3456 7890 1234\"}")
                .post(url("payment-service", "/suppliers/" + SUPPLIER + "/withdrawals")).then().statusCode(201);
        assertThat(given().auth().oauth2(supplier).get(url("payment-service", "/orders/" + b + "/journal")).then()
                .extract().<List<String>>path("items.type")).contains("REMITTANCE_ASSOCIATED", "FUNDS_SETTLED");

        // fulfillment: self-operated for one, a one-stop export bill for the other
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body("""
                        {"orderId":"%s","exportMode":"SELF_OPERATED","carrier":"COSCO","trackingNumber":"COSU1234567",
                         "customsDeclarationNumber":"CD-2026-7","lines":[{"model":"LP-600","quantity":80}]}""".formatted(a))
                .post(url("fulfillment-service", "/shipments")).then().statusCode(201));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(supplier).contentType(ContentType.JSON)
                .body("""
                        {"orderId":"%s","exportMode":"ONE_STOP_EXPORT","lines":[{"model":"LP-600","quantity":120}],
                         "exportBill":{"exporterName":"Shenzhen Bright LED Co., Ltd.","consigneeName":"Nordlicht Handels GmbH",
                          "destinationCountry":"DE","portOfLoading":"Yantian","items":[{"hsCode":"9405420090",
                          "description":"LED panels","quantity":120,"declaredValue":{"amount":"1482.00","currency":"USD"}}]}}"""
                        .formatted(b)).post(url("fulfillment-service", "/shipments")).then().statusCode(201));
        for (String id : List.of(a, b)) {
            awaitState(id, "SHIPPED");
            given().auth().oauth2(buyer).post(url("order-service", "/orders/" + id + "/confirm-receipt")).then().statusCode(200)
                    .body("state", equalTo("COMPLETED"));
        }

        // the value counts as completed trade volume; the limit and reservations are untouched
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(supplier)
                .get(url("credit-limit-service", "/credit-lines/" + SUPPLIER)).then()
                .body("completedVolume.amount", equalTo(volume.add(new BigDecimal("2500.00")).toPlainString()))
                .body("limit.amount", equalTo(limit)).body("reserved.amount", equalTo("0.00")));
        String bootstrap = stack.kafka().bootstrapServers();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TopicProbe.readAll(bootstrap, "review-events")
                .stream().filter(r -> "tradeorders.ReviewWindowOpened.v1".equals(TopicProbe.header(r, "ce_type")))
                .map(ConsumerRecord::key)).contains(a, b));
        assertThat(TopicProbe.readAll(bootstrap, "credit-limit-events").stream().map(ConsumerRecord::key)).doesNotContain(a, b);
        for (String topic : LocalStack.TOPICS) {
            EventContracts.assertAllValid(TopicProbe.readAll(bootstrap, topic));
        }
        assertThat(order(b).extract().<List<String>>path("events.type")).contains("tradeorders.OrderAwaitingRemittance.v1",
                "tradeorders.OrderPaid.v1", "tradeorders.OrderCompleted.v1").doesNotContain("tradeorders.OrderConfirmed.v1");
    }

    /** Moves every service's clock 61 days: an order left unpaid is cancelled and its credit released. */
    @Test
    @Order(4)
    void anUnpaidOrderIsCancelledAfterSixtyDaysAndItsCreditReleased() {
        String supplier = token("supplier", SUPPLIER);
        String id = given().auth().oauth2(supplier).contentType(ContentType.JSON).body("""
                {"buyerCompanyId":"%s","buyerEmail":"purchasing@buyer.example",{DELIVERY}"currency":"EUR",
                 "lines":[{"productName":"Cable","model":"C-1","unitPrice":"2.00","quantity":500}],
                 "shippingCost":"0", "installments":[{"name":"Full","percent":100,"due":"BEFORE_PRODUCTION"}],
                 "shipmentDeadline":"%s"}""".replace("{DELIVERY}", DELIVERY).formatted(BUYER, LocalDate.now().plusYears(1)))
                .post(url("order-service", "/orders")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(supplier).post(url("order-service", "/orders/" + id + "/submit")).then().statusCode(200);
        given().auth().oauth2(token("buyer", BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post(url("order-service", "/orders/" + id + "/confirm")).then().statusCode(200);
        awaitState(id, "AWAITING_PAYMENT");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token("buyer", BUYER))
                .get(url("payment-service", "/orders/" + id + "/payment-links")).then().statusCode(200).body("items", hasSize(1)));

        stack.advanceClocks(Duration.ofDays(61));
        awaitState(id, "CANCELLED");
        String bootstrap = stack.kafka().bootstrapServers();
        var released = TopicProbe.await(bootstrap, "credit-limit-events", Duration.ofSeconds(60),
                r -> id.equals(r.key()) && "tradeorders.CreditReleased.v1".equals(TopicProbe.header(r, "ce_type")));
        assertThat(TopicProbe.data(released).path("reason").asText()).isEqualTo("ORDER_CANCELLED");
        assertThat(TopicProbe.data(released).path("released").path("amount").asText()).isEqualTo("1080.00");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token("buyer", BUYER))
                .get(url("payment-service", "/orders/" + id + "/payment-links")).then().body("items[0].status", equalTo("CANCELLED")));
    }

    /**
     * Two instances of order-service share one database, as a scaled deployment does. Unpaid orders'
     * deadlines are persisted; the first instance is killed (SIGKILL) and started again; then time
     * moves 61 days on both and they race: every order is cancelled exactly once and its credit
     * released exactly once.
     */
    @Test
    @Order(5)
    void deadlinesSurviveACrashAndFireOnceWithTwoInstancesRacing() {
        LocalStack.Service first = stack.service("order-service");
        LocalStack.Service second = stack.startInstance("order-service");
        String supplier = token("supplier", SUPPLIER);
        String buyer = token("buyer", BUYER);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // drafted and confirmed through either instance: they are one service
            String base = (i % 2 == 0 ? first : second).baseUrl();
            String id = given().auth().oauth2(supplier).contentType(ContentType.JSON).body("""
                    {"buyerCompanyId":"%s","buyerEmail":"purchasing@buyer.example",{DELIVERY}"currency":"USD",
                     "lines":[{"productName":"Cable","model":"C-2","unitPrice":"2.00","quantity":100}],
                     "shippingCost":"0", "installments":[{"name":"Full","percent":100,"due":"BEFORE_PRODUCTION"}],
                     "shipWithinDays":30}""".replace("{DELIVERY}", DELIVERY).formatted(BUYER))
                    .post(base + "/orders").then().statusCode(201).extract().path("id");
            given().auth().oauth2(supplier).post(base + "/orders/" + id + "/submit").then().statusCode(200);
            given().auth().oauth2(buyer).contentType(ContentType.JSON).body("{\"version\":1}")
                    .post(base + "/orders/" + id + "/confirm").then().statusCode(200);
            ids.add(id);
        }
        ids.forEach(id -> awaitState(id, "AWAITING_PAYMENT"));

        stack.kill(first);
        stack.restart(first, second);
        stack.advanceClocks(Duration.ofDays(61));
        ids.forEach(id -> awaitState(id, "CANCELLED"));

        String bootstrap = stack.kafka().bootstrapServers();
        for (String id : ids) {
            TopicProbe.await(bootstrap, "credit-limit-events", Duration.ofSeconds(60),
                    r -> id.equals(r.key()) && "tradeorders.CreditReleased.v1".equals(TopicProbe.header(r, "ce_type")));
        }
        Map<String, Long> cancelled = TopicProbe.readAll(bootstrap, "order-events").stream()
                .filter(r -> ids.contains(r.key()) && "tradeorders.OrderCancelled.v1".equals(TopicProbe.header(r, "ce_type")))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        Map<String, Long> released = TopicProbe.readAll(bootstrap, "credit-limit-events").stream()
                .filter(r -> ids.contains(r.key()) && "tradeorders.CreditReleased.v1".equals(TopicProbe.header(r, "ce_type")))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(cancelled).hasSize(ids.size()).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        assertThat(released).hasSize(ids.size()).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
        ids.forEach(id -> order(id).body("deadlines.size()", equalTo(0)));
    }

    static ValidatableResponse post(String token, String service, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post(url(service, path)).then()
                .log().ifValidationFails();
    }

    /**
     * A supplier with a US$1,000 line: the order is rejected for credit, revised twice in a
     * modification round (a stale confirmation refused), reserved, paid, its shipment deadline
     * extended up to the 90-day cap, shipped, and its receipt confirmed by the receiving-window timeout.
     * Moves every service's clock.
     */
    @Test
    @Order(3)
    void aRejectedOrderIsRevisedConfirmedExtendedShippedAndAutoConfirmed() {
        String supplier = token("supplier", "SUP-1002");
        String buyer = token("buyer", BUYER);
        String body = """
                {"buyerCompanyId":"%s","buyerEmail":"purchasing@buyer.example",{DELIVERY}"currency":"USD",
                 "lines":[{"productName":"LED panel 600x600","model":"LP-600","unitPrice":"12.35","quantity":{QTY}}],
                 "shippingCost":"{SHIPPING}",
                 "installments":[{"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION"},
                                 {"name":"Balance","percent":70,"due":"BEFORE_SHIPMENT"}],
                 "shipWithinDays":30}""".replace("{DELIVERY}", DELIVERY).formatted(BUYER);
        String id = post(supplier, "order-service", "/orders", body.replace("{QTY}", "1000").replace("{SHIPPING}", "150.00"))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(supplier).post(url("order-service", "/orders/" + id + "/submit")).then().statusCode(200);
        post(buyer, "order-service", "/orders/" + id + "/confirm", "{\"version\":1}").statusCode(200);

        // 12,500 does not fit into 1,000: back to DRAFT with the reason and the available credit
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> order(id).body("state", equalTo("DRAFT"))
                .body("returnedToDraft.reason", equalTo("CREDIT_LIMIT_EXCEEDED"))
                .body("returnedToDraft.availableCredit.amount", equalTo("1000.00")));

        // the modification round
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body(body.replace("{QTY}", "50").replace("{SHIPPING}", "150.00"))
                .put(url("order-service", "/orders/" + id)).then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(supplier).post(url("order-service", "/orders/" + id + "/submit")).then().statusCode(200);
        post(buyer, "order-service", "/orders/" + id + "/request-modification", "{\"note\":\"shipping 50.00 please\"}")
                .statusCode(200).body("state", equalTo("DRAFT"));
        given().auth().oauth2(supplier).contentType(ContentType.JSON).body(body.replace("{QTY}", "50").replace("{SHIPPING}", "50.00"))
                .put(url("order-service", "/orders/" + id)).then().statusCode(200).body("version", equalTo(3))
                .body("total.amount", equalTo("667.50"));
        given().auth().oauth2(supplier).post(url("order-service", "/orders/" + id + "/submit")).then().statusCode(200);
        post(buyer, "order-service", "/orders/" + id + "/confirm", "{\"version\":2}").statusCode(409);
        post(buyer, "order-service", "/orders/" + id + "/confirm", "{\"version\":3}").statusCode(200);
        awaitState(id, "AWAITING_PAYMENT");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(buyer)
                .get(url("payment-service", "/orders/" + id + "/payment-links")).then().statusCode(200).body("items", hasSize(2)));
        List<String> tokens = given().auth().oauth2(buyer).get(url("payment-service", "/orders/" + id + "/payment-links"))
                .then().extract().path("items.token");
        post(buyer, "payment-service", "/payment-links/" + tokens.get(0) + "/payments", "{\"channel\":\"WALLET\"}").statusCode(201);
        awaitState(id, "IN_PRODUCTION");

        // the shipment deadline moves by agreement, never beyond 90 days in total
        post(supplier, "order-service", "/orders/" + id + "/shipment-extension", "{\"days\":90}").statusCode(200);
        post(buyer, "order-service", "/orders/" + id + "/shipment-extension/answer", "{\"accept\":true}").statusCode(200)
                .body("shipmentExtensionDays", equalTo(90));
        post(supplier, "order-service", "/orders/" + id + "/shipment-extension", "{\"days\":1}").statusCode(409)
                .body("type", containsString("extension-limit"));

        post(buyer, "payment-service", "/payment-links/" + tokens.get(1) + "/payments", "{\"channel\":\"ONLINE_BANKING\"}").statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> post(supplier, "fulfillment-service", "/shipments", """
                {"orderId":"%s","exportMode":"ONE_STOP_EXPORT","lines":[{"model":"LP-600","quantity":50}],
                 "exportBill":{"exporterName":"Shenzhen Bright LED Co., Ltd.","consigneeName":"Nordlicht Handels GmbH",
                  "destinationCountry":"DE","portOfLoading":"Yantian","items":[{"hsCode":"9405420090",
                  "description":"LED panels","quantity":50,"declaredValue":{"amount":"617.50","currency":"USD"}}]}}""".formatted(id))
                .statusCode(201));
        awaitState(id, "SHIPPED");

        // nobody confirms receipt: the receiving window ends and the order completes by itself
        stack.advanceClocks(Duration.ofDays(31));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> order(id).body("state", equalTo("COMPLETED")));
        String bootstrap = stack.kafka().bootstrapServers();
        var completed = TopicProbe.await(bootstrap, "order-events", Duration.ofSeconds(30),
                r -> id.equals(r.key()) && "tradeorders.OrderCompleted.v1".equals(TopicProbe.header(r, "ce_type")));
        assertThat(TopicProbe.data(completed).path("receiptConfirmedBy").asText()).isEqualTo("TIMEOUT");
        var released = TopicProbe.await(bootstrap, "credit-limit-events", Duration.ofSeconds(60),
                r -> id.equals(r.key()) && "tradeorders.CreditReleased.v1".equals(TopicProbe.header(r, "ce_type")));
        assertThat(TopicProbe.data(released).path("released").path("amount").asText()).isEqualTo("667.50");
    }

    @Test
    @Order(2)
    void aSecondStackOnTheSamePortsSaysItIsAlreadyRunning() throws Exception {
        LocalStack.Service order = stack.service("order-service");
        var options = new StackOptions(Path.of("."), data.resolve("second"),
                order.port(), Ports.free(), Ports.free(), Ports.free(), false, Map.of());
        var second = new LocalStack(options);
        assertThatThrownBy(second::start)
                .isInstanceOf(LocalStack.AlreadyRunning.class).hasMessageContaining("in use");
    }

    /** A US$1,000 Trade Assurance order of SUP-1001 (no freight), paid by T/T and shipped: US$980 settled to it. */
    static String paidAndShipped(String supplier, String buyer) {
        String id = post(supplier, "order-service", "/orders", """
                {"buyerCompanyId":"%s","buyerEmail":"purchasing@buyer.example",{DELIVERY}"currency":"USD",
                 "lines":[{"productName":"Desk lamp","model":"DL-10","unitPrice":"10.00","quantity":100}],
                 "shippingCost":"0",
                 "installments":[{"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION"},
                                 {"name":"Balance","percent":70,"due":"BEFORE_SHIPMENT"}],
                 "shipWithinDays":30}""".replace("{DELIVERY}", DELIVERY).formatted(BUYER)).statusCode(201).extract().path("id");
        given().auth().oauth2(supplier).post(url("order-service", "/orders/" + id + "/submit")).then().statusCode(200);
        post(buyer, "order-service", "/orders/" + id + "/confirm", "{\"version\":1}").statusCode(200);
        awaitState(id, "AWAITING_PAYMENT");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(buyer)
                .get(url("payment-service", "/orders/" + id + "/payment-links")).then().statusCode(200).body("items", hasSize(2)));
        List<String> tokens = given().auth().oauth2(buyer).get(url("payment-service", "/orders/" + id + "/payment-links"))
                .then().extract().path("items.token");
        tokens.forEach(t -> post(buyer, "payment-service", "/payment-links/" + t + "/payments",
                "{\"channel\":\"TT_BANK_TRANSFER\"}").statusCode(201));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> post(supplier, "fulfillment-service", "/shipments", """
                {"orderId":"%s","exportMode":"SELF_OPERATED","carrier":"Maersk","trackingNumber":"MSKU1234565",
                 "customsDeclarationNumber":"CD-2026-9","lines":[{"model":"DL-10","quantity":100}]}""".formatted(id))
                .statusCode(201));
        awaitState(id, "SHIPPED");
        return id;
    }

    static ValidatableResponse balances(String supplier) {
        return given().auth().oauth2(supplier).get(url("payment-service", "/suppliers/" + SUPPLIER + "/balances")).then()
                .statusCode(200);
    }

    /**
     * issue 13's scenario: a supplier that already withdrew its money loses an escalated case. The
     * buyer is paid in full by advance compensation; the supplier cannot withdraw and has less credit
     * while it owes; its next order's settlement repays the advance first.
     */
    @Test
    @Order(6)
    void aSupplierThatWithdrewAndLostAnEscalatedCaseIsAdvancedTheRefundAndRepaysItFromItsNextOrder() {
        String supplier = token("supplier", SUPPLIER);
        String buyer = token("buyer", BUYER);
        String operator = token("operator", "OPS-1");
        String withdrawal = "{\"amount\":\"%s\",\"currency\":\"USD\",\"bankAccount\":\"CN12 3456 7890 1234\"}";
        String id = paidAndShipped(supplier, buyer);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(new BigDecimal(balances(supplier).extract()
                .<String>path("byCurrency.USD.available.amount"))).isGreaterThanOrEqualTo(new BigDecimal("980.00")));
        String all = balances(supplier).extract().path("byCurrency.USD.available.amount");
        post(supplier, "payment-service", "/suppliers/" + SUPPLIER + "/withdrawals", withdrawal.formatted(all)).statusCode(201);

        // the buyer disputes, the supplier refuses, the buyer escalates on day 3 with a report, an operator decides
        String caseId = post(buyer, "order-service", "/refund-cases", """
                {"orderId":"%s","reason":"NOT_AS_AGREED","amount":{"amount":"800.00","currency":"USD"},
                 "description":"80 of 100 lamps arrived without their cable"}""".formatted(id)).statusCode(201)
                .extract().path("id");
        post(supplier, "order-service", "/refund-cases/" + caseId + "/reject", "{\"note\":\"all cables were packed\"}")
                .statusCode(200);
        stack.advanceClocks(Duration.ofDays(3));
        given().auth().oauth2(buyer).post(url("order-service", "/refund-cases/" + caseId + "/escalate")).then().statusCode(200);
        given().auth().oauth2(buyer).contentType("application/pdf").queryParam("fileName", "inspection.pdf")
                .body("%PDF-1.7\n% 80 lamps without cable\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                .post(url("order-service", "/refund-cases/" + caseId + "/evidence")).then().statusCode(201);
        post(operator, "order-service", "/refund-cases/" + caseId + "/decision",
                "{\"amount\":{\"amount\":\"800.00\",\"currency\":\"USD\"},\"note\":\"the report shows 80 lamps without cable\"}")
                .statusCode(200).body("state", equalTo("DECIDED"));

        // paid in full at once: the platform advanced all of it; the case is PAID and the order shows the refund
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(buyer)
                .get(url("order-service", "/refund-cases/" + caseId)).then().body("state", equalTo("PAID")));
        order(id).body("refunded.amount", equalTo("800.00")).body("state", equalTo("SHIPPED"));
        given().auth().oauth2(buyer).get(url("payment-service", "/orders/" + id + "/refunds")).then().statusCode(200)
                .body("[0].status", equalTo("PAID")).body("[0].advanced.amount", equalTo("800.00"))
                .body("[0].payouts[0].channel", equalTo("TT_BANK_TRANSFER"));
        balances(supplier).body("byCurrency.USD.owed.amount", equalTo("800.00"))
                .body("byCurrency.USD.available.amount", equalTo("0.00"));
        post(supplier, "payment-service", "/suppliers/" + SUPPLIER + "/withdrawals", withdrawal.formatted("1.00"))
                .statusCode(409).body("type", containsString("advance-outstanding"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(supplier)
                .get(url("credit-limit-service", "/credit-lines/" + SUPPLIER)).then().body("advanceOwed.amount", equalTo("800.00")));

        // the next order settles US$980: US$800 repays the advance before anything is withdrawable
        paidAndShipped(supplier, buyer);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> balances(supplier)
                .body("byCurrency.USD.owed.amount", equalTo("0.00")).body("byCurrency.USD.available.amount", equalTo("180.00")));
        post(supplier, "payment-service", "/suppliers/" + SUPPLIER + "/withdrawals", withdrawal.formatted("180.00"))
                .statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(supplier)
                .get(url("credit-limit-service", "/credit-lines/" + SUPPLIER)).then().body("advanceOwed.amount", equalTo("0.00")));
        List<String> journal = given().auth().oauth2(supplier).get(url("payment-service", "/orders/" + id + "/journal"))
                .then().extract().path("items.type");
        assertThat(journal).endsWith("ADVANCE_COMPENSATION", "REFUND_PAID");
    }
}
