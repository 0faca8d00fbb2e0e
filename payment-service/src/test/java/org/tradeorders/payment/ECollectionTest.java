package org.tradeorders.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * e-Collection in payment-service over the real broker and database: collection accounts, bank
 * remittances, suggestions, n:m association (also under concurrency), release and settlement.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class ECollectionTest {
    static final String BANK = Tokens.issue("bank-adapter", "bank-feed");

    @AfterEach
    void theBooksBalance() {
        PaymentServiceTest.assertTheBooksBalance();
    }

    static String activated() {
        String supplier = "SUP-EC-" + UUID.randomUUID();
        PaymentServiceTest.collectionInfo(supplier, "6222 0212 3456 7890", "CN", "ICBKCNBJ").statusCode(201);
        return supplier;
    }

    /** order-service submitted an e-Collection order: its collection account number. */
    static String[] submitted(String supplier, String total, String currency) {
        String order = UUID.randomUUID().toString();
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderSubmitted.v1", "/order-service",
                order, """
                {"orderId":"%s","supplierId":"%s","buyerId":"BUY-EC-1","submittedBy":"SUPPLIER",
                 "total":{"amount":"%s","currency":"%s"},"kind":"E_COLLECTION","buyerName":"Nordlicht Handels GmbH"}"""
                        .formatted(order, supplier, total, currency));
        var opened = TopicProbe.await("payment-events", "tradeorders.CollectionAccountOpened.v1", order);
        EventContracts.assertValid(opened);
        return new String[] { order, TopicProbe.data(opened).path("accountNumber").asText() };
    }

    static void buyerConfirmed(String order, String supplier, String account) {
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderAwaitingRemittance.v1",
                "/order-service", order, """
                {"orderId":"%s","supplierId":"%s","buyerId":"BUY-EC-1","total":{"amount":"1","currency":"USD"},"version":1,
                 "collectionAccount":"%s","confirmedAt":"2026-11-22T00:00:00Z"}""".formatted(order, supplier, account));
    }

    /** order-service declared the order PAID (covered and confirmed, as it saw them). */
    static void paid(String order, String supplier) {
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderPaid.v1", "/order-service", order,
                """
                {"orderId":"%s","supplierId":"%s","buyerId":"BUY-EC-1","total":{"amount":"1","currency":"USD"},
                 "associated":{"amount":"1","currency":"USD"}}""".formatted(order, supplier));
    }

    static ValidatableResponse remit(String bankReference, String account, String amount, String fees, String currency,
            String remitter, String reference) {
        return given().auth().oauth2(BANK).contentType(ContentType.JSON).body("""
                {"bankReference":"%s","collectionAccount":"%s","amount":{"amount":"%s","currency":"%s"},
                 "bankFees":{"amount":"%s","currency":"%s"},"remitterName":"%s","reference":"%s","valueDate":"%s"}"""
                .formatted(bankReference, account, amount, currency, fees, currency, remitter, reference, LocalDate.now()))
                .post("/bank-remittances").then().log().ifValidationFails();
    }

    static ValidatableResponse associate(String supplier, String... lines) {
        StringBuilder body = new StringBuilder("{\"associations\":[");
        for (int i = 0; i < lines.length; i += 3) {
            body.append(i == 0 ? "" : ",").append("{\"remittanceId\":\"").append(lines[i]).append("\",\"orderId\":\"")
                    .append(lines[i + 1]).append("\",\"amount\":\"").append(lines[i + 2]).append("\"}");
        }
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body(body + "]}")
                .post("/suppliers/" + supplier + "/remittance-associations").then().log().ifValidationFails();
    }

    @Test
    void aBankReportsEachRemittanceOnceAndTheSupplierSeesItsUnassociatedOnes() {
        String supplier = activated();
        String[] order = submitted(supplier, "1000.00", "USD");
        assertThat(order[1]).matches("TOEC\\d{12}");
        String ref = "BNK-" + UUID.randomUUID();
        String id = remit(ref, order[1], "1000.00", "15.00", "USD", "Nordlicht Handels GmbH", "PI " + order[0])
                .statusCode(201).body("credited.amount", equalTo("985.00")).body("unassociated.amount", equalTo("1000.00"))
                .extract().path("id");
        // the bank sends it again: the same remittance, nothing booked twice
        remit(ref, order[1], "1000.00", "15.00", "USD", "Nordlicht Handels GmbH", "PI " + order[0]).statusCode(200)
                .body("id", equalTo(id));
        remit(ref, order[1], "999.00", "15.00", "USD", "Nordlicht Handels GmbH", "PI " + order[0]).statusCode(409)
                .body("type", containsString("bank-reference-reused"));
        // a bank reference is unique for its bank: another bank may use the same string
        String other = given().auth().oauth2(Tokens.issue("bank-adapter", "other-bank")).contentType(ContentType.JSON)
                .body("""
                {"bankReference":"%s","collectionAccount":"%s","amount":{"amount":"5.00","currency":"USD"},
                 "bankFees":{"amount":"0","currency":"USD"},"remitterName":"X","valueDate":"%s"}"""
                        .formatted(ref, order[1], LocalDate.now())).post("/bank-remittances").then().statusCode(201).extract().path("id");
        assertThat(other).isNotEqualTo(id);
        remit("BNK-" + UUID.randomUUID(), order[1], "10.00", "0", "usd", "X", "").statusCode(400)
                .body("errors.field", hasItem("amount.currency"));
        remit("BNK-" + UUID.randomUUID(), order[1], "10.00", "0", "ABC", "X", "").statusCode(400);
        String mistyped = order[1].substring(0, order[1].length() - 1) + (order[1].endsWith("0") ? "1" : "0");
        remit("BNK-" + UUID.randomUUID(), mistyped, "10.00", "0", "USD", "X", "").statusCode(422)
                .body("errors[0].field", equalTo("collectionAccount")).body("detail", containsString("check digits"));
        remit("BNK-" + UUID.randomUUID(), order[1], "10.00", "10.00", "USD", "X", "").statusCode(400)
                .body("errors.field", hasItem("bankFees"));
        given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON).body("{}").post("/bank-remittances")
                .then().statusCode(403);

        given().auth().oauth2(Tokens.supplier(supplier)).get("/suppliers/" + supplier + "/remittances").then().statusCode(200)
                .body("items.id", containsInAnyOrder(id, other));
        given().auth().oauth2(Tokens.supplier(supplier)).get("/remittances/" + id).then().statusCode(200)
                .body("remitterName", equalTo("Nordlicht Handels GmbH"));
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).get("/suppliers/" + supplier + "/remittances").then().statusCode(404);
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).get("/remittances/" + id).then().statusCode(404);
        var received = TopicProbe.readAll("payment-events").stream().filter(r -> id.equals(r.key())).toList();
        assertThat(received).hasSize(1);
        EventContracts.assertAllValid(received);
    }

    @Test
    void oneRemittancePaysTwoOrdersTwoRemittancesPayOneAndFundsAreReleasedOnlyWhenConfirmedAndCovered() {
        String supplier = activated();
        String[] a = submitted(supplier, "1000.00", "USD");
        String[] b = submitted(supplier, "1500.00", "USD");
        String r1 = remit("BNK-" + UUID.randomUUID(), a[1], "1800.00", "20.00", "USD", "NORDLICHT HANDELS",
                "Payment " + a[0]).statusCode(201).extract().path("id");
        String r2 = remit("BNK-" + UUID.randomUUID(), b[1], "700.00", "10.00", "USD", "Someone Else Ltd", "goods")
                .statusCode(201).extract().path("id");

        // suggestions: a first (its account, its number in the reference, the buyer's name), with reasons
        given().auth().oauth2(Tokens.supplier(supplier)).get("/remittances/" + r1 + "/suggestions").then().statusCode(200)
                .body("items[0].orderId", equalTo(a[0])).body("items[0].score", greaterThanOrEqualTo(80))
                .body("items[0].reasons", hasItem(containsString("collection account")))
                .body("items[0].reasons", hasItem(containsString("reference names the order")))
                .body("items[0].reasons", hasItem(containsString("resembles the buyer")))
                .body("items[1].orderId", equalTo(b[0]));
        given().auth().oauth2(Tokens.supplier(supplier)).get("/remittances/" + r2 + "/suggestions").then()
                .body("items[0].orderId", equalTo(b[0])).body("items[0].reasons", hasItem(containsString("differs from the buyer")));

        // r1 pays a and part of b; r2 pays the rest of b
        associate(supplier, r1, a[0], "1000.00", r1, b[0], "800.00").statusCode(201)
                .body("bankFeeShare.amount", contains("11.11", "8.89"));
        associate(supplier, r2, b[0], "700.00").statusCode(201).body("[0].bankFeeShare.amount", equalTo("10.00"));
        given().auth().oauth2(Tokens.supplier(supplier)).get("/suppliers/" + supplier + "/remittances").then()
                .body("items", hasSize(0));
        var covered = TopicProbe.readAll("payment-events").stream().filter(r -> b[0].equals(r.key())
                && "tradeorders.RemittanceAssociated.v1".equals(TopicProbe.header(r, "ce_type"))).toList();
        assertThat(covered).hasSize(2);
        assertThat(TopicProbe.data(covered.get(1)).path("covered").asBoolean()).isTrue();
        assertThat(TopicProbe.data(covered.get(1)).path("orderAssociated").path("amount").asText()).isEqualTo("1500.00");
        EventContracts.assertAllValid(covered);

        // covered, but neither confirmed by the buyers nor PAID: nothing to withdraw
        PaymentServiceTest.balances(supplier).body("byCurrency.USD.pending.amount", equalTo("2470.00"))
                .body("byCurrency.USD.available.amount", equalTo("0.00"));
        withdraw(supplier, "1.00").statusCode(409);

        // order-service says B is PAID, but its buyer has not confirmed here: nothing is released
        paid(b[0], supplier);
        buyerConfirmed(a[0], supplier, a[1]);
        paid(a[0], supplier);
        var settled = TopicProbe.await("payment-events", "tradeorders.FundsSettled.v1", a[0]);
        EventContracts.assertValid(settled);
        assertThat(TopicProbe.data(settled).path("serviceFee").path("amount").asText()).isEqualTo("0.00"); // not protected
        PaymentServiceTest.balances(supplier).body("byCurrency.USD.available.amount", equalTo("988.89"));
        buyerConfirmed(b[0], supplier, b[1]);
        paid(b[0], supplier);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> PaymentServiceTest.balances(supplier)
                .body("byCurrency.USD.available.amount", equalTo("2470.00")).body("byCurrency.USD.pending.amount", equalTo("0.00")));
        withdraw(supplier, "2470.01").statusCode(409);
        withdraw(supplier, "2470.00").statusCode(201);
        given().auth().oauth2(Tokens.supplier(supplier)).get("/orders/" + b[0] + "/remittance-associations").then()
                .statusCode(200).body("items.remittanceId", contains(r1, r2));
    }

    static ValidatableResponse withdraw(String supplier, String amount) {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body("{\"amount\":\"" + amount + "\",\"currency\":\"USD\",\"bankAccount\":\"DE89370400440532013000\"}")
                .post("/suppliers/" + supplier + "/withdrawals").then();
    }

    @Test
    void neitherARemittanceNorAnOrderIsEverAssociatedBeyondItsAmount() {
        String supplier = activated();
        String[] order = submitted(supplier, "1000.00", "USD");
        String[] eur = submitted(supplier, "500.00", "EUR");
        String r = remit("BNK-" + UUID.randomUUID(), order[1], "1200.00", "0", "USD", "Buyer", "").statusCode(201)
                .extract().path("id");
        // total 1000 + 1% tolerance = 1010
        associate(supplier, r, order[0], "1010.01").statusCode(409).body("type", containsString("over-association"))
                .body("detail", containsString("room for 1010.00 USD"));
        associate(supplier, r, order[0], "600.00", r, order[0], "410.01").statusCode(409);
        associate(supplier, r, order[0], "1010.00").statusCode(201);
        String[] other = submitted(supplier, "5000.00", "USD");
        associate(supplier, r, other[0], "190.01").statusCode(409).body("detail", containsString("only 190.00 USD left"));
        associate(supplier, r, eur[0], "10.00").statusCode(400).body("errors[0].reason", containsString("never converts"));
        given().auth().oauth2(Tokens.supplier("SUP-OTHER")).contentType(ContentType.JSON)
                .body("{\"associations\":[{\"remittanceId\":\"" + r + "\",\"orderId\":\"" + other[0] + "\",\"amount\":\"1\"}]}")
                .post("/suppliers/" + supplier + "/remittance-associations").then().statusCode(404);
        String stranger = activated();
        associate(stranger, r, other[0], "1.00").statusCode(400).body("errors[0].field", equalTo("associations[0].remittanceId"));
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCancelled.v1", "/order-service",
                other[0], """
                {"orderId":"%s","supplierId":"%s","buyerId":"BUY-EC-1","previousState":"AWAITING_REMITTANCE",
                 "cancelledBy":"SUPPLIER","reason":"duplicate"}""".formatted(other[0], supplier));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> associate(supplier, r, other[0], "1.00").statusCode(400)
                .body("errors[0].reason", containsString("cancelled")));
        associate(supplier, r, other[0], "-1").statusCode(400);
        given().auth().oauth2(Tokens.supplier(supplier)).get("/remittances/" + r).then()
                .body("associated.amount", equalTo("1010.00")).body("unassociated.amount", equalTo("190.00"));
    }

    @Test
    void associationsOfAnOrderCancelledBeforeItsFundsWereReleasedAreUndone() {
        String supplier = activated();
        String[] order = submitted(supplier, "1000.00", "USD");
        String[] other = submitted(supplier, "1000.00", "USD");
        String r = remit("BNK-" + UUID.randomUUID(), order[1], "1000.00", "10.00", "USD", "Buyer", "").statusCode(201)
                .extract().path("id");
        associate(supplier, r, order[0], "600.00").statusCode(201);
        PaymentServiceTest.balances(supplier).body("byCurrency.USD.pending.amount", equalTo("594.00"));
        // the buyer's cancellation raced the association: order-service cancelled an order it saw unpaid
        TestEvents.publish("order-events", UUID.randomUUID().toString(), "tradeorders.OrderCancelled.v1", "/order-service",
                order[0], """
                {"orderId":"%s","supplierId":"%s","buyerId":"BUY-EC-1","previousState":"AWAITING_REMITTANCE",
                 "cancelledBy":"BUYER","reason":"changed my mind"}""".formatted(order[0], supplier));
        var undone = TopicProbe.await("payment-events", "tradeorders.RemittanceAssociationUndone.v1", order[0]);
        EventContracts.assertValid(undone);
        assertThat(TopicProbe.data(undone).path("amount").path("amount").asText()).isEqualTo("600.00");
        given().auth().oauth2(Tokens.supplier(supplier)).get("/remittances/" + r).then()
                .body("unassociated.amount", equalTo("1000.00")).body("associations", hasSize(0));
        PaymentServiceTest.balances(supplier).body("byCurrency.USD.pending.amount", equalTo("0.00"));
        assertThat(given().auth().oauth2(Tokens.supplier(supplier)).get("/orders/" + order[0] + "/journal").then()
                .extract().<List<String>>path("items.type")).containsExactly("REMITTANCE_RECEIVED", "REMITTANCE_ASSOCIATED",
                        "REMITTANCE_ASSOCIATION_UNDONE");
        // the money is the remittance's again: it pays another order in full, fees included
        associate(supplier, r, other[0], "1000.00").statusCode(201).body("[0].bankFeeShare.amount", equalTo("10.00"));
    }

    @Test
    void concurrentAssociationRequestsNeverOverAssociate() throws Exception {
        String supplier = activated();
        // one remittance of 1,000 against five orders of 300 (each may take 303): the remittance binds
        String[][] orders = new String[5][];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = submitted(supplier, "300.00", "USD");
        }
        String r = remit("BNK-" + UUID.randomUUID(), orders[0][1], "1000.00", "7.00", "USD", "Buyer", "").statusCode(201)
                .extract().path("id");
        // and three remittances of 400 against one order of 500 (at most 505): the order binds
        String[] big = submitted(supplier, "500.00", "USD");
        List<String> small = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            small.add(remit("BNK-" + UUID.randomUUID(), big[1], "400.00", "3.00", "USD", "Buyer", "").statusCode(201)
                    .extract().path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String target = orders[i % orders.length][0];
            results.add(pool.submit((Callable<Integer>) () -> associate(supplier, r, target, "100.00").extract().statusCode()));
            String from = small.get(i % small.size());
            results.add(pool.submit((Callable<Integer>) () -> associate(supplier, from, big[0], "100.00").extract().statusCode()));
        }
        int created = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            assertThat(status).isIn(201, 409);
            created += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isEqualTo(10 + 5);
        given().auth().oauth2(Tokens.supplier(supplier)).get("/remittances/" + r).then()
                .body("associated.amount", equalTo("1000.00")).body("associations", hasSize(10));
        BigDecimal toBig = BigDecimal.ZERO;
        for (String s : small) {
            toBig = toBig.add(new BigDecimal(given().auth().oauth2(Tokens.supplier(supplier)).get("/remittances/" + s)
                    .then().extract().<String>path("associated.amount")));
        }
        assertThat(toBig).isEqualByComparingTo("500.00");
        for (String[] o : orders) {
            List<String> amounts = given().auth().oauth2(Tokens.supplier(supplier)).get("/orders/" + o[0] + "/remittance-associations")
                    .then().extract().path("items.amount.amount");
            assertThat(amounts.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isLessThanOrEqualTo(new BigDecimal("303.00"));
        }
    }
}
