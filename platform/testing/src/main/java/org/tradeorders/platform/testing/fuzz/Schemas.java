package org.tradeorders.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads an OpenAPI document's schemas: resolves references and makes a value each schema accepts. */
final class Schemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Tried in order for a string with a pattern: the first that the pattern and the lengths accept. */
    private static final List<String> CANDIDATES = List.of("USD", "sample text", "+49 30 1234567", "buyer@example.test",
            "DE89370400440532013000", "COBADEFFXXX", "SUP-1001", "2027-01-15", "ABC123", "a");
    private static final int MAX_DEPTH = 6;

    private final JsonNode document;

    Schemas(JsonNode document) {
        this.document = document;
    }

    /** The schema itself, its reference followed (also a lone allOf/anyOf/oneOf member). */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; hops < 10 && s != null; hops++) {
            if (s.has("$ref")) {
                s = document.at(s.get("$ref").asText().substring(1));
            } else if (single(s, "allOf") || single(s, "anyOf") || single(s, "oneOf")) {
                s = s.has("allOf") ? s.get("allOf").get(0) : s.has("anyOf") ? s.get("anyOf").get(0) : s.get("oneOf").get(0);
            } else {
                return s;
            }
        }
        return s == null ? NODES.objectNode() : s;
    }

    private static boolean single(JsonNode s, String combinator) {
        return s.path(combinator).isArray() && s.path(combinator).size() >= 1;
    }

    /** "string", "integer", "number", "boolean", "object", "array" or "" (any). */
    String type(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode type = s.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (s.has("properties")) {
            return "object";
        }
        return s.has("enum") ? "string" : "";
    }

    boolean required(JsonNode objectSchema, String property) {
        for (JsonNode r : resolve(objectSchema).path("required")) {
            if (r.asText().equals(property)) {
                return true;
            }
        }
        return false;
    }

    Iterator<Map.Entry<String, JsonNode>> properties(JsonNode objectSchema) {
        return resolve(objectSchema).path("properties").fields();
    }

    /** A value the schema accepts, as far as a generic reading can tell (patterns are met by candidates). */
    JsonNode sample(JsonNode schema) {
        return sample(schema, 0);
    }

    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("default") && !s.get("default").isNull()) {
            return s.get("default");
        }
        if (s.path("enum").size() > 0) {
            return s.get("enum").get(0);
        }
        if (s.path("examples").size() > 0) {
            return s.get("examples").get(0);
        }
        if (s.has("example")) {
            return s.get("example");
        }
        switch (type(s)) {
            case "string":
                return NODES.textNode(text(s));
            case "integer":
                return NODES.numberNode(lowest(s).max(BigDecimal.ONE).toBigInteger());
            case "number":
                return NODES.numberNode(lowest(s).max(BigDecimal.ONE));
            case "boolean":
                return NODES.booleanNode(true);
            case "array": {
                ArrayNode items = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    items.add(sample(s.path("items"), depth + 1));
                }
                return items;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    s.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                }
                return object;
            }
        }
    }

    private static String text(JsonNode s) {
        String format = s.path("format").asText();
        if (format.equals("date")) {
            return "2027-01-15";
        }
        if (format.equals("date-time")) {
            return "2027-01-15T10:00:00Z";
        }
        int min = s.path("minLength").asInt(1);
        int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
        Pattern pattern = s.has("pattern") ? Pattern.compile(s.get("pattern").asText()) : null;
        for (String c : CANDIDATES) {
            if (c.length() >= min && c.length() <= max && (pattern == null || pattern.matcher(c).find())) {
                return c;
            }
        }
        return "a".repeat(Math.max(1, Math.min(min, 50)));
    }

    /** The smallest value the schema allows, or 1. */
    static BigDecimal lowest(JsonNode s) {
        if (s.path("minimum").isNumber()) {
            return s.get("minimum").decimalValue();
        }
        if (s.path("exclusiveMinimum").isNumber()) {
            BigDecimal step = s.path("multipleOf").isNumber() ? s.get("multipleOf").decimalValue() : BigDecimal.ONE;
            return s.get("exclusiveMinimum").decimalValue().add(step);
        }
        return BigDecimal.ONE;
    }
}
