package org.tradeorders.platform.waiting;

import jakarta.ws.rs.HeaderParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tradeorders.platform.problem.ProblemException;

/**
 * What a read asks to wait for, as a {@code @BeanParam}: {@code If-None-Match} names the answer the client
 * holds (the ETag it was given), {@code Prefer: wait=N} (RFC 7240) how many seconds it will wait for a
 * different one. Either header, malformed, is refused (400 naming it), never ignored.
 */
public class WaitRequest {
    public static final String PREFER = "Prefer";
    public static final String IF_NONE_MATCH = "If-None-Match";
    /** Answer headers, described once in every OpenAPI document's components (platform ContractFilter). */
    public static final String ETAG = "ETag";
    public static final String PREFERENCE_APPLIED = "Preference-Applied";
    static final String WAIT_FORMAT = "wait must be a whole number of seconds, e.g. wait=20";
    static final String TAG_FORMAT = "must be * or entity tags as the ETag header gives them, e.g. \"3q2-7w\"";

    @HeaderParam(PREFER)
    @Parameter(in = ParameterIn.HEADER, name = PREFER, schema = @Schema(type = SchemaType.STRING),
            description = "wait=N: hold the answer up to N seconds (at most the server's limit, 30 unless configured) while it would be the one the client holds: "
                    + "the ETag in If-None-Match, or not found yet. Other preferences are ignored.")
    List<String> prefer;

    @HeaderParam(IF_NONE_MATCH)
    @Parameter(in = ParameterIn.HEADER, name = IF_NONE_MATCH, schema = @Schema(type = SchemaType.STRING),
            description = "The ETag of the answer the client holds: 304 while the answer is still that one.")
    List<String> ifNoneMatch;

    public WaitRequest() {
    }

    public WaitRequest(List<String> prefer, List<String> ifNoneMatch) {
        this.prefer = prefer;
        this.ifNoneMatch = ifNoneMatch;
    }

    /** The wait asked for (the first {@code wait} preference; its value a token or a quoted string), if any. */
    public Optional<Duration> waitAsked() {
        for (String preference : items(prefer)) {
            int semicolon = indexOutsideQuotes(preference, ';');
            String head = (semicolon < 0 ? preference : preference.substring(0, semicolon)).trim();
            int eq = head.indexOf('=');
            String name = (eq < 0 ? head : head.substring(0, eq)).trim();
            if (!name.equalsIgnoreCase("wait")) {
                continue;
            }
            String value = eq < 0 ? "" : head.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            // refused, not ignored as RFC 7240 would allow: a client that misspells its wait learns it at once
            if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw ProblemException.invalid(PREFER, WAIT_FORMAT);
            }
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        return Optional.empty();
    }

    /**
     * The entity tags the client holds, opaque parts only (weak and strong alike: If-None-Match compares
     * weakly), or {@code *}. An opaque part may hold commas; its characters are those of RFC 9110's etagc.
     */
    public Set<String> heldTags() {
        Set<String> tags = new HashSet<>();
        for (String line : ifNoneMatch == null ? List.<String>of() : ifNoneMatch) {
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t' || c == ',') {
                    i++;
                } else if (c == '*') {
                    tags.add("*");
                    i++;
                } else {
                    int open = line.startsWith("W/", i) ? i + 2 : i;
                    int close = open < line.length() && line.charAt(open) == '"' ? line.indexOf('"', open + 1) : -1;
                    if (close < 0 || !line.substring(open + 1, close).chars().allMatch(WaitRequest::isEtagc)) {
                        throw ProblemException.invalid(IF_NONE_MATCH, TAG_FORMAT);
                    }
                    tags.add(line.substring(open + 1, close));
                    i = close + 1;
                    if (i < line.length() && line.charAt(i) != ',' && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                        throw ProblemException.invalid(IF_NONE_MATCH, TAG_FORMAT);
                    }
                }
            }
        }
        return tags;
    }

    private static boolean isEtagc(int c) {
        return c == 0x21 || c >= 0x23 && c <= 0x7e || c >= 0x80 && c <= 0xff;
    }

    /** Every comma-separated item of every header line (a comma inside a quoted string is not a separator). */
    private static List<String> items(List<String> lines) {
        List<String> items = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : lines) {
            int from = 0;
            while (from <= line.length()) {
                int comma = indexOutsideQuotes(line.substring(from), ',');
                String item = comma < 0 ? line.substring(from) : line.substring(from, from + comma);
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
                from = comma < 0 ? line.length() + 1 : from + comma + 1;
            }
        }
        return items;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
