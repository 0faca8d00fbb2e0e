package org.tradeorders.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A released v1 schema: an object with a required orderId and an optional note. */
    static ObjectNode released() {
        ObjectNode s = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        s.putArray("required").add("orderId");
        ObjectNode p = s.putObject("properties");
        p.putObject("orderId").put("type", "string");
        p.putObject("note").put("type", "string").put("maxLength", 500);
        return s;
    }

    static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    @Test
    void anUnchangedSchemaIsCompatible() {
        assertThat(SchemaCompatibility.breakingChanges("X.v1.json", released(), released())).isEmpty();
    }

    @Test
    void anAddedOptionalFieldIsCompatibleAndANewDescriptionToo() {
        ObjectNode current = released().put("description", "now described");
        properties(current).putObject("payBy").put("type", "string").put("format", "date-time");

        assertThat(SchemaCompatibility.breakingChanges("X.v1.json", released(), current)).isEmpty();
    }

    @Test
    void anAddedRequiredFieldBreaksTheVersion() {
        ObjectNode current = released();
        properties(current).putObject("payBy").put("type", "string");
        current.withArray("required").add("payBy");

        assertThat(SchemaCompatibility.breakingChanges("X.v1.json", released(), current))
                .anyMatch(p -> p.contains("payBy: a new field that is required"));
    }

    @Test
    void aRemovedFieldBreaksTheVersion() {
        ObjectNode current = released();
        properties(current).remove("note");

        assertThat(SchemaCompatibility.breakingChanges("X.v1.json", released(), current))
                .containsExactly("X.v1.json/properties/note: a released field was removed");
    }

    @Test
    void aChangedTypeOrATighterLimitBreaksTheVersion() {
        ObjectNode current = released();
        properties(current).putObject("orderId").put("type", "integer");
        ((ObjectNode) properties(current).get("note")).put("maxLength", 100);

        assertThat(SchemaCompatibility.breakingChanges("X.v1.json", released(), current)).containsExactlyInAnyOrder(
                "X.v1.json/properties/orderId/type: changed from \"string\" to \"integer\"",
                "X.v1.json/properties/note/maxLength: changed from 500 to 100");
    }

    @Test
    void aNewConstraintOnAReleasedFieldBreaksTheVersion() {
        ObjectNode current = released();
        ((ObjectNode) properties(current).get("orderId")).put("pattern", "^ORD-");

        JsonNode was = released();
        assertThat(SchemaCompatibility.breakingChanges("X.v1.json", was, current))
                .containsExactly("X.v1.json/properties/orderId/pattern: a new constraint");
    }
}
