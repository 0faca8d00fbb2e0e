package org.tradeorders.platform.testing.fuzz;

import java.util.Map;

/**
 * One request the fuzzer sends. {@code invalid}: the operation's document (or a platform rule: no
 * control characters or invalid Unicode anywhere, no unknown fields) makes it a bad request, so no
 * 2xx may answer it; every attempt must get an answer below 500.
 *
 * @param rawPath the path, already percent-encoded as it is sent
 * @param rawQuery the query string, already percent-encoded, or empty
 */
record Attempt(String what, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
        String contentType, boolean invalid) {

    String target() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }
}
