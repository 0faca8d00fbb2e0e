package org.tradeorders.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.TestEvents;

/** What payment-service takes of order-service's events, and what it acknowledges without a transaction. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class OrderEventsConsumerTest {
    @Inject
    DataSource dataSource;

    @Test
    void aTradeAssuranceOrdersSubmissionIsAcknowledgedWithoutARecord() throws Exception {
        String order = UUID.randomUUID().toString();
        String submitted = publish(order, "tradeorders.OrderSubmitted.v1", """
                {"orderId":"%s","supplierId":"SUP-TA-1","buyerId":"BUY-TA-1","submittedBy":"SUPPLIER",
                 "total":{"amount":"100.00","currency":"USD"},"kind":"TRADE_ASSURANCE"}""".formatted(order));
        // a later event of the same order (same partition), which payment-service applies
        String cancelled = publish(order, "tradeorders.OrderCancelled.v1", """
                {"orderId":"%s","reason":"UNCONFIRMED_TIMEOUT"}""".formatted(order));

        await().atMost(Duration.ofSeconds(20)).until(() -> processed("event_id", cancelled) == 1);
        assertThat(processed("event_id", submitted)).isZero();
    }

    @Test
    void anECollectionOrdersSubmissionIsRecordedWithTheAccountItOpens() throws Exception {
        String order = ECollectionTest.submitted(ECollectionTest.activated(), "500.00", "USD")[0];

        assertThat(processed("subject", order)).isEqualTo(1);
    }

    private static String publish(String order, String type, String data) {
        String id = UUID.randomUUID().toString();
        TestEvents.publish("order-events", id, type, "/order-service", order, data);
        return id;
    }

    /** payment-service's processed-event records with that event id or subject. */
    private long processed(String column, String value) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from processed_event where consumer = "
                        + "'payment-service' and " + column + " = ?")) {
            q.setString(1, value);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
