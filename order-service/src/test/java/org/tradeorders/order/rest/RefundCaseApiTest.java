package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.tradeorders.order.rest.OrderLifecycleTest.BUYER;
import static org.tradeorders.order.rest.OrderLifecycleTest.SUPPLIER;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.deadline.Deadlines;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.validation.FileContent;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * A Trade Assurance refund case through the real stack: the buyer's request, the supplier's answer,
 * escalation by the buyer or by the timer, the operator's decision; each move an event and an e-mail;
 * payment-service's RefundPaid (published here as it would) closes the case.
 */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class RefundCaseApiTest {
    static final String BUYER_TOKEN = Tokens.buyer(BUYER);
    static final String SUPPLIER_TOKEN = Tokens.supplier(SUPPLIER);

    /** A refund request body, built by what a test changes. */
    static ObjectNode request(String orderId, String reason, String amount) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("orderId", orderId).put("reason", reason).put("description", "12 of 1,000 panels arrived cracked");
        body.putObject("amount").put("amount", amount).put("currency", "USD");
        return body;
    }

    static ObjectNode amount(String amount, String note) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.putObject("amount").put("amount", amount).put("currency", "USD");
        return note == null ? body : body.put("note", note);
    }

    static ValidatableResponse open(String token, ObjectNode body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString()).post("/refund-cases").then();
    }

    static ValidatableResponse act(String token, String caseId, String step, ObjectNode body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body.toString());
        }
        return request.post("/refund-cases/" + caseId + "/" + step).then();
    }

    static String openedOnAShippedOrder(String amount) {
        String order = OrderLifecycleTest.shippedOrder();
        return open(BUYER_TOKEN, request(order, "NOT_AS_AGREED", amount)).statusCode(201).extract().path("id");
    }

    static String orderOf(String caseId) {
        return given().auth().oauth2(BUYER_TOKEN).get("/refund-cases/" + caseId).then().statusCode(200).extract()
                .path("orderId");
    }

    /** payment-service paid a case's refund (delivered under a new event id each time). */
    static void refundPaid(String caseId, String order, String amount) {
        ObjectNode data = new ObjectMapper().createObjectNode().put("caseId", caseId).put("orderId", order)
                .put("supplierId", SUPPLIER).put("buyerId", BUYER).put("kind", "TRADE_ASSURANCE")
                .put("paidAt", "2026-12-02T10:00:00Z");
        data.putObject("amount").put("amount", amount).put("currency", "USD");
        TestEvents.publish("payment-events", UUID.randomUUID().toString(), "tradeorders.RefundPaid.v1", "/payment-service",
                order, data.toString());
    }

    @Inject
    Deadlines deadlines;

    /** {@code n} copies of {@code call} at once; their HTTP statuses. */
    static List<Integer> atOnce(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : calls) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    /** After each test, every event published so far matches its schema (the test's own among them). */
    @AfterEach
    void everyEventSoFarMatchesItsSchema() {
        EventContracts.assertAllValid(TopicProbe.readAll("order-events"));
    }

    @Test
    void theBuyerAsksTheSupplierAcceptsAndTheRefundIsAgreed() {
        String order = OrderLifecycleTest.shippedOrder();
        String caseId = open(BUYER_TOKEN, request(order, "NOT_AS_AGREED", "2000.00")).statusCode(201)
                .header("Location", containsString("/refund-cases/")).body("state", equalTo("REQUESTED"))
                .body("coverage.amount", equalTo("12350.00")) // all that was paid, less the 150.00 freight
                .body("responseDueAt", notNullValue()).extract().path("id");
        var requested = TopicProbe.await("order-events", "tradeorders.RefundRequested.v1", order);
        assertThat(TopicProbe.data(requested).path("caseId").asText()).isEqualTo(caseId);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(OrderLifecycleTest.subjectsTo(
                "supplier@" + SUPPLIER.toLowerCase() + ".example.test", order)).anyMatch(s -> s.startsWith("Refund requested")));
        // one open case per order
        open(BUYER_TOKEN, request(order, "QUANTITY_SHORT", "100.00")).statusCode(409).body("type", containsString("case-open"));

        act(BUYER_TOKEN, caseId, "accept", null).statusCode(403);
        act(SUPPLIER_TOKEN, caseId, "accept", null).statusCode(200).body("state", equalTo("AGREED"))
                .body("toPay.amount", equalTo("2000.00")).body("open", equalTo(true));
        var agreed = TopicProbe.await("order-events", "tradeorders.RefundAgreed.v1", order);
        assertThat(TopicProbe.data(agreed).path("amount").path("amount").asText()).isEqualTo("2000.00");
        assertThat(TopicProbe.data(agreed).path("supplierLost").asBoolean()).isTrue();
        given().auth().oauth2(BUYER_TOKEN).queryParam("orderId", order).get("/refund-cases").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(caseId));
    }

    @Test
    void aCounterOfferTheBuyerTakesIsTheRefund() {
        String caseId = openedOnAShippedOrder("2000.00");
        act(SUPPLIER_TOKEN, caseId, "counter-offer", amount("2000.00", "too much")).statusCode(400)
                .body("errors[0].field", equalTo("amount.amount"));
        act(SUPPLIER_TOKEN, caseId, "counter-offer", amount("1000.00", "half the cartons arrived")).statusCode(200)
                .body("state", equalTo("COUNTER_OFFERED")).body("counterOffer.amount", equalTo("1000.00"));
        act(BUYER_TOKEN, caseId, "accept-counter-offer", null).statusCode(200).body("state", equalTo("AGREED"))
                .body("toPay.amount", equalTo("1000.00"));
        var agreed = TopicProbe.await("order-events", "tradeorders.RefundAgreed.v1", orderOf(caseId));
        assertThat(TopicProbe.data(agreed).path("supplierLost").asBoolean()).isFalse();
    }

    @Test
    void theBuyerEscalatesFromDayThreeAndAnOperatorDecidesOnce() {
        String caseId = openedOnAShippedOrder("2000.00");
        act(SUPPLIER_TOKEN, caseId, "reject", new ObjectMapper().createObjectNode()
                .put("note", "the panels left intact")).statusCode(200).body("state", equalTo("REJECTED"));
        act(BUYER_TOKEN, caseId, "escalate", null).statusCode(409).body("type", containsString("too-early-to-escalate"));
        OrderLifecycleTest.advance("{\"days\":3,\"hours\":1}");
        act(BUYER_TOKEN, caseId, "escalate", null).statusCode(200).body("state", equalTo("ESCALATED"))
                .body("evidenceDueAt", notNullValue());
        given().auth().oauth2(Tokens.operator("OPS-1")).queryParam("size", 100).get("/refund-cases/escalated").then()
                .statusCode(200).body("items.id", hasItem(caseId));
        given().auth().oauth2(SUPPLIER_TOKEN).get("/refund-cases/escalated").then().statusCode(403);
        act(SUPPLIER_TOKEN, caseId, "decision", amount("800.00", "x")).statusCode(403);
        act(Tokens.operator("OPS-1"), caseId, "decision", amount("800.00", "the photos show 8 cracked panels"))
                .statusCode(200).body("state", equalTo("DECIDED")).body("toPay.amount", equalTo("800.00"))
                .body("decidedBy", equalTo("OPS-1"));
        act(Tokens.operator("OPS-2"), caseId, "decision", amount("900.00", "again")).statusCode(409);
        var decided = TopicProbe.await("order-events", "tradeorders.RefundDecided.v1", orderOf(caseId));
        assertThat(TopicProbe.data(decided).path("amount").path("amount").asText()).isEqualTo("800.00");
        assertThat(TopicProbe.data(TopicProbe.await("order-events", "tradeorders.RefundEscalated.v1", orderOf(caseId)))
                .path("escalatedBy").asText()).isEqualTo("BUYER");
    }

    @Test
    void aCaseNotAgreedInSevenDaysEscalatesByItself() {
        String caseId = openedOnAShippedOrder("500.00");
        Instant autoAt = Instant.parse(given().auth().oauth2(BUYER_TOKEN).get("/refund-cases/" + caseId).then()
                .extract().path("autoEscalateAt"));
        Instant openedAt = Instant.parse(given().auth().oauth2(BUYER_TOKEN).get("/refund-cases/" + caseId).then()
                .extract().path("openedAt"));
        assertThat(Duration.between(openedAt, autoAt)).isEqualTo(Duration.ofDays(7));
        OrderLifecycleTest.advance("{\"days\":7,\"hours\":1}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(BUYER_TOKEN)
                .get("/refund-cases/" + caseId).then().body("state", equalTo("ESCALATED")));
        assertThat(TopicProbe.data(TopicProbe.await("order-events", "tradeorders.RefundEscalated.v1", orderOf(caseId)))
                .path("escalatedBy").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    void theBuyerRevisesThenWithdrawsAndANewCaseMayOpen() {
        String caseId = openedOnAShippedOrder("2000.00");
        String order = orderOf(caseId);
        act(BUYER_TOKEN, caseId, "revise", amount("1500.00", null)).statusCode(200).body("requested.amount", equalTo("1500.00"))
                .body("state", equalTo("REQUESTED"));
        act(BUYER_TOKEN, caseId, "withdraw", null).statusCode(200).body("state", equalTo("WITHDRAWN"))
                .body("open", equalTo(false));
        act(SUPPLIER_TOKEN, caseId, "accept", null).statusCode(409).body("type", containsString("invalid-transition"));
        TopicProbe.await("order-events", "tradeorders.RefundWithdrawn.v1", order);
        open(BUYER_TOKEN, request(order, "QUANTITY_SHORT", "100.00")).statusCode(201);
    }

    @Test
    void onlyTheBuyerOfAPaidOrderOpensACaseAndOutsidersSeeNothing() {
        String caseId = openedOnAShippedOrder("100.00");
        String order = orderOf(caseId);
        given().auth().oauth2(Tokens.buyer("BUY-SOMEONE-ELSE")).get("/refund-cases/" + caseId).then().statusCode(404);
        given().auth().oauth2(Tokens.buyer("BUY-SOMEONE-ELSE")).queryParam("orderId", order).get("/refund-cases").then()
                .statusCode(404);
        act(Tokens.buyer("BUY-SOMEONE-ELSE"), caseId, "withdraw", null).statusCode(404);
        given().auth().oauth2(Tokens.operator("OPS-1")).get("/refund-cases/" + caseId).then().statusCode(200);
        open(SUPPLIER_TOKEN, request(order, "NOT_AS_AGREED", "100.00")).statusCode(403);
        String unpaid = OrderLifecycleTest.confirmedOrder();
        open(BUYER_TOKEN, request(unpaid, "LATE_SHIPMENT", "100.00")).statusCode(409)
                .body("type", containsString("nothing-paid"));
        open(BUYER_TOKEN, request(order, "NOT_AS_AGREED", "12350.01")).statusCode(409); // a case is open
        act(BUYER_TOKEN, caseId, "withdraw", null).statusCode(200);
        open(BUYER_TOKEN, request(order, "NOT_AS_AGREED", "12350.01")).statusCode(400)
                .body("errors[0].field", equalTo("amount.amount"));
        open(BUYER_TOKEN, request(order, "NOT_AS_AGREED", "1.001")).statusCode(400)
                .body("errors[0].field", equalTo("amount.amount"));
    }

    @Test
    void aNotReceivedDisputeHoldsTheAutomaticReceiptConfirmationUntilItIsResolved() {
        String order = OrderLifecycleTest.shippedOrder();
        String caseId = open(BUYER_TOKEN, request(order, "NOT_RECEIVED", "1000.00")).statusCode(201).extract().path("id");
        OrderLifecycleTest.advance("{\"days\":30,\"hours\":1}"); // the receiving window has ended
        deadlines.fireDue();
        OrderLifecycleTest.get(order, BUYER_TOKEN).body("state", equalTo("SHIPPED"));
        act(BUYER_TOKEN, caseId, "withdraw", null).statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> OrderLifecycleTest.get(order, BUYER_TOKEN)
                .body("state", equalTo("COMPLETED")));
        assertThat(TopicProbe.data(TopicProbe.await("order-events", "tradeorders.OrderCompleted.v1", order))
                .path("receiptConfirmedBy").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    void racingRequestsOpenOneCaseAndRacingDecisionsDecideOnce() throws Exception {
        String order = OrderLifecycleTest.shippedOrder();
        List<Integer> opened = atOnce(4, () -> open(BUYER_TOKEN, request(order, "NOT_AS_AGREED", "100.00")).extract()
                .statusCode());
        assertThat(opened).containsOnlyOnce(201).containsOnly(201, 409);
        String caseId = given().auth().oauth2(BUYER_TOKEN).queryParam("orderId", order).get("/refund-cases").then()
                .body("total", equalTo(1)).extract().path("items[0].id");
        OrderLifecycleTest.advance("{\"days\":3,\"hours\":1}");
        act(BUYER_TOKEN, caseId, "escalate", null).statusCode(200);
        List<Integer> decided = atOnce(4, () -> act(Tokens.operator("OPS-1"), caseId, "decision",
                amount("100.00", "as claimed")).extract().statusCode());
        assertThat(decided).containsOnlyOnce(200).containsOnly(200, 409);
        OrderLifecycleTest.get(order, BUYER_TOKEN).body("events.findAll { it.type == 'tradeorders.RefundDecided.v1' }.size()",
                equalTo(1));
    }

    @Test
    void anECollectionRefundHappensOnlyByTheSuppliersAcceptanceAndARefusalIsFinal() {
        String supplier = ECollectionOrderTest.activatedSupplier();
        String email = "refund-" + UUID.randomUUID() + "@buyer.example";
        String order = ECollectionOrderTest.draft(supplier, email);
        given().auth().oauth2(Tokens.supplier(supplier)).post("/orders/" + order + "/submit").then().statusCode(200);
        ECollectionOrderTest.accountOpened(order, "TOEC000000007777");
        given().contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/payment-reminders/" + ECollectionOrderTest.linkIn(email, 1) + "/confirmation").then().statusCode(200);
        ECollectionOrderTest.associated(order, "5000.00");
        String buyer = Tokens.buyer(ECollectionOrderTest.BUYER);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(buyer).get("/orders/" + order)
                .then().body("remittance.remitted.amount", equalTo("5000.00")));

        String refused = open(buyer, request(order, "NOT_AS_AGREED", "5000.00")).statusCode(201)
                .body("kind", equalTo("E_COLLECTION")).body("coverage.amount", equalTo("5000.00")) // what was remitted
                .body("autoEscalateAt", equalTo(null)).extract().path("id");
        act(buyer, refused, "escalate", null).statusCode(409).body("type", containsString("invalid-transition"));
        act(Tokens.supplier(supplier), refused, "counter-offer", amount("100.00", "x")).statusCode(409);
        act(Tokens.supplier(supplier), refused, "reject", new ObjectMapper().createObjectNode().put("note", "as agreed"))
                .statusCode(200).body("state", equalTo("REJECTED")).body("open", equalTo(false));

        String accepted = open(buyer, request(order, "QUANTITY_SHORT", "1200.00")).statusCode(201).extract().path("id");
        act(Tokens.supplier(supplier), accepted, "accept", null).statusCode(200).body("state", equalTo("AGREED"))
                .body("toPay.amount", equalTo("1200.00"));
        var agreed = TopicProbe.await("order-events", "tradeorders.RefundAgreed.v1", order);
        assertThat(TopicProbe.data(agreed).path("kind").asText()).isEqualTo("E_COLLECTION");
    }

    @Test
    void aPaidRefundClosesTheCaseTheOrderShowsItAndANewCaseCoversOnlyWhatIsLeft() {
        String caseId = openedOnAShippedOrder("2000.00");
        String order = orderOf(caseId);
        String agreedAt = act(SUPPLIER_TOKEN, caseId, "accept", null).statusCode(200).extract().path("updatedAt");
        String payBy = given().auth().oauth2(BUYER_TOKEN).get("/refund-cases/" + caseId).then().extract().path("payBy");
        // 7 business days: never fewer than 9 calendar days, weekends excluded
        assertThat(Instant.parse(payBy)).isAfter(Instant.parse(agreedAt).plus(Duration.ofDays(8)));
        assertThat(TopicProbe.data(TopicProbe.await("order-events", "tradeorders.RefundAgreed.v1", order)).path("payBy")
                .asText()).isEqualTo(payBy);

        refundPaid(caseId, order, "2000.00");
        refundPaid(caseId, order, "2000.00"); // reported again: counted once
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(BUYER_TOKEN)
                .get("/refund-cases/" + caseId).then().body("state", equalTo("PAID")).body("paidAt", notNullValue()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(OrderLifecycleTest.subjectsTo(
                "supplier@" + SUPPLIER.toLowerCase() + ".example.test", order)).anyMatch(s -> s.endsWith("paid")));
        // a partial refund leaves the order's path as it is, and the order shows what was refunded
        OrderLifecycleTest.get(order, BUYER_TOKEN).body("state", equalTo("SHIPPED")).body("refunded.amount", equalTo("2000.00"));
        open(BUYER_TOKEN, request(order, "QUANTITY_SHORT", "10350.01")).statusCode(400)
                .body("errors[0].reason", containsString("at most 10350.00 USD"));
        open(BUYER_TOKEN, request(order, "QUANTITY_SHORT", "10350.00")).statusCode(201);
    }

    @Test
    void aBuyerCancellingAnOrderInProductionIsRefundedInFullAndTheOrderIsCancelled() {
        String order = OrderLifecycleTest.confirmedOrder();
        OrderLifecycleTest.reserveCredit(order);
        OrderLifecycleTest.payment(UUID.randomUUID().toString(), order, 1, "3750.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> OrderLifecycleTest.get(order, BUYER_TOKEN)
                .body("state", equalTo("IN_PRODUCTION")));
        String caseId = open(BUYER_TOKEN, request(order, "CANCEL_BEFORE_SHIPMENT", "3750.00")).statusCode(201)
                .body("coverage.amount", equalTo("3750.00")).extract().path("id");
        act(SUPPLIER_TOKEN, caseId, "accept", null).statusCode(200).body("state", equalTo("AGREED"));
        refundPaid(caseId, order, "3750.00");

        var cancelled = TopicProbe.await("order-events", "tradeorders.OrderCancelled.v1", order);
        assertThat(TopicProbe.data(cancelled).path("reason").asText()).isEqualTo("REFUND_BEFORE_SHIPMENT");
        assertThat(TopicProbe.data(cancelled).path("previousState").asText()).isEqualTo("IN_PRODUCTION");
        OrderLifecycleTest.get(order, BUYER_TOKEN).body("state", equalTo("CANCELLED")).body("refunded.amount", equalTo("3750.00"));
        open(BUYER_TOKEN, request(order, "LATE_SHIPMENT", "1.00")).statusCode(409);
    }

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

    /** A small PDF that differs from every other one made here. */
    static byte[] anotherPdf() {
        return ("%PDF-1.7\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static ValidatableResponse attach(String token, String caseId, String fileName, String contentType, byte[] content) {
        var request = given().auth().oauth2(token).contentType(contentType).body(content);
        if (fileName != null) {
            request = request.queryParam("fileName", fileName);
        }
        return request.post("/refund-cases/" + caseId + "/evidence").then().log().ifValidationFails();
    }

    @Test
    void bothPartiesAttachEvidenceCheckedByItsContentAndOnlyTheyAndOperatorsReadIt() {
        String caseId = openedOnAShippedOrder("2000.00");
        String order = orderOf(caseId);
        String report = attach(BUYER_TOKEN, caseId, "inspection report.pdf", "application/pdf", PDF).statusCode(201)
                .header("Location", containsString("/evidence/")).body("mediaType", equalTo("application/pdf"))
                .body("sha256", equalTo(FileContent.sha256(PDF))).body("addedBy", equalTo("BUYER"))
                .body("sizeBytes", equalTo(PDF.length)).extract().path("id");
        attach(BUYER_TOKEN, caseId, "inspection report.pdf", "application/pdf", PDF).statusCode(200)
                .body("id", equalTo(report)); // the same file again: the one kept
        // judged by the content: a PNG sent as "any type" is a PNG
        attach(SUPPLIER_TOKEN, caseId, "cartons.png", "application/octet-stream", PNG).statusCode(201)
                .body("mediaType", equalTo("image/png")).body("addedBy", equalTo("SUPPLIER"));

        attach(BUYER_TOKEN, caseId, "photo.jpg", "image/jpeg", "not a photo".getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("errors[0].field", equalTo("body"));
        attach(BUYER_TOKEN, caseId, "photo.png", "image/png", anotherPdf()).statusCode(400)
                .body("errors[0].field", equalTo("Content-Type"));
        attach(BUYER_TOKEN, caseId, "../../etc/passwd.pdf", "application/pdf", anotherPdf()).statusCode(400)
                .body("errors[0].field", equalTo("fileName"));
        attach(BUYER_TOKEN, caseId, null, "application/pdf", anotherPdf()).statusCode(400)
                .body("errors[0].field", equalTo("fileName"));
        attach(BUYER_TOKEN, caseId, "notes.txt", "text/plain", "notes".getBytes(StandardCharsets.UTF_8)).statusCode(415);
        attach(BUYER_TOKEN, caseId, "huge.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]).statusCode(413);
        attach(Tokens.buyer("BUY-OUTSIDER"), caseId, "x.pdf", "application/pdf", anotherPdf()).statusCode(404);

        for (String token : List.of(BUYER_TOKEN, SUPPLIER_TOKEN, Tokens.operator("OPS"))) {
            given().auth().oauth2(token).get("/refund-cases/" + caseId + "/evidence").then().statusCode(200)
                    .body("fileName", equalTo(List.of("inspection report.pdf", "cartons.png")));
        }
        given().auth().oauth2(Tokens.buyer("BUY-OUTSIDER")).get("/refund-cases/" + caseId + "/evidence").then()
                .statusCode(404);
        byte[] downloaded = given().auth().oauth2(Tokens.operator("OPS")).accept("application/pdf")
                .get("/refund-cases/" + caseId + "/evidence/" + report).then().statusCode(200)
                .contentType("application/pdf").header("Repr-Digest", containsString("sha-256=:"))
                .header("Content-Disposition", containsString("inspection%20report.pdf")).extract().asByteArray();
        assertThat(downloaded).isEqualTo(PDF);
        var added = TopicProbe.await("order-events", "tradeorders.RefundEvidenceAdded.v1", order);
        assertThat(TopicProbe.data(added).path("sha256").asText()).hasSize(64);

        // at most order.refund.evidence.max-files-per-case files (20), both parties together
        for (int i = 2; i < 20; i++) {
            attach(i % 2 == 0 ? BUYER_TOKEN : SUPPLIER_TOKEN, caseId, "page-" + i + ".pdf", "application/pdf", anotherPdf())
                    .statusCode(201);
        }
        attach(BUYER_TOKEN, caseId, "one-more.pdf", "application/pdf", anotherPdf()).statusCode(409)
                .body("type", containsString("evidence-limit"));
        // once agreed, the case takes no more
        String agreed = openedOnAShippedOrder("100.00");
        act(SUPPLIER_TOKEN, agreed, "accept", null).statusCode(200);
        attach(BUYER_TOKEN, agreed, "late.pdf", "application/pdf", anotherPdf()).statusCode(409)
                .body("type", containsString("evidence-closed"));
    }
}
