package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Metrics;
import org.tradeorders.platform.testing.SharedInfra;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * Events that arrive together are applied in one transaction, each exactly once; one that fails makes
 * the batch fall back to one transaction per event, so it alone is dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class BatchedConsumptionTest {
    static final String COMMITTED = "outcome=\"committed\"";
    static final String SPLIT = "outcome=\"split\"";

    @Inject
    AgroalDataSource dataSource;

    /** A PaymentLinkIssued about the order on partition 0, so that records about several orders share one poll. */
    static ProducerRecord<String, String> linkIssued(String order, String eventId) {
        ProducerRecord<String, String> r = TestEvents.record("payment-events", eventId, ConsumerResilienceTest.LINK_ISSUED,
                "/payment-service", order, "{\"orderId\":\"%s\",\"installmentSeq\":1}".formatted(order));
        return new ProducerRecord<>(r.topic(), 0, r.key(), r.value(), r.headers());
    }

    static double batches(String outcome) {
        return Metrics.value("tradeorders_consumer_batches_total", outcome);
    }

    @Test
    void eventsArrivingTogetherAreAppliedInOneTransactionEachOnceAndInOrder() {
        String order = OrderLifecycleTest.draft();
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(UUID.randomUUID().toString());
            records.add(linkIssued(order, ids.get(i)));
        }
        records.add(linkIssued(order, ids.get(3))); // redelivered within the same batch
        double committedBefore = batches(COMMITTED);

        TestEvents.publishTogether(records);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ConsumerResilienceTest.timelineIds(order)).containsExactlyElementsOf(ids);
            assertThat(batches(COMMITTED)).isGreaterThan(committedBefore); // counted just after the commit
        });
    }

    @Test
    void aPoisonEventInABatchIsDeadLetteredAloneWhileTheOthersAreApplied() throws Exception {
        String poisoned = OrderLifecycleTest.draft();
        String healthy = OrderLifecycleTest.draft();
        String trigger = ConsumerResilienceTest.poison(dataSource, poisoned);
        try {
            String before = UUID.randomUUID().toString();
            String poison = UUID.randomUUID().toString();
            String after = UUID.randomUUID().toString();
            double splitBefore = batches(SPLIT);

            TestEvents.publishTogether(List.of(linkIssued(healthy, before), linkIssued(poisoned, poison),
                    linkIssued(healthy, after)));

            TopicProbe.await(SharedInfra.get().kafka().bootstrapServers(), "order-service.payment-events.dlq",
                    Duration.ofSeconds(60), r -> poison.equals(TopicProbe.header(r, "ce_id")));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(ConsumerResilienceTest.timelineIds(healthy)).containsExactly(before, after));
            assertThat(batches(SPLIT)).isGreaterThan(splitBefore);
            assertThat(given().auth().oauth2(Tokens.operator("OPS-1")).get("/ops/consumers/parked?size=100").then()
                    .statusCode(200).extract().jsonPath().getList("items.subject", String.class)).contains(poisoned);
        } finally {
            ConsumerResilienceTest.sql(dataSource, "drop trigger %s on order_timeline".formatted(trigger));
        }
    }

    @Test
    void eventsOfAParkedOrderInABatchAreHeldInOrderWhileTheOthersAreApplied() throws Exception {
        String parked = OrderLifecycleTest.draft();
        String healthy = OrderLifecycleTest.draft();
        String trigger = ConsumerResilienceTest.poison(dataSource, parked);
        String first = UUID.randomUUID().toString();
        try {
            TestEvents.publishTogether(List.of(linkIssued(parked, first)));
            TopicProbe.await(SharedInfra.get().kafka().bootstrapServers(), "order-service.payment-events.dlq",
                    Duration.ofSeconds(60), r -> first.equals(TopicProbe.header(r, "ce_id")));
        } finally {
            ConsumerResilienceTest.sql(dataSource, "drop trigger %s on order_timeline".formatted(trigger));
        }
        List<String> healthyIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> heldIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        double committedBefore = batches(COMMITTED);

        TestEvents.publishTogether(List.of(linkIssued(healthy, healthyIds.get(0)), linkIssued(parked, heldIds.get(0)),
                linkIssued(healthy, healthyIds.get(1)), linkIssued(parked, heldIds.get(1))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ConsumerResilienceTest.timelineIds(healthy)).containsExactlyElementsOf(healthyIds);
            assertThat(batches(COMMITTED)).isGreaterThan(committedBefore);
        });
        assertThat(ConsumerResilienceTest.timelineIds(parked)).isEmpty();
        given().auth().oauth2(Tokens.operator("OPS-1")).post("/ops/consumers/parked/" + parked + "/redrive").then()
                .statusCode(200).body("applied", equalTo(3));
        assertThat(ConsumerResilienceTest.timelineIds(parked)).containsExactly(first, heldIds.get(0), heldIds.get(1));
    }
}
