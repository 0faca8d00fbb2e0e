package org.tradeorders.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.tradeorders.payment.PaymentServiceTest.awaitingPayment;
import static org.tradeorders.payment.PaymentServiceTest.balances;
import static org.tradeorders.payment.PaymentServiceTest.pay;
import static org.tradeorders.payment.PaymentServiceTest.paidAndShipped;
import static org.tradeorders.payment.PaymentServiceTest.shipped;
import static org.tradeorders.payment.PaymentServiceTest.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.testing.EventContracts;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * Refunds agreed or decided in order-service, paid by payment-service against the real broker and
 * database: from the supplier's pending money, then its available balance, the rest advanced by the
 * platform (Trade Assurance) and recovered from the next settlement, or waiting for funds (e-Collection).
 * The books must prove themselves after each.
 */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class RefundPaymentTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An order-service refund event (RefundAgreed or RefundDecided), built field by field. */
    static final class RefundOwed {
        private final ObjectNode data = JSON.createObjectNode();
        private String type = "tradeorders.RefundAgreed.v1";

        static RefundOwed agreed(String order, String supplier, String amount) {
            RefundOwed r = new RefundOwed();
            r.data.put("caseId", UUID.randomUUID().toString()).put("orderId", order).put("supplierId", supplier)
                    .put("buyerId", PaymentServiceTest.BUYER).put("kind", "TRADE_ASSURANCE").put("reason", "NOT_AS_AGREED")
                    .put("supplierLost", true).put("payBy", "2030-01-10T00:00:00Z");
            r.data.putObject("amount").put("amount", amount).put("currency", "USD");
            return r;
        }

        RefundOwed decided() {
            type = "tradeorders.RefundDecided.v1";
            data.remove("kind");
            data.put("decidedBy", "OPS-1").put("note", "the inspection report shows the defect");
            return this;
        }

        RefundOwed eCollection() {
            data.put("kind", "E_COLLECTION").put("buyerId", "BUY-EC-1");
            return this;
        }

        String caseId() {
            return data.get("caseId").asText();
        }

        /** Published as order-service would (key: the order), under one event id. */
        String publish() {
            TestEvents.publish("order-events", UUID.randomUUID().toString(), type, "/order-service",
                    data.get("orderId").asText(), data.toString());
            return caseId();
        }
    }

    static JsonNode paidEvent(String order, String caseId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> refunded(order, caseId) != null);
        return refunded(order, caseId);
    }

    private static JsonNode refunded(String order, String caseId) {
        return TopicProbe.readAll("payment-events").stream().filter(r -> order.equals(r.key())
                && "tradeorders.RefundPaid.v1".equals(TopicProbe.header(r, "ce_type")))
                .map(TopicProbe::data).filter(d -> caseId.equals(d.path("caseId").asText())).findFirst().orElse(null);
    }

    static List<ConsumerRecord<String, String>> eventsOf(String key, String type) {
        return TopicProbe.readAll("payment-events").stream()
                .filter(r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type"))).toList();
    }

    static ValidatableResponse refundsOf(String order) {
        return given().auth().oauth2(Tokens.buyer(PaymentServiceTest.BUYER)).get("/orders/" + order + "/refunds").then()
                .statusCode(200);
    }

    static ValidatableResponse withdraw(String supplier, String amount) {
        return given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body(PaymentServiceTest.withdrawal(amount)).post("/suppliers/" + supplier + "/withdrawals").then();
    }

    @AfterEach
    void theBooksBalanceAndEveryEventMatchesItsSchema() {
        PaymentServiceTest.assertTheBooksBalance();
        EventContracts.assertAllValid(TopicProbe.readAll("payment-events"));
    }

    @Test
    void aRefundBeforeShipmentComesOutOfThePendingMoneyBackToTheCardItWasPaidBy() {
        String supplier = "SUP-RF-" + UUID.randomUUID();
        String order = awaitingPayment(supplier, "1000.00", "300.00", "700.00", "USD");
        pay(tokens(order).get(0), "{\"channel\":\"CARD\"}").statusCode(201);
        balances(supplier).body("byCurrency.USD.pending.amount", equalTo("300.00"));

        RefundOwed refund = RefundOwed.agreed(order, supplier, "300.00");
        String caseId = refund.publish();
        JsonNode paid = paidEvent(order, caseId);
        assertThat(paid.path("fromPending").path("amount").asText()).isEqualTo("300.00");
        assertThat(paid.path("fromAvailable").path("amount").asText()).isEqualTo("0.00");
        assertThat(paid.path("advanced").isNull()).isTrue();
        assertThat(paid.path("payouts").get(0).path("channel").asText()).isEqualTo("CARD");
        assertThat(paid.path("payBy").asText()).isEqualTo("2030-01-10T00:00:00Z");
        balances(supplier).body("byCurrency.USD.pending.amount", equalTo("0.00"));
        refundsOf(order).body("status", equalTo(List.of("PAID"))).body("[0].payouts[0].amount.amount", equalTo("300.00"));

        // delivered again under a new event id (an order-service retry): the case is paid once
        refund.publish();
        TopicProbe.await("payment-events", "tradeorders.PaymentLinkIssued.v1", awaitingPayment());
        assertThat(eventsOf(order, "tradeorders.RefundPaid.v1")).hasSize(1);
        given().auth().oauth2(Tokens.buyer("BUY-SOMEONE-ELSE")).get("/orders/" + order + "/refunds").then().statusCode(404);
    }

    @Test
    void aSupplierThatAlreadyWithdrewIsAdvancedTheRefundAndRepaysItFromItsNextSettlementBeforeWithdrawingAgain() {
        String supplier = "SUP-ADV-" + UUID.randomUUID();
        paidAndShipped(supplier); // 980.00 available
        withdraw(supplier, "980.00").statusCode(201);
        String first = TopicProbe.readAll("payment-events").stream().filter(r -> supplier.equals(TopicProbe.data(r)
                .path("supplierId").asText()) && "tradeorders.FundsSettled.v1".equals(TopicProbe.header(r, "ce_type")))
                .findFirst().orElseThrow().key();

        String caseId = RefundOwed.agreed(first, supplier, "500.00").decided().publish();
        JsonNode paid = paidEvent(first, caseId);
        assertThat(paid.path("fromAvailable").path("amount").asText()).isEqualTo("500.00");
        assertThat(paid.path("advanced").path("amount").asText()).isEqualTo("500.00");
        assertThat(paid.path("payouts").get(0).path("channel").asText()).isEqualTo("TT_BANK_TRANSFER");
        JsonNode advance = TopicProbe.data(TopicProbe.await("payment-events", "tradeorders.AdvanceCompensationPaid.v1", supplier));
        assertThat(advance.path("owed").path("amount").asText()).isEqualTo("500.00");
        balances(supplier).body("byCurrency.USD.available.amount", equalTo("0.00"))
                .body("byCurrency.USD.owed.amount", equalTo("500.00"));
        withdraw(supplier, "0.01").statusCode(409).body("type", containsString("advance-outstanding"));

        // the supplier's next order settles US$980: US$500 of it repays the advance first
        String next = awaitingPayment(supplier, "1000.00", "300.00", "700.00", "USD");
        tokens(next).forEach(t -> pay(t, "{\"channel\":\"TT_BANK_TRANSFER\"}").statusCode(201));
        shipped(next, supplier);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> balances(supplier)
                .body("byCurrency.USD.available.amount", equalTo("480.00")).body("byCurrency.USD.owed.amount", equalTo("0.00")));
        JsonNode recovered = TopicProbe.data(TopicProbe.await("payment-events", "tradeorders.AdvanceRecovered.v1", supplier));
        assertThat(recovered.path("orderId").asText()).isEqualTo(next);
        assertThat(recovered.path("amount").path("amount").asText()).isEqualTo("500.00");
        assertThat(recovered.path("owed").path("amount").asText()).isEqualTo("0.00");
        withdraw(supplier, "480.00").statusCode(201);
    }

    @Test
    void aRefundRacingAWithdrawalOfTheSameMoneyNeverPaysItOutTwice() throws Exception {
        String supplier = "SUP-RACE-RF-" + UUID.randomUUID();
        paidAndShipped(supplier); // 980.00 available
        String order = TopicProbe.readAll("payment-events").stream().filter(r -> supplier.equals(TopicProbe.data(r)
                .path("supplierId").asText()) && "tradeorders.FundsSettled.v1".equals(TopicProbe.header(r, "ce_type")))
                .findFirst().orElseThrow().key();
        RefundOwed refund = RefundOwed.agreed(order, supplier, "980.00");
        CompletableFuture<Integer> withdrawal = CompletableFuture.supplyAsync(() -> withdraw(supplier, "980.00")
                .extract().statusCode());
        refund.publish();
        JsonNode paid = paidEvent(order, refund.caseId());
        int status = withdrawal.get();

        assertThat(status).isIn(201, 409);
        String advanced = paid.path("advanced").isNull() ? "0.00" : paid.path("advanced").path("amount").asText();
        // the supplier's US$980 went out once: to its bank, and then the platform advanced the refund;
        // or to the buyer, and then the withdrawal was refused
        assertThat(advanced).isEqualTo(status == 201 ? "980.00" : "0.00");
        balances(supplier).body("byCurrency.USD.available.amount", equalTo("0.00"))
                .body("byCurrency.USD.owed.amount", equalTo(advanced));
    }

    @Test
    void twoRefundsOfTheSameMoneyNeverPayMoreThanWasReceived() {
        String supplier = "SUP-TWICE-" + UUID.randomUUID();
        String order = awaitingPayment(supplier, "1000.00", "300.00", "700.00", "USD");
        pay(tokens(order).get(0), "{\"channel\":\"TT_BANK_TRANSFER\"}").statusCode(201);
        String a = RefundOwed.agreed(order, supplier, "200.00").publish();
        String b = RefundOwed.agreed(order, supplier, "200.00").publish();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> refundsOf(order).body("$", hasSize(2)));
        refundsOf(order).body("caseId", containsInAnyOrder(a, b)).body("status", containsInAnyOrder("PAID", "REFUSED"))
                .body("find { it.status == 'REFUSED' }.refusedReason", containsString("more than the 100.00 USD"));
        balances(supplier).body("byCurrency.USD.pending.amount", equalTo("100.00"));
    }

    @Test
    void anUnrepaidPayLaterPaymentIsForgivenRatherThanPaidOut() {
        String supplier = "SUP-PL-RF-" + UUID.randomUUID();
        String order = awaitingPayment(supplier, "1000.00", "300.00", "700.00", "USD");
        String paymentId = pay(tokens(order).get(0), "{\"channel\":\"PAY_LATER\"}").statusCode(201).extract().path("id");
        String caseId = RefundOwed.agreed(order, supplier, "300.00").publish();
        JsonNode paid = paidEvent(order, caseId);
        assertThat(paid.path("payouts").get(0).path("channel").asText()).isEqualTo("PAY_LATER");
        given().auth().oauth2(Tokens.buyer(PaymentServiceTest.BUYER)).contentType(ContentType.JSON)
                .body("{\"channel\":\"CARD\"}").post("/payments/" + paymentId + "/repayment").then()
                .statusCode(409).body("type", containsString("nothing-owed"));
    }

    @Test
    void anECollectionRefundTheSuppliersMoneyCannotCoverWaitsVisiblyUntilSettledFundsDo() {
        String supplier = ECollectionTest.activated();
        String order = released(supplier, "Nordlicht Handels GmbH");
        ECollectionTest.withdraw(supplier, "1000.00").statusCode(201);

        String caseId = RefundOwed.agreed(order, supplier, "400.00").eCollection().publish();
        JsonNode waiting = TopicProbe.data(TopicProbe.await("payment-events", "tradeorders.RefundAwaitingFunds.v1", order));
        assertThat(waiting.path("shortBy").path("amount").asText()).isEqualTo("400.00");
        given().auth().oauth2(Tokens.supplier(supplier)).get("/orders/" + order + "/refunds").then().statusCode(200)
                .body("[0].status", equalTo("WAITING_FOR_FUNDS")).body("[0].shortBy.amount", equalTo("400.00"));
        ECollectionTest.withdraw(supplier, "0.01").statusCode(409); // nothing advanced, nothing available either

        released(supplier, "Someone Else Ltd"); // another US$1,000 settles: the refund is paid from it
        JsonNode paid = paidEvent(order, caseId);
        assertThat(paid.path("fromAvailable").path("amount").asText()).isEqualTo("400.00");
        assertThat(paid.path("payouts").get(0).path("channel").asText()).isEqualTo("TT_BANK_TRANSFER");
        assertThat(paid.path("payouts").get(0).path("paidTo").asText()).isEqualTo("Nordlicht Handels GmbH");
        balances(supplier).body("byCurrency.USD.available.amount", equalTo("600.00"))
                .body("byCurrency.USD.owed.amount", equalTo("0.00"));
    }

    /** An e-Collection order of US$1,000 remitted by {@code remitter}, associated, confirmed and PAID: released. */
    private static String released(String supplier, String remitter) {
        String[] order = ECollectionTest.submitted(supplier, "1000.00", "USD");
        String remittance = ECollectionTest.remit("BNK-" + UUID.randomUUID(), order[1], "1000.00", "0", "USD", remitter,
                "PI " + order[0]).statusCode(201).extract().path("id");
        ECollectionTest.associate(supplier, remittance, order[0], "1000.00").statusCode(201);
        ECollectionTest.buyerConfirmed(order[0], supplier, order[1]);
        ECollectionTest.paid(order[0], supplier);
        TopicProbe.await("payment-events", "tradeorders.FundsSettled.v1", order[0]);
        return order[0];
    }
}
