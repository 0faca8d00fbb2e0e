package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Metrics;
import org.tradeorders.platform.testing.SharedInfra;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * How order-service's consumers meet failures: transient ones are retried in place and never
 * dead-lettered; a poison event is dead-lettered on the consumer's own topic, its order parked with
 * later events held back in order, and an operator redrives them once the cause is fixed.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class ConsumerResilienceTest {
    static final String LINK_ISSUED = "tradeorders.PaymentLinkIssued.v1";

    @Inject
    AgroalDataSource dataSource;

    /** An event another service publishes about the order; order-service only records it on the timeline. */
    static String publishAbout(String order) {
        String id = UUID.randomUUID().toString();
        TestEvents.publish("payment-events", id, LINK_ISSUED, "/payment-service", order,
                "{\"orderId\":\"%s\",\"installmentSeq\":1}".formatted(order));
        return id;
    }

    static List<String> timelineIds(String order) {
        return given().auth().oauth2(Tokens.supplier(OrderLifecycleTest.SUPPLIER)).get("/orders/" + order + "/timeline?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.type == '" + LINK_ISSUED + "' }.eventId");
    }

    void sql(String statement) throws SQLException {
        sql(dataSource, statement);
    }

    static void sql(AgroalDataSource dataSource, String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    /**
     * Makes every timeline insert about {@code order} fail for a reason that is not transient (a rule the
     * database enforces), so its events are poison. @return the trigger, to drop once fixed
     */
    static String poison(AgroalDataSource dataSource, String order) throws SQLException {
        String trigger = "poison_" + order.replace("-", "_");
        sql(dataSource, "create function %s() returns trigger language plpgsql as $$ begin if new.order_id = '%s' then "
                .formatted(trigger, order) + "raise exception 'refused by a rule' using errcode = 'P0001'; end if; "
                + "return new; end $$");
        sql(dataSource, "create trigger %s before insert on order_timeline for each row execute function %s()"
                .formatted(trigger, trigger));
        return trigger;
    }

    @Test
    void aPoisonEventIsDeadLetteredItsOrderParkedAndRedrivenInOrderOnceFixed() throws Exception {
        String poisoned = OrderLifecycleTest.draft();
        String healthy = OrderLifecycleTest.draft();
        String trigger = poison(dataSource, poisoned);

        String first = publishAbout(poisoned);
        ConsumerRecord<String, String> dead = TopicProbe.await(SharedInfra.get().kafka().bootstrapServers(),
                "order-service.payment-events.dlq", Duration.ofSeconds(60), r -> first.equals(TopicProbe.header(r, "ce_id")));
        assertThat(TopicProbe.header(dead, "dlq-consumer")).isEqualTo("order-service");
        assertThat(TopicProbe.header(dead, "dlq-original-topic")).isEqualTo("payment-events");
        assertThat(TopicProbe.header(dead, "dlq-original-partition")).isNotBlank();
        assertThat(TopicProbe.header(dead, "dlq-original-offset")).isNotBlank();
        assertThat(TopicProbe.header(dead, "dlq-attempts")).isEqualTo("5");
        assertThat(TopicProbe.header(dead, "dlq-error")).contains("refused by a rule");
        assertThat(TopicProbe.header(dead, "ce_source")).as("the original event's attributes").isEqualTo("/payment-service");
        assertThat(dead.key()).isEqualTo(poisoned);

        // later events of the parked order wait behind it; other orders go on
        String second = publishAbout(poisoned);
        String other = publishAbout(healthy);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(timelineIds(healthy)).containsExactly(other));
        String operator = Tokens.operator("OPS-1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(operator)
                .get("/ops/consumers/parked?size=100").then().statusCode(200)
                .body("items.find { it.subject == '" + poisoned + "' }.heldEvents", equalTo(2)));
        given().auth().oauth2(operator).get("/ops/consumers/dead-letters?size=100").then().statusCode(200)
                .body("items.find { it.eventId == '" + first + "' }.topic", equalTo("payment-events"))
                .body("items.find { it.eventId == '" + first + "' }.attempts", equalTo(5));
        assertThat(timelineIds(poisoned)).isEmpty();
        // ops see them counted as metrics too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Metrics.value("tradeorders_consumer_dead_letters", "")).isGreaterThanOrEqualTo(1);
            assertThat(Metrics.value("tradeorders_consumer_parked_aggregates", "")).isGreaterThanOrEqualTo(1);
        });

        // a redrive before the cause is fixed fails again and keeps everything parked
        given().auth().oauth2(operator).post("/ops/consumers/parked/" + poisoned + "/redrive").then().statusCode(200)
                .body("applied", equalTo(0)).body("remaining", equalTo(2));

        sql("drop trigger %s on order_timeline".formatted(trigger));
        given().auth().oauth2(operator).post("/ops/consumers/parked/" + poisoned + "/redrive").then().statusCode(200)
                .body("applied", equalTo(2)).body("remaining", equalTo(0));
        assertThat(timelineIds(poisoned)).containsExactly(first, second);
        // a second redrive changes nothing
        given().auth().oauth2(operator).post("/ops/consumers/parked/" + poisoned + "/redrive").then().statusCode(200)
                .body("applied", equalTo(0));
        assertThat(timelineIds(poisoned)).containsExactly(first, second);

        // unparked: the next event is applied at once
        String third = publishAbout(poisoned);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(timelineIds(poisoned))
                .containsExactly(first, second, third));
    }

    @Test
    void anEventThatFailsTransientlyMoreOftenThanTheAttemptLimitIsRetriedInPlaceNotDeadLettered() throws Exception {
        String order = OrderLifecycleTest.draft();
        String name = "busy_" + order.replace("-", "_");
        // eight serialization failures in a row (the limit for other failures is five); a sequence counts
        // them because it is not rolled back with the failing transaction
        sql("create sequence " + name);
        sql("create function %s() returns trigger language plpgsql as $$ begin if new.order_id = '%s' and "
                .formatted(name, order) + "nextval('%s') <= 8 then raise exception 'could not serialize' ".formatted(name)
                + "using errcode = '40001'; end if; return new; end $$");
        sql("create trigger %s before insert on order_timeline for each row execute function %s()".formatted(name, name));
        try {
            String event = publishAbout(order);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(timelineIds(order)).containsExactly(event));
            given().auth().oauth2(Tokens.operator("OPS-1")).get("/ops/consumers/parked?size=100").then()
                    .body("items.findAll { it.subject == '" + order + "' }", empty());
        } finally {
            sql("drop trigger %s on order_timeline".formatted(name));
        }
    }

    @Test
    void eventsArrivingWhileTheDatabaseCrashesAndRestartsAreAllAppliedOnce() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(OrderLifecycleTest.draft());
        }
        List<List<String>> sent = new ArrayList<>();
        orders.forEach(o -> sent.add(new ArrayList<>()));
        // events keep arriving before, during and after the outage (the server is down for 3 s)
        Thread crash = new Thread(() -> SharedInfra.get().postgres().crashAndRestart(Duration.ofSeconds(3)));
        for (int round = 0; round < 12; round++) {
            if (round == 2) {
                crash.start();
            }
            for (int i = 0; i < orders.size(); i++) {
                sent.get(i).add(publishAbout(orders.get(i)));
            }
            Thread.sleep(500);
        }
        crash.join();
        for (int i = 0; i < orders.size(); i++) {
            String order = orders.get(i);
            List<String> expected = sent.get(i);
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(timelineIds(order)).containsExactlyElementsOf(expected));
        }
        given().auth().oauth2(Tokens.operator("OPS-1")).get("/ops/consumers/dead-letters?size=100").then().statusCode(200)
                .body("items.findAll { it.subject in " + toGroovyList(orders) + " }", empty());
        // the service answers again once the database is back
        given().auth().oauth2(Tokens.supplier(OrderLifecycleTest.SUPPLIER)).contentType(ContentType.JSON)
                .get("/orders/" + orders.get(0)).then().statusCode(200);
    }

    private static String toGroovyList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(",", "[", "]"));
    }
}
