package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.OpenApiLint;
import org.tradeorders.platform.testing.Tokens;
import org.tradeorders.platform.testing.fuzz.OpenApiFuzz;

/**
 * order-service's document tells the truth: a standard linter's rules pass, and every operation, fuzzed from the
 * document, answers no bad request with a 5xx or a 2xx and changes nothing for it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class ApiContractTest {

    @Test
    void noBadRequestIsAnsweredWithA5xxOrA2xxOrChangesWhatTheCallerSees() {
        String supplier = "SUP-FUZZ-" + UUID.randomUUID();
        String order = given().auth().oauth2(Tokens.supplier(supplier)).contentType(ContentType.JSON)
                .body(OrderLifecycleTest.draftBody("BUY-FUZZ-1")).post("/orders").then().statusCode(201)
                .extract().path("id");

        OpenApiFuzz.Report report = OpenApiFuzz.of(RestAssured.baseURI + ":" + RestAssured.port, supplier).seed(11)
                .perOperation(80).pathValue("id", order)
                .body("OrderResource_draft", OrderLifecycleTest.draftBody("BUY-FUZZ-1"))
                .body("OrderResource_revise", OrderLifecycleTest.draftBody("BUY-FUZZ-1"))
                .body("OrderResource_draftByBuyer", OrderLifecycleTest.buyerDraftBody("500", "FOB"))
                .body("OrderResource_reviseByBuyer", OrderLifecycleTest.buyerDraftBody("500", "FOB"))
                .run();

        assertThat(report.findings()).isEmpty();
        assertThat(report.statuses()).hasSizeGreaterThan(20);
        assertThat(report.sent()).isGreaterThan(500);
    }

    @Test
    void theDocumentPassesTheLintersRules() {
        assertThat(OpenApiLint.violations(RestAssured.baseURI + ":" + RestAssured.port)).isEmpty();
    }
}
