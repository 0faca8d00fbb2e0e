package org.tradeorders.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** The benchmark report as a table for the terminal. */
final class BenchmarkTable {
    private BenchmarkTable() {
    }

    static String of(JsonNode report) {
        StringBuilder t = new StringBuilder("\nbenchmark: the order pipeline (deploy/local/target/benchmark-report.json)\n");
        Iterator<Map.Entry<String, JsonNode>> fields = report.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isObject()) {
                t.append(String.format("  %-24s%n", f.getKey()));
                f.getValue().fields().forEachRemaining(e -> t.append(String.format("    %-26s %s%n", e.getKey(), e.getValue().asText())));
            } else {
                t.append(String.format("  %-24s %s%n", f.getKey(), f.getValue().asText()));
            }
        }
        return t.toString();
    }
}
