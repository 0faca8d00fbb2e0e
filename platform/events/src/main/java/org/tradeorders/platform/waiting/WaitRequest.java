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

    /** The wait asked for (the first {@code wait} preference), if any. */
    public Optional<Duration> waitAsked() {
        for (String preference : items(prefer)) {
            int semicolon = preference.indexOf(';');
            String head = (semicolon < 0 ? preference : preference.substring(0, semicolon)).trim();
            int eq = head.indexOf('=');
            String name = (eq < 0 ? head : head.substring(0, eq)).trim();
            if (!name.equalsIgnoreCase("wait")) {
                continue;
            }
            String value = eq < 0 ? "" : head.substring(eq + 1).trim();
            if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw ProblemException.invalid(PREFER, WAIT_FORMAT);
            }
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        return Optional.empty();
    }

    /** The entity tags the client holds, opaque parts only (weak and strong alike), or {@code *}. */
    public Set<String> heldTags() {
        Set<String> tags = new HashSet<>();
        for (String item : items(ifNoneMatch)) {
            String tag = item.startsWith("W/") ? item.substring(2) : item;
            if (item.equals("*")) {
                tags.add("*");
            } else if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                    && tag.substring(1, tag.length() - 1).chars().allMatch(c -> c == 0x21 || c >= 0x23 && c <= 0x7e)) {
                tags.add(tag.substring(1, tag.length() - 1));
            } else {
                throw ProblemException.invalid(IF_NONE_MATCH, TAG_FORMAT);
            }
        }
        return tags;
    }

    /** Every comma-separated item of every header line, trimmed, empty ones left out. */
    private static List<String> items(List<String> lines) {
        List<String> items = new ArrayList<>();
        if (lines != null) {
            for (String line : lines) {
                for (String item : line.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
            }
        }
        return items;
    }
}
