package org.tradeorders.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A published event version only grows by optional fields. Each schema as last released (kept in the
 * repository, {@code src/test/resources/released-event-schemas/}) is compared with the current one:
 * every keyword must stay as it was, except that an object may gain properties that are not required.
 * A schema released once may never disappear. Anything else is a new version ({@code .v2}) beside the old.
 */
public final class SchemaCompatibility {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaCompatibility() {
    }

    /** The breaking changes from {@code released} to {@code current}, each as path: reason (empty: compatible). */
    public static List<String> breakingChanges(Path released, Path current) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(released)) {
            for (Path old : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = old.getFileName().toString();
                Path now = current.resolve(name);
                if (!Files.exists(now)) {
                    problems.add(name + ": a released schema was removed");
                    continue;
                }
                compare(name, JSON.readTree(old.toFile()), JSON.readTree(now.toFile()), problems);
            }
        }
        return problems;
    }

    static List<String> breakingChanges(String name, JsonNode released, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare(name, released, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode was, JsonNode is, List<String> problems) {
        if (!was.isObject() || !is.isObject()) {
            if (!was.equals(is)) {
                problems.add(path + ": changed from " + was + " to " + is);
            }
            return;
        }
        Set<String> keywords = new HashSet<>();
        was.fieldNames().forEachRemaining(keywords::add);
        is.fieldNames().forEachRemaining(keywords::add);
        for (String k : keywords) {
            String at = path + "/" + k;
            if (k.equals("properties")) {
                properties(at, was.path(k), is.path(k), is.path("required"), problems);
            } else if (k.equals("description") || k.equals("title") || k.equals("examples")) {
                continue; // words, not shape
            } else if (!was.has(k)) {
                problems.add(at + ": a new constraint");
            } else if (!is.has(k)) {
                problems.add(at + ": removed");
            } else {
                compare(at, was.get(k), is.get(k), problems);
            }
        }
    }

    private static void properties(String path, JsonNode was, JsonNode is, JsonNode required, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = was.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!is.has(p.getKey())) {
                problems.add(path + "/" + p.getKey() + ": a released field was removed");
            } else {
                compare(path + "/" + p.getKey(), p.getValue(), is.get(p.getKey()), problems);
            }
        }
        for (Iterator<String> it = is.fieldNames(); it.hasNext();) {
            String added = it.next();
            if (!was.has(added) && required.isArray() && contains(required, added)) {
                problems.add(path + "/" + added + ": a new field that is required");
            }
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
