package org.tradeorders.platform.testing.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/** Edits of a JSON body at a path of field names and indexes, and its text as sent. */
final class JsonEdits {
    /** Non-ASCII is sent escaped, so an unpaired surrogate reaches the service as written. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonEdits() {
    }

    /** Sets the value at the path, making missing parents; null removes it. False if the path cannot exist. */
    static boolean set(JsonNode root, List<Object> at, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < at.size() - 1; i++) {
            Object step = at.get(i);
            Object next = at.get(i + 1);
            JsonNode child = step instanceof Integer index ? node.path(index) : node.path((String) step);
            if (child.isMissingNode() || child.isNull()) {
                child = next instanceof Integer ? NODES.arrayNode().add(NODES.objectNode()) : NODES.objectNode();
                if (!put(node, step, child)) {
                    return false;
                }
            }
            node = child;
        }
        Object last = at.get(at.size() - 1);
        if (value == null) {
            if (node instanceof ObjectNode object) {
                object.remove((String) last);
            } else if (node instanceof ArrayNode array && array.size() > (Integer) last) {
                array.remove((Integer) last);
            }
            return true;
        }
        return put(node, last, value);
    }

    static boolean put(JsonNode parent, Object step, JsonNode child) {
        if (parent instanceof ObjectNode object && step instanceof String key) {
            object.set(key, child);
            return true;
        }
        if (parent instanceof ArrayNode array && step instanceof Integer index) {
            if (array.size() > index) {
                array.set(index, child);
            } else {
                array.add(child);
            }
            return true;
        }
        return false;
    }

    /** The node with its first string value replaced by {@code marker}, or null if it has none. */
    static JsonNode firstStringMarked(JsonNode node, String marker) {
        boolean[] done = { false };
        Consumer<JsonNode>[] visit = new Consumer[1];
        visit[0] = n -> {
            if (n instanceof ObjectNode o) {
                o.fields().forEachRemaining(e -> {
                    if (!done[0] && e.getValue().isTextual()) {
                        o.put(e.getKey(), marker);
                        done[0] = true;
                    } else if (!done[0]) {
                        visit[0].accept(e.getValue());
                    }
                });
            } else if (n instanceof ArrayNode a) {
                a.forEach(visit[0]);
            }
        };
        visit[0].accept(node);
        return done[0] ? node : null;
    }

    static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static String pointer(List<Object> at) {
        StringBuilder s = new StringBuilder();
        for (Object step : at) {
            s.append(step instanceof Integer i ? "[" + i + "]" : (s.length() == 0 ? "" : ".") + step);
        }
        return s.toString();
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
