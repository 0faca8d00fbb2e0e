package org.tradeorders.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A request's path and query as sent: values percent-encoded, raw ones (already encoded) as given. */
final class Targets {
    private Targets() {
    }

    static String path(String template, Map<String, String> values, Map<String, String> raw) {
        StringBuilder s = new StringBuilder();
        for (String segment : template.split("/", -1)) {
            if (s.length() > 0 || !segment.isEmpty()) {
                s.append('/');
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                s.append(raw.containsKey(name) ? raw.get(name) : encode(values.getOrDefault(name, "unknown-" + name)));
            } else {
                s.append(segment);
            }
        }
        return s.toString();
    }

    static String rawQuery(Map<String, JsonNode> values, Map<String, String> raw) {
        StringBuilder s = new StringBuilder();
        values.forEach((name, value) -> {
            if (!raw.containsKey(name)) {
                s.append(s.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value.asText()));
            }
        });
        raw.forEach((name, value) -> s.append(s.length() == 0 ? "" : "&").append(encode(name)).append('=').append(value));
        return s.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
