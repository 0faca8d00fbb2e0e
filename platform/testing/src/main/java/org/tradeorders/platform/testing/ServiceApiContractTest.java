package org.tradeorders.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
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

    /**
     * A client that offers to upgrade to HTTP/2 in plain text (h2c: curl --http2, the JDK client's
     * default) is answered in HTTP/1.1, the OpenAPI document whole: upgraded answers larger than
     * 64 KiB failed such clients now and then.
     */
    @Test
    public void aClientOfferingTheHttp2UpgradeIsAnsweredInHttp11() throws Exception {
        HttpClient offering = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> document = offering.send(HttpRequest.newBuilder(URI.create(base() + "/q/openapi?format=json"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(new ObjectMapper().readTree(document.body()).path("paths").size()).isPositive();
    }

    /** Partners read the contract from the service: each schema it publishes, with the $id its events carry. */
    @Test
    public void everyEventSchemaOfTheServiceIsServedUnderItsFileName() throws Exception {
        List<Path> schemas = eventSchemaFiles();
        assertThat(schemas).isNotEmpty();
        for (Path schema : schemas) {
            String file = schema.getFileName().toString();
            given().get("/event-schemas/" + file).then().statusCode(200).contentType("application/schema+json")
                    .body("$id", equalTo("https://schemas.tradeorders.org/events/" + file));
        }
        given().get("/event-schemas/NoSuchEvent.v1.json").then().statusCode(404);
        given().get("/event-schemas/..%2Fapplication.properties").then().statusCode(404);
    }

    /**
     * The AsyncAPI document is valid AsyncAPI 3.0 and lists exactly the types the service publishes:
     * every event it puts on Kafka has a schema (the event-contract checks), and every schema has its
     * message here, so a new event without its entry fails the build.
     */
    @Test
    public void theAsyncApiDocumentDescribesExactlyTheEventsTheServicePublishes() throws Exception {
        Set<String> types = eventSchemaFiles().stream()
                .map(f -> "tradeorders." + f.getFileName().toString().replaceFirst("\\.json$", "")).collect(Collectors.toSet());

        AsyncApiContract.assertDescribesExactly(ConfigProvider.getConfig().getValue("tradeorders.events.topic", String.class),
                types);
    }

    /** Each schema as last released (src/test/resources/released-event-schemas) still holds: only optional fields were added. */
    @Test
    public void everyReleasedEventSchemaOnlyGrewByOptionalFields() throws Exception {
        Path released = Path.of("src/test/resources/released-event-schemas");
        try (Stream<Path> files = Files.list(released)) {
            assertThat(files.count()).as("released schemas kept in " + released.toAbsolutePath()).isPositive();
        }
        assertThat(SchemaCompatibility.breakingChanges(released, Path.of("src/main/resources/event-schemas"))).isEmpty();
    }

    private static List<Path> eventSchemaFiles() throws Exception {
        Path dir = Path.of(Thread.currentThread().getContextClassLoader().getResource("event-schemas").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
