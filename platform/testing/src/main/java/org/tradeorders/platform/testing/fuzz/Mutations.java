package org.tradeorders.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every bad variant of one operation's request, by the type of each field: wrong types, boundaries,
 * overlong text, control characters, invalid Unicode, missing and extra fields; then malformed
 * bodies, parameters and headers. Each variant changes one thing of an otherwise well-formed request.
 */
final class Mutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARKER = "fuzz-marker-7f3a";

    private final Schemas schemas;
    private final List<Attempt> attempts = new ArrayList<>();
    private final String path;
    private final Map<String, JsonNode> query = new LinkedHashMap<>();
    private final JsonNode bodySchema;
    private final boolean bodyRequired;
    private final JsonNode body;
    private final JsonNode operation;
    private final String template;
    private final Map<String, String> pathValues;

    private Mutations(Schemas schemas, String template, JsonNode operation, Map<String, String> pathValues, JsonNode body) {
        this.schemas = schemas;
        this.template = template;
        this.operation = operation;
        this.pathValues = pathValues;
        this.path = Targets.path(template, pathValues, Map.of());
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("in").asText().equals("query") && p.path("required").asBoolean()) {
                query.put(p.path("name").asText(), schemas.sample(p.path("schema")));
            }
        }
        JsonNode content = operation.path("requestBody").path("content").path("application/json");
        this.bodySchema = content.isMissingNode() ? null : content.path("schema");
        this.bodyRequired = operation.path("requestBody").path("required").asBoolean(false);
        this.body = bodySchema == null ? null : body != null ? body : schemas.sample(bodySchema);
    }

    /** The variants of an operation; {@code body} is a valid body to start from, or null for one made from the schema. */
    static List<Attempt> of(Schemas schemas, String template, JsonNode operation, Map<String, String> pathValues,
            JsonNode body) {
        Mutations m = new Mutations(schemas, template, operation, pathValues, body);
        if (m.bodySchema != null) {
            m.fields(m.bodySchema, new ArrayList<>(), true);
            m.bodies();
        }
        m.parameters();
        return m.attempts;
    }

    private void fields(JsonNode schema, List<Object> at, boolean required) {
        String type = schemas.type(schema);
        JsonNode s = schemas.resolve(schema);
        String name = at.isEmpty() ? "the body" : JsonEdits.pointer(at);
        if (!at.isEmpty()) {
            if (required) {
                field(name + " missing", at, null);
                field(name + " null", at, NODES.nullNode());
            }
        }
        switch (type) {
            case "string" -> strings(s, at, name);
            case "integer" -> integers(s, at, name);
            case "number" -> numbers(s, at, name);
            case "boolean" -> field(name + " not a boolean", at, NODES.textNode("maybe"));
            case "array" -> {
                field(name + " not an array", at, NODES.objectNode().put("x", 1));
                if (s.path("minItems").asInt(0) > 0) {
                    field(name + " empty", at, NODES.arrayNode());
                }
                if (s.has("maxItems") && s.get("maxItems").asInt() < 1000) {
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                        many.add(schemas.sample(s.path("items")));
                    }
                    field(name + " above maxItems", at, many);
                }
                if (at.size() < 8) {
                    List<Object> item = new ArrayList<>(at);
                    item.add(0);
                    fields(s.path("items"), item, true);
                }
            }
            case "object" -> {
                if (!at.isEmpty()) {
                    field(name + " not an object", at, NODES.textNode("x"));
                }
                List<Object> extra = new ArrayList<>(at);
                extra.add("unexpectedField");
                field(name + " with an unknown field", extra, NODES.textNode("x"));
                if (at.size() < 8) {
                    schemas.properties(s).forEachRemaining(p -> {
                        List<Object> child = new ArrayList<>(at);
                        child.add(p.getKey());
                        fields(p.getValue(), child, schemas.required(s, p.getKey()));
                    });
                }
            }
            default -> { }
        }
    }

    private void strings(JsonNode s, List<Object> at, String name) {
        String valid = schemas.sample(s).asText();
        field(name + " not a string", at, NODES.objectNode().put("x", 1));
        field(name + " with a control character", at, NODES.textNode(valid + "\u0007"));
        field(name + " with an unpaired surrogate", at, NODES.textNode(valid + "\uD800"));
        if (s.has("maxLength")) {
            field(name + " above maxLength", at, NODES.textNode("A".repeat(s.get("maxLength").asInt() + 1)));
        }
        if (s.path("minLength").asInt(0) > 1) {
            field(name + " below minLength", at, NODES.textNode("A".repeat(s.get("minLength").asInt() - 1)));
        }
        if (s.path("pattern").asText().equals("\\S") || s.path("minLength").asInt(0) > 0) {
            field(name + " blank", at, NODES.textNode(" "));
        }
        if (s.has("enum")) {
            field(name + " not one of its values", at, NODES.textNode("NOT_A_VALUE"));
        }
        switch (s.path("format").asText()) {
            case "date" -> field(name + " not a date", at, NODES.textNode("2027-02-30"));
            case "date-time" -> field(name + " not an instant", at, NODES.textNode("tomorrow"));
            default -> { }
        }
    }

    private void integers(JsonNode s, List<Object> at, String name) {
        field(name + " not a number", at, NODES.textNode("abc"));
        field(name + " a fraction", at, NODES.numberNode(new BigDecimal("1.5")));
        String overflow = s.path("format").asText().equals("int32") ? "2147483648" : "9223372036854775808";
        field(name + " overflowing", at, NODES.numberNode(new BigInteger(overflow)));
        bounds(s, at, name, BigDecimal.ONE);
    }

    private void numbers(JsonNode s, List<Object> at, String name) {
        field(name + " not a number", at, NODES.textNode("abc"));
        field(name + " astronomically large", at, NODES.numberNode(new BigDecimal("1e400")));
        if (s.path("multipleOf").isNumber()) {
            BigDecimal step = s.get("multipleOf").decimalValue();
            BigDecimal finer = Schemas.lowest(s).max(BigDecimal.ONE).add(step.movePointLeft(1));
            field(name + " finer than multipleOf " + step.toPlainString(), at, NODES.numberNode(finer));
        }
        bounds(s, at, name, s.path("multipleOf").isNumber() ? s.get("multipleOf").decimalValue() : new BigDecimal("0.0001"));
    }

    private void bounds(JsonNode s, List<Object> at, String name, BigDecimal step) {
        if (s.path("minimum").isNumber()) {
            field(name + " below minimum", at, NODES.numberNode(s.get("minimum").decimalValue().subtract(step)));
        }
        if (s.path("exclusiveMinimum").isNumber()) {
            field(name + " at its exclusive minimum", at, NODES.numberNode(s.get("exclusiveMinimum").decimalValue()));
        }
        if (s.path("maximum").isNumber()) {
            field(name + " above maximum", at, NODES.numberNode(s.get("maximum").decimalValue().add(step)));
        }
    }

    /** Bodies that are no JSON, not UTF-8, of another media type, or absent. */
    private void bodies() {
        send("malformed JSON", "{\"".getBytes(StandardCharsets.UTF_8), "application/json", true);
        JsonNode marked = JsonEdits.firstStringMarked(body.deepCopy(), MARKER);
        if (marked != null) {
            String json = JsonEdits.write(marked);
            byte[] bytes = json.replace(MARKER, "\u0000").getBytes(StandardCharsets.UTF_8);
            int i = JsonEdits.indexOf(bytes, (byte) 0);
            byte[] invalid = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, invalid, 0, i);
            invalid[i] = (byte) 0xC3;
            invalid[i + 1] = (byte) 0x28; // 0xC3 0x28: a lead byte without its continuation
            System.arraycopy(bytes, i + 1, invalid, i + 2, bytes.length - i - 1);
            send("invalid UTF-8 in a string", invalid, "application/json", true);
        }
        send("as text/plain", JsonEdits.write(body).getBytes(StandardCharsets.UTF_8), "text/plain", true);
        if (bodyRequired) {
            send("without a body", new byte[0], "application/json", true);
            send("a JSON null body", "null".getBytes(StandardCharsets.UTF_8), "application/json", true);
        }
    }

    /** Path parameters that are no text or far too long; typed query parameters out of type and range. */
    private void parameters() {
        for (JsonNode p : operation.path("parameters")) {
            String name = p.path("name").asText();
            JsonNode schema = schemas.resolve(p.path("schema"));
            String type = schemas.type(schema);
            switch (p.path("in").asText()) {
                case "path" -> {
                    pathed(name + " with a control character", name, "a%07b", true);
                    pathed(name + " with invalid UTF-8", name, "a%C3%28b", true);
                    pathed(name + " very long", name, "a".repeat(3000), type.equals("integer") || schema.has("maxLength"));
                    if (type.equals("integer")) {
                        pathed(name + " not a number", name, "abc", true);
                    }
                }
                case "query" -> {
                    queried(name + " with a control character", name, "a%07b");
                    queried(name + " with invalid UTF-8", name, "a%C3%28b");
                    if (type.equals("integer")) {
                        queried(name + " not a number", name, "abc");
                        queried(name + " a fraction", name, "1.5");
                        queried(name + " overflowing", name, "99999999999999999999");
                        if (schema.path("minimum").isNumber()) {
                            queried(name + " below minimum", name, schema.get("minimum").decimalValue()
                                    .subtract(BigDecimal.ONE).toPlainString());
                        }
                        if (schema.path("maximum").isNumber()) {
                            queried(name + " above maximum", name, schema.get("maximum").decimalValue()
                                    .add(BigDecimal.ONE).toPlainString());
                        }
                    }
                    if (schema.has("enum")) {
                        queried(name + " not one of its values", name, "NOT_A_VALUE");
                    }
                }
                case "header" -> {
                    if (schema.has("maxLength")) {
                        headed(name + " above maxLength", name, "k".repeat(schema.get("maxLength").asInt() + 1));
                    }
                }
                default -> { }
            }
        }
    }

    private void field(String what, List<Object> at, JsonNode value) {
        JsonNode changed = body.deepCopy();
        if (at.isEmpty()) {
            changed = value;
        } else if (!JsonEdits.set(changed, at, value)) {
            return;
        }
        send(what, JsonEdits.write(changed).getBytes(StandardCharsets.UTF_8), "application/json", true);
    }

    private void send(String what, byte[] bytes, String contentType, boolean invalid) {
        attempts.add(new Attempt(what, path, Targets.rawQuery(query, Map.of()), Map.of(), bytes, contentType, invalid));
    }

    private void pathed(String what, String name, String raw, boolean invalid) {
        attempts.add(new Attempt(what, Targets.path(template, pathValues, Map.of(name, raw)),
                Targets.rawQuery(query, Map.of()), Map.of(),
                bodyBytes(), "application/json", invalid));
    }

    private void queried(String what, String name, String raw) {
        attempts.add(new Attempt(what, path, Targets.rawQuery(query, Map.of(name, raw)), Map.of(), bodyBytes(),
                "application/json", true));
    }

    private void headed(String what, String name, String value) {
        attempts.add(new Attempt(what, path, Targets.rawQuery(query, Map.of()), Map.of(name, value), bodyBytes(), "application/json",
                true));
    }

    private byte[] bodyBytes() {
        return body == null ? null : JsonEdits.write(body).getBytes(StandardCharsets.UTF_8);
    }
}
