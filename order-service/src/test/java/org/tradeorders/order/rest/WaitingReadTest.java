package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.Waits;

/**
 * A client waits for an order to change instead of polling it: {@code If-None-Match} with the ETag it
 * holds, {@code Prefer: wait=N}. The answer comes when the order changes, committed here or by another
 * instance (seen through the change feed), or as 304 once the wait is over.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class WaitingReadTest {
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    private static final String SUPPLIER = Tokens.supplier(OrderLifecycleTest.SUPPLIER);

    @Test
    void anOrderReadCarriesAnETagThatIsAnswered304WhileTheOrderIsUnchanged() {
        String id = OrderLifecycleTest.draft();
        String etag = stableETag(id);

        Response again = read(id, etag, null);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(again.asString()).isEmpty();
    }

    @Test
    void aReadWaitingOnAnOrderIsAnsweredWithTheOrderOnceItChanges() throws Exception {
        String id = OrderLifecycleTest.draft();
        String etag = stableETag(id);
        CompletableFuture<Response> waiting = Waits.started(() -> read(id, etag, "wait=3600"));

        given().auth().oauth2(SUPPLIER).post("/orders/" + id + "/submit").then().statusCode(200);

        Response answer = waiting.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("state")).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(answer.header("ETag")).isNotEqualTo(etag);
        assertThat(answer.header("Preference-Applied")).as("a wait beyond the limit is held to the limit, and says so")
                .isEqualTo("wait=30");
    }

    @Test
    void aReadWaitingOnAnUnchangedOrderIsAnswered304AtTheEndOfItsWait() {
        String id = OrderLifecycleTest.draft();
        String etag = stableETag(id);

        Response answer = read(id, etag, "respond-async, wait=\"1\"; foo=bar"); // among other preferences, quoted

        assertThat(answer.statusCode()).isEqualTo(304);
        assertThat(answer.header("ETag")).isEqualTo(etag);
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=1");
    }

    @Test
    void aWaitingReadHoldingTheAnswerLastReadHereIsWokenByTheChangeWithoutReadingItFirst() {
        // the change must come within the recheck (1 s) for the read to be spared: tried again if the test was slower
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String id = OrderLifecycleTest.draft();
            String etag = stableETag(id); // read by this caller, and nothing announced since
            double spared = readsSpared();
            CompletableFuture<Response> waiting = Waits.started(() -> read(id, etag, "wait=30"));

            given().auth().oauth2(SUPPLIER).post("/orders/" + id + "/submit").then().statusCode(200);

            Response answer = waiting.get(40, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.jsonPath().getString("state")).isEqualTo("AWAITING_CONFIRMATION");
            return readsSpared() == spared + 1;
        });
    }

    @Test
    void aWaitingReadHoldingTheAnswerLastReadHereSeesAChangeThatAnnouncedNothingWithinTheRecheck() throws Exception {
        String id = OrderLifecycleTest.draft();
        String etag = stableETag(id);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update trade_order set modification_note = 'Changed quietly' where id = ?1").setParameter(1, id).executeUpdate());

        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> read(id, etag, "wait=30"));

        // the wait asked is 30 s: only a read at the recheck (1 s) answers it within 15
        Response answer = waiting.get(15, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("modificationNote")).isEqualTo("Changed quietly");
    }

    @Test
    void aWaitingReadHoldingAnAnswerFromBeforeAnAnnouncedChangeReadsFirstAndIsAnsweredWithTheChange() {
        String id = OrderLifecycleTest.draft();
        String etag = stableETag(id);
        given().auth().oauth2(SUPPLIER).post("/orders/" + id + "/submit").then().statusCode(200);
        double spared = readsSpared();

        Response answer = read(id, etag, "wait=30");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("state")).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(readsSpared()).as("the submission was announced, so what was known of the order is forgotten")
                .isEqualTo(spared);
    }

    @Test
    void anotherCallerHoldingTheSameTagReadsFirst() {
        String id = OrderLifecycleTest.draft();
        String etag = stableETag(id);
        double spared = readsSpared();

        Response answer = given().auth().oauth2(Tokens.operator("OPS-1")).header("If-None-Match", etag)
                .header("Prefer", "wait=1").get("/orders/" + id).then().extract().response();

        assertThat(answer.statusCode()).isIn(200, 304);
        assertThat(readsSpared()).isEqualTo(spared);
    }

    @Test
    void aChangeCommittedByAnotherInstanceWakesAReaderWaitingHere() throws Exception {
        String id = OrderLifecycleTest.draft();
        String etag = stableETag(id);
        CompletableFuture<Response> waiting = Waits.started(() -> read(id, etag, "wait=30"));

        // another instance's commit: an event row this instance's outbox never saw, which its relay publishes;
        // repeated until the answer comes, since the feed may not have the topic's partitions yet
        while (!waiting.isDone()) {
            recordEventAsAnotherInstance(id);
            Thread.sleep(500);
        }

        Response answer = waiting.get();
        assertThat(answer.statusCode()).as("woken by the change feed; a wait that runs out answers 304").isEqualTo(200);
        assertThat(answer.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void theChangeFeedPassesOverTheEventsThisInstanceAnnouncedAtTheirCommit() {
        double own = registry.counter("tradeorders.waits.feed.own").count();

        OrderLifecycleTest.draft(); // committed here, with its OrderDrafted

        // seen again by the feed, which wakes nobody a second time (a read each) and keeps what is known
        await().atMost(Duration.ofSeconds(20)).until(() -> registry.counter("tradeorders.waits.feed.own").count() > own);
    }

    @Test
    void aClientThatHangsUpWhileWaitingFreesItsWait() throws Exception {
        String id = OrderLifecycleTest.draft();
        String etag = stableETag(id);
        try (Socket client = new Socket("localhost", RestAssured.port)) {
            client.getOutputStream().write(("GET /orders/" + id + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + SUPPLIER + "\r\nIf-None-Match: " + etag + "\r\nPrefer: wait=60\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> Waits.waitingNow() >= 1);
        }

        // the wait was 60 s: only the hang-up ends it within this
        await().atMost(Duration.ofSeconds(20)).until(() -> Waits.waitingNow() == 0);
    }

    @Test
    void aMalformedWaitOrEntityTagIsRefusedNamingItsHeader() {
        String id = OrderLifecycleTest.draft();

        given().auth().oauth2(SUPPLIER).header("Prefer", "wait=soon").get("/orders/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("Prefer"));
        given().auth().oauth2(SUPPLIER).header("Prefer", "wait=-5").get("/orders/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("Prefer"));
        given().auth().oauth2(SUPPLIER).header("If-None-Match", "no-quotes").get("/orders/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("If-None-Match"));
    }

    @Test
    void aWaitForAnOrderThatIsNotTheCallersWaitsAsOneForAnOrderThatDoesNotExistAndEndsAsNotFound() throws Exception {
        String id = OrderLifecycleTest.draft();
        CompletableFuture<Integer> waiting = Waits.started(() -> given().auth()
                .oauth2(Tokens.supplier("SUP-SOMEONE-ELSE")).header("Prefer", "wait=3").get("/orders/" + id).statusCode());

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(404);
    }

    private double readsSpared() {
        return registry.counter("tradeorders.waits.reads.spared").count();
    }

    private static Response read(String id, String etag, String prefer) {
        var request = given().auth().oauth2(SUPPLIER).header("If-None-Match", etag);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return request.get("/orders/" + id).then().extract().response();
    }

    /** The order's ETag once the relay has marked all its events published (which changes the answer). */
    private static String stableETag(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> OrderLifecycleTest.get(id, SUPPLIER).extract()
                .<List<Boolean>>path("events.published").stream().allMatch(Boolean::booleanValue));
        return OrderLifecycleTest.get(id, SUPPLIER).statusCode(200).extract().header("ETag");
    }

    private void recordEventAsAnotherInstance(String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox_event (event_id, event_type, "
                + "aggregate_id, topic, payload, occurred_at) select gen_random_uuid(), event_type, aggregate_id, topic, payload, "
                + "occurred_at from outbox_event where aggregate_id = ?1 order by seq limit 1").setParameter(1, id).executeUpdate());
    }
}
