package org.tradeorders.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.stream.Collectors;
import org.tradeorders.platform.json.StrictJson;

/**
 * A body that cannot be read, told in the client's terms: the JSON field (as a path like
 * {@code lines[0].quantity}) and what it must be, never a Java class, package or parser internals.
 */
final class UnreadableJson {
    private UnreadableJson() {
    }

    static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            return path.startsWith(".") ? path.substring(1) : path;
        }
        // a number out of range fails in the parser, before any path is recorded: ask the parser where it was
        if (e instanceof InputCoercionException && e.getProcessor() instanceof JsonParser p) {
            String path = pathOf(p.getParsingContext());
            if (!path.isEmpty()) {
                return path;
            }
        }
        return "body";
    }

    static String reason(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputCoercionException c) {
                return "is out of range: must be " + kind(c.getTargetType());
            }
        }
        if (e instanceof InvalidFormatException f && StrictJson.NOT_TEXT.equals(f.getOriginalMessage())) {
            return StrictJson.NOT_TEXT;
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException f) {
            return "must be " + kind(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return m.getTargetType() == null ? "has the wrong type" : "must be " + kind(m.getTargetType());
        }
        if (e instanceof ValueInstantiationException) {
            return "is not valid";
        }
        if (e instanceof JsonMappingException) {
            return "cannot be read";
        }
        JsonLocation at = e.getLocation();
        return "is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    /** What a Java type is to a JSON client. */
    static String kind(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            Long max = type == int.class || type == Integer.class ? Integer.MAX_VALUE
                    : type == short.class || type == Short.class ? (long) Short.MAX_VALUE
                    : type == BigInteger.class ? null : Long.MAX_VALUE;
            return "a whole number" + (max == null ? "" : " between " + (-max - 1) + " and " + max);
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class || type == float.class
                || type == Float.class) {
            return "a decimal number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == LocalDate.class) {
            return "a date like 2027-01-31";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a timestamp like 2027-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }

    private static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
