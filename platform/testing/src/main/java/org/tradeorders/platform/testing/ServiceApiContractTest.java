package org.tradeorders.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.fuzz.OpenApiFuzz;

/**
 * A service's OpenAPI document tells the truth: a standard linter's rules pass ({@link OpenApiLint}),
 * and every operation, fuzzed from the document ({@link OpenApiFuzz}), answers no bad request with a
 * 5xx or a 2xx and changes nothing for it. Each service's {@code ApiContractTest} (a
 * {@code @QuarkusTest}) extends this and says how much it expects to send.
 */
public abstract class ServiceApiContractTest {

    /** Fewer requests than this means the fuzzer lost sight of the document. */
    protected abstract int minimumRequests();

    /** Fewer operations fuzzed than this, likewise (0: any). */
    protected int minimumOperations() {
        return 0;
    }

    /**
     * The fuzzer for callers of {@code company}, with the path values and valid bodies the service
     * knows; by default the company is the {@code supplierId} in paths.
     */
    protected OpenApiFuzz fuzz(String company) {
        return OpenApiFuzz.of(base(), company).pathValue("supplierId", company);
    }

    protected static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @Test
    public void noBadRequestIsAnsweredWithA5xxOrA2xxOrChangesWhatTheCallerSees() {
        OpenApiFuzz.Report report = fuzz("FUZZ-" + UUID.randomUUID()).seed(11).perOperation(80).run();

        assertThat(report.findings()).isEmpty();
        assertThat(report.statuses()).hasSizeGreaterThan(minimumOperations());
        assertThat(report.sent()).isGreaterThan(minimumRequests());
    }

    @Test
    public void theDocumentPassesTheLintersRules() {
        assertThat(OpenApiLint.violations(base())).isEmpty();
    }
}
