package org.tradeorders.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's AsyncAPI document, as the service serves it: valid against the AsyncAPI 3.0.0 JSON
 * Schema (the specification's own, {@code asyncapi/asyncapi-3.0.0.schema.json}, Apache-2.0), one
 * channel at the service's topic, and exactly one message per event type the service publishes,
 * each naming its ce_type and ce_dataschema and referring to the schema the service serves.
 */
public final class AsyncApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiContract() {
    }

    /** The served document, after checking it; {@code types}: what the service publishes (ce_type). */
    public static JsonNode assertDescribesExactly(String topic, Set<String> types) throws IOException {
        JsonNode doc = JSON.readTree(given().get("/asyncapi").then().statusCode(200).contentType("application/json")
                .extract().asString());
        assertThat(specification().validate(doc)).as("AsyncAPI 3.0.0 schema violations").isEmpty();
        assertThat(doc.path("channels").size()).as("channels").isEqualTo(1);
        JsonNode channel = doc.path("channels").path(topic);
        assertThat(channel.path("address").asText()).as("the channel's address").isEqualTo(topic);
        assertThat(doc.path("operations").elements().next().path("action").asText()).isEqualTo("send");

        Set<String> described = new TreeSet<>();
        doc.path("components").path("messages").fields().forEachRemaining(m -> {
            JsonNode message = m.getValue();
            String type = message.path("name").asText();
            described.add(type);
            assertThat(channel.path("messages").path(m.getKey()).path("$ref").asText()).as(type + " on the channel")
                    .isEqualTo("#/components/messages/" + m.getKey());
            JsonNode own = message.path("headers").path("allOf").path(1).path("properties");
            assertThat(own.path("ce_type").path("const").asText()).as("ce_type of " + m.getKey()).isEqualTo(type);
            String ref = message.path("payload").path("$ref").asText();
            String id = given().get("/" + ref).then().statusCode(200).extract().path("$id");
            assertThat(own.path("ce_dataschema").path("const").asText()).as("ce_dataschema of " + type).isEqualTo(id);
            assertThat(EventContracts.dataSchemaOf(type)).as("payload schema of " + type).contains(id);
        });
        assertThat(described).as("the event types the document describes: every type the service publishes, no other")
                .containsExactlyInAnyOrderElementsOf(types);
        return doc;
    }

    private static JsonSchema specification() throws IOException {
        try (InputStream in = AsyncApiContract.class.getClassLoader().getResourceAsStream("asyncapi/asyncapi-3.0.0.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }
}
