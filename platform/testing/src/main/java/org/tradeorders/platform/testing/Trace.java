package org.tradeorders.platform.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A caller's own W3C trace context, {@code 00-<32 hex trace id>-<16 hex parent span id>-01} (sampled). */
public record Trace(String traceId, String parentSpanId) {

    public static Trace random() {
        return new Trace(hex(16), hex(8));
    }

    public String traceparent() {
        return "00-" + traceId + "-" + parentSpanId + "-01";
    }

    /** The trace id of a traceparent header, or null if there is none. */
    public static String traceIdOf(String traceparent) {
        return traceparent == null ? null : traceparent.split("-")[1];
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
