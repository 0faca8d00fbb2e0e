package org.tradeorders.fulfillment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.Waits;

/**
 * A supplier asks whether an order is ready to ship with {@code Prefer: wait=N} and is answered when
 * fulfillment-service hears it is: readiness records no event, so the wait is woken through the
 * database's notices (ChangeNotices), which reach every instance.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
class ShippableOrderTest {
    static final String SUPPLIER = "SUP-FUL-READY";

    @Inject
    DataSource dataSource;

    @Test
    void aSupplierWaitingForItsOrderToBeReadyToShipIsAnsweredWhenFulfillmentHearsItAndThenShipsOnce() throws Exception {
        String order = UUID.randomUUID().toString();
        CompletableFuture<Response> waiting = Waits.started(() -> read(order, Tokens.supplier(SUPPLIER), "wait=20"));

        Shipments.announceReadyToShip(SUPPLIER, order, "1405.00");

        // woken by the notice of the commit: a wait that ran out would answer only after its 20 s
        Response answer = waiting.get(15, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.header("ETag")).isNotBlank();
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=20");
        assertThat(answer.jsonPath().getList("lines.remaining", Integer.class)).isEqualTo(List.of(100, 10));
        Shipments.of(SUPPLIER, order).line("LP-600", 40).submit().statusCode(201);
        assertThat(read(order, Tokens.supplier(SUPPLIER), null).jsonPath().getList("lines.remaining", Integer.class))
                .isEqualTo(List.of(60, 10));
    }

    @Test
    void aListenerWhoseConnectionIsCutListensAgainAndWaitingSuppliersAreAnsweredAsBefore() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> !listeners().isEmpty());
        int cut = listeners().get(0);
        sql("select pg_terminate_backend(" + cut + ")");
        await().atMost(Duration.ofSeconds(20)).until(() -> listeners().stream().anyMatch(pid -> pid != cut));

        String order = UUID.randomUUID().toString();
        CompletableFuture<Response> waiting = Waits.started(() -> read(order, Tokens.supplier(SUPPLIER), "wait=20"));
        Shipments.announceReadyToShip(SUPPLIER, order, "1405.00");

        assertThat(waiting.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void anOrderNotYetReadyToShipIsNotFoundAtTheEndOfItsWait() {
        Response answer = read(UUID.randomUUID().toString(), Tokens.supplier(SUPPLIER), "wait=1");

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    @Test
    void anotherCompanysOrderIsNotFoundLikeOneThatIsNotThereWhileItsBuyerSeesIt() {
        String order = Shipments.readyToShip(SUPPLIER);

        assertThat(read(order, Tokens.supplier("SUP-SOMEONE-ELSE"), null).statusCode()).isEqualTo(404);
        assertThat(read(order, Tokens.buyer(Shipments.BUYER), null).statusCode()).isEqualTo(200);
    }

    /** The database sessions of the change notices' listeners (ChangeNotices names its connection). */
    private List<Integer> listeners() throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select pid from pg_stat_activity where application_name = 'change-notices' and datname = current_database()")) {
            while (r.next()) {
                pids.add(r.getInt(1));
            }
        }
        return pids;
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Response read(String order, String token, String prefer) {
        var request = given().auth().oauth2(token);
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return request.get("/shippable-orders/" + order);
    }
}
