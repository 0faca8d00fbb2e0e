package org.tradeorders.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one value from the service's /q/metrics (Prometheus text format; a counter's trace exemplar is ignored). */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The value of the series {@code name} whose labels contain {@code label} (e.g. {@code invariant="books-balance"},
     * or "" for any), or NaN if the service shows no such series.
     */
    public static double value(String name, String label) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-+0-9.eE]+|NaN)( # \\{.*)?$").matcher(text);
        while (m.find()) {
            if (label.isEmpty() || (m.group(1) != null && m.group(1).contains(label))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }
}
