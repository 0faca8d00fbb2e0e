package org.tradeorders.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.OpenApiLint;
import org.tradeorders.platform.testing.fuzz.OpenApiFuzz;

/**
 * fulfillment-service's document tells the truth: a standard linter's rules pass, and every operation, fuzzed from the
 * document, answers no bad request with a 5xx or a 2xx and changes nothing for it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "fulfillment"))
class ApiContractTest {

    @Test
    void noBadRequestIsAnsweredWithA5xxOrA2xxOrChangesWhatTheCallerSees() {
        String company = "FUZZ-" + UUID.randomUUID();

        OpenApiFuzz.Report report = OpenApiFuzz.of(RestAssured.baseURI + ":" + RestAssured.port, company).seed(11)
                .perOperation(80).pathValue("supplierId", company)
                .run();

        assertThat(report.findings()).isEmpty();
        assertThat(report.sent()).isGreaterThan(150);
    }

    @Test
    void theDocumentPassesTheLintersRules() {
        assertThat(OpenApiLint.violations(RestAssured.baseURI + ":" + RestAssured.port)).isEmpty();
    }
}
