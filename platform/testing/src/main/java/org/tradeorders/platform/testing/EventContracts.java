package org.tradeorders.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The public event contract, checked on what a service really put on Kafka: CloudEvents binary-mode
 * headers, key = subject, a versioned logical type, and data valid against that type's JSON Schema.
 */
public final class EventContracts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TYPE = Pattern.compile("tradeorders\\.([A-Z][A-Za-z]+)\\.v([1-9][0-9]*)");
    private static final ConcurrentHashMap<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    public static void assertValid(ConsumerRecord<String, String> r) {
        String type = TopicProbe.header(r, "ce_type");
        assertThat(type).as("ce_type").isNotNull().matches(TYPE);
        assertThat(TopicProbe.header(r, "ce_specversion")).as("ce_specversion of " + type).isEqualTo("1.0");
        assertThat(TopicProbe.header(r, "ce_id")).as("ce_id of " + type).isNotBlank();
        assertThat(TopicProbe.header(r, "ce_source")).as("ce_source of " + type).startsWith("/");
        assertThat(TopicProbe.header(r, "content-type")).as("content-type of " + type).isEqualTo("application/json");
        assertThat(Instant.parse(TopicProbe.header(r, "ce_time"))).as("ce_time of " + type).isNotNull();
        assertThat(r.key()).as("Kafka key of " + type + " is its subject").isEqualTo(TopicProbe.header(r, "ce_subject"));
        var m = TYPE.matcher(type);
        m.matches();
        String resource = "event-schemas/" + m.group(1) + ".v" + m.group(2) + ".json";
        JsonSchema schema = SCHEMAS.computeIfAbsent(resource, EventContracts::load);
        assertThat(TopicProbe.header(r, "ce_dataschema")).as("ce_dataschema of " + type + ": its schema's $id")
                .isEqualTo(schema.getSchemaNode().path("$id").asText());
        try {
            JsonNode data = JSON.readTree(r.value());
            Set<ValidationMessage> errors = schema.validate(data);
            assertThat(errors).as(type + " data " + r.value() + " against " + resource).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(type + " data is not JSON: " + r.value(), e);
        }
    }

    /** The ce_dataschema of an event of {@code type}: its schema's $id (by the schemas' naming), if it is an event type. */
    public static Optional<String> dataSchemaOf(String type) {
        var m = TYPE.matcher(type == null ? "" : type);
        return m.matches() ? Optional.of("https://schemas.tradeorders.org/events/" + m.group(1) + ".v" + m.group(2) + ".json")
                : Optional.empty();
    }

    /** Validates every record and returns how many there were. */
    public static int assertAllValid(List<ConsumerRecord<String, String>> records) {
        records.forEach(EventContracts::assertValid);
        return records.size();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no JSON Schema " + resource + " on the classpath: every event type needs one");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
