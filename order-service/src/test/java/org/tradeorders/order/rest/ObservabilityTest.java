package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Metrics;
import org.tradeorders.platform.testing.ShuffledOrder;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.TopicProbe;
import org.tradeorders.platform.testing.Trace;

/**
 * What ops see: a request's trace goes on in every event it records and through the events those
 * cause; /q/metrics shows the standard meters and the system's own.
 */
@QuarkusTest
@TestMethodOrder(ShuffledOrder.class)
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class ObservabilityTest {
    static final String SUPPLIER = "SUP-OBS-1";
    static final String BUYER = "BUY-OBS-1";

    static String draft(Trace trace) {
        return given().auth().oauth2(Tokens.supplier(SUPPLIER)).header("traceparent", trace.traceparent())
                .contentType(ContentType.JSON).body(Drafts.aDraftFor(BUYER).json())
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    static String traceIdOf(ConsumerRecord<String, String> r) {
        String traceparent = TopicProbe.header(r, "traceparent");
        assertThat(traceparent).as("traceparent of " + TopicProbe.header(r, "ce_type")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.split("-")[1];
    }

    @Test
    void theEventARequestRecordsCarriesTheRequestsTraceUnderItsOwnSpan() {
        Trace trace = Trace.random();
        String id = draft(trace);

        ConsumerRecord<String, String> drafted = TopicProbe.await("order-events", "tradeorders.OrderDrafted.v1", id);
        assertThat(traceIdOf(drafted)).isEqualTo(trace.traceId());
        assertThat(TopicProbe.header(drafted, "traceparent").split("-")[2]).as("the service's span, not the caller's")
                .isNotEqualTo(trace.parentSpanId());
    }

    @Test
    void anEventsTraceGoesOnThroughTheEventsItCauses() {
        String id = draft(Trace.random());
        given().auth().oauth2(Tokens.supplier(SUPPLIER)).post("/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(Tokens.buyer(BUYER)).contentType(ContentType.JSON).body("{\"version\":1}")
                .post("/orders/" + id + "/confirm").then().statusCode(200);
        Trace creditTrace = Trace.random();

        TestEvents.publish("credit-limit-events", UUID.randomUUID().toString(), "tradeorders.CreditReserved.v1",
                "/credit-limit-service", id, """
                {"orderId":"%s","supplierId":"%s","reserved":{"amount":"12500.00","currency":"USD"}}"""
                        .formatted(id, SUPPLIER), Map.of("traceparent", creditTrace.traceparent()));

        ConsumerRecord<String, String> awaiting = TopicProbe.await("order-events", "tradeorders.OrderAwaitingPayment.v1", id);
        assertThat(traceIdOf(awaiting)).isEqualTo(creditTrace.traceId());
        assertThat(traceIdOf(TopicProbe.await("order-events", "tradeorders.OrderConfirmed.v1", id)))
                .as("the confirmation was another request: another trace").isNotEqualTo(creditTrace.traceId());
    }

    @Test
    void metricsCountOrdersByKindAndStateAndTheEventsTheyRecord() {
        double drafts = Metrics.value("tradeorders_orders_transitions_total", "kind=\"TRADE_ASSURANCE\",state=\"DRAFT\"");
        double recorded = Metrics.value("tradeorders_events_recorded_total", "type=\"tradeorders.OrderDrafted.v1\"");

        draft(Trace.random());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            // at least: other tests' orders may return to DRAFT meanwhile (a credit rejection arriving late)
            assertThat(Metrics.value("tradeorders_orders_transitions_total", "kind=\"TRADE_ASSURANCE\",state=\"DRAFT\""))
                    .isGreaterThanOrEqualTo((Double.isNaN(drafts) ? 0 : drafts) + 1);
            assertThat(Metrics.value("tradeorders_events_recorded_total", "type=\"tradeorders.OrderDrafted.v1\""))
                    .isGreaterThanOrEqualTo((Double.isNaN(recorded) ? 0 : recorded) + 1);
            assertThat(Metrics.value("tradeorders_outbox_published_total", "")).isPositive();
        });
    }

    @Test
    void metricsShowTheStandardMetersAndEveryBacklogOfThePlatform() {
        draft(Trace.random());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(text).contains("http_server_requests_seconds_count{", "jvm_memory_used_bytes{", "agroal_active_count{",
                    "kafka_consumer_fetch_manager_records_lag_max{", "kafka_producer_record_send_total{",
                    "tradeorders_outbox_backlog{", "tradeorders_outbox_oldest_age_seconds{", "tradeorders_deadlines_pending{",
                    "tradeorders_deadlines_overdue{", "tradeorders_mail_backlog{", "tradeorders_mail_failing{",
                    "tradeorders_mail_oldest_age_seconds{", "tradeorders_consumer_parked_aggregates{",
                    "tradeorders_consumer_dead_letters{", "tradeorders_consumer_retrying{");
        });
    }
}
