package org.tradeorders.order.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.testing.InfraTestResource;
import org.tradeorders.platform.testing.OpenApiContract;

/** order-service's OpenAPI document says what the service answers (the platform's part holds for every service). */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class OpenApiDocumentTest {

    static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void creationAnswers201WithItsSchemaAndEveryErrorIsAProblem() throws Exception {
        JsonNode draft = document().path("paths").path("/orders").path("post");
        assertThat(draft.path("operationId").asText()).isEqualTo("OrderResource_draft");
        assertThat(draft.path("responses").has("200")).isFalse();
        assertThat(draft.path("responses").path("201").path("content").path("application/json").path("schema")
                .path("$ref").asText()).endsWith("/OrderView");
        for (String status : List.of("400", "401", "403", "406", "409", "413", "415", "422", "500", "503")) {
            assertThat(draft.path("responses").path(status).path("content").path("application/problem+json")
                    .path("schema").path("$ref").asText()).as(status).endsWith("/Problem");
        }
        List<String> headers = new ArrayList<>();
        draft.path("parameters").forEach(p -> headers.add(p.path("in").asText() + ":" + p.path("name").asText()));
        assertThat(headers).contains("header:Idempotency-Key");
    }

    @Test
    void theOrderReadDocumentsItsWaitItsETagAnd304() throws Exception {
        JsonNode doc = document();
        JsonNode read = doc.path("paths").path("/orders/{id}").path("get");
        List<String> parameters = new ArrayList<>();
        read.path("parameters").forEach(p -> parameters.add(p.path("in").asText() + ":" + p.path("name").asText()));
        assertThat(parameters).contains("header:Prefer", "header:If-None-Match");
        for (String status : List.of("200", "304")) {
            assertThat(read.path("responses").path(status).path("headers").path("ETag").path("$ref").asText()).as(status)
                    .isEqualTo("#/components/headers/ETag");
        }
        assertThat(doc.path("components").path("headers").path("ETag").path("schema").path("type").toString()).contains("string");
        assertThat(doc.path("components").path("headers").path("Preference-Applied").path("description").asText()).isNotBlank();
    }

    @Test
    void securityIsDeclaredPerOperationAndNoneOnThePaymentReminderLink() throws Exception {
        JsonNode doc = document();
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.path("paths").path("/orders").path("post").path("security").toString()).contains("bearer");
        JsonNode link = doc.path("paths").path("/payment-reminders/{token}").path("get");
        assertThat(link.path("security").isArray()).isTrue();
        assertThat(link.path("security")).isEmpty();
        doc.path("paths").forEach(path -> path.forEach(op -> assertThat(op.path("operationId").asText()).isNotBlank()));
    }

    @Test
    void moneyIsADecimalStringAndStringsHaveTheirMaximumLengths() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");
        assertThat(schemas.path("Money").path("properties").path("amount").path("type").toString()).contains("string");
        assertThat(schemas.path("Line").path("properties").path("productName").path("maxLength").asInt()).isEqualTo(300);
    }

    @Test
    void theContractCheckFindsTheOperationOfAPathMostLiterally() throws Exception {
        JsonNode doc = document();
        assertThat(OpenApiContract.operation(doc, "post", "/orders/42/submit").path("operationId").asText())
                .isEqualTo("OrderResource_submit");
        assertThat(OpenApiContract.operation(doc, "post", "/orders/buyer-initiated").path("operationId").asText())
                .isEqualTo("OrderResource_draftByBuyer");
        assertThat(OpenApiContract.operation(doc, "delete", "/orders")).isNull();
        // the draft declares 201 and its errors, but never 202: a call answered 202 would fail its test
        assertThat(OpenApiContract.operation(doc, "post", "/orders").path("responses").has("202")).isFalse();
    }
}
