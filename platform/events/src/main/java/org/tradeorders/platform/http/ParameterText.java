package org.tradeorders.platform.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.validation.Formats;

/**
 * Path and query parameters are text or the request is refused (400 naming the parameter), before
 * anything runs: a percent-escape that is not UTF-8 would otherwise be decoded to U+FFFD, and a
 * control character would be looked up or stored as given. Runs ahead of the idempotency filter.
 * (U+FFFD itself is refused in a path parameter: decoded, it cannot be told from a replaced byte.)
 */
public class ParameterText {
    static final String NOT_TEXT = "must be text: it contains a control character or is not UTF-8";

    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void check(UriInfo uri, HttpServerRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        // path parameters come decoded only: a byte that was not UTF-8 is U+FFFD by now
        for (Map.Entry<String, List<String>> parameter : uri.getPathParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (!Formats.isText(value, false) || value.indexOf('\uFFFD') >= 0) {
                    errors.add(new FieldViolation(parameter.getKey(), NOT_TEXT));
                    break;
                }
            }
        }
        String query = request.query();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
                if (name == null || !Formats.isPrintable(name)) {
                    errors.add(new FieldViolation("query", NOT_TEXT));
                } else if (value == null || !Formats.isText(value, false)) {
                    errors.add(new FieldViolation(name, NOT_TEXT));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** The percent-decoded text, or null if its bytes are not UTF-8 (never replaced). */
    static String decoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return raw; // not percent-encoded: already decoded text, which isText judges
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
