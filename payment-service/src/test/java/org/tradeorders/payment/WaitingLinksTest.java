package org.tradeorders.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.Waits;

/** A buyer waits for its order's payment links to be issued ({@code Prefer: wait}) instead of polling for them. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class WaitingLinksTest {

    @Test
    void aReadOfLinksNotIssuedYetIsAnsweredWithThemOnceTheyAre() throws Exception {
        String order = UUID.randomUUID().toString();
        CompletableFuture<Response> waiting = Waits.started(() -> links(order, "wait=30"));

        PaymentServiceTest.publishAwaitingPayment(order, PaymentServiceTest.SUPPLIER, "100.00", "30.00", "70.00", "USD");

        Response answer = waiting.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getList("items.installmentSeq")).containsExactly(1, 2);
        assertThat(answer.header("ETag")).isNotBlank();
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=30");
    }

    @Test
    void aReadOfLinksThatAreNeverIssuedIsAnsweredNotFoundAtTheEndOfItsWait() {
        assertThat(links(UUID.randomUUID().toString(), "wait=1").statusCode()).isEqualTo(404);
    }

    @Test
    void theLinksAnswer304ToTheETagTheyWereReadWith() {
        String order = PaymentServiceTest.awaitingPayment();
        String etag = links(order, null).header("ETag");

        Response again = given().auth().oauth2(Tokens.buyer(PaymentServiceTest.BUYER)).header("If-None-Match", etag)
                .get("/orders/" + order + "/payment-links").then().extract().response();

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(etag);
    }

    private static Response links(String order, String prefer) {
        var request = given().auth().oauth2(Tokens.buyer(PaymentServiceTest.BUYER));
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        return request.get("/orders/" + order + "/payment-links").then().extract().response();
    }
}
