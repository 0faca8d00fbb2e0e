package org.tradeorders.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Thrown anywhere in request handling; rendered as problem+json. Nothing has changed when it is thrown. */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(int status, String slug, String title, String detail, List<FieldViolation> errors,
            Map<String, Object> extensions) {
        super(title + ": " + detail);
        this.problem = new Problem(URI.create("https://problems.tradeorders.org/" + slug), title, status, detail,
                errors == null ? List.of() : errors, extensions);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException invalid(List<FieldViolation> errors) {
        return new ProblemException(400, "invalid-request", "Invalid request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                        : errors.size() + " fields are invalid",
                errors, null);
    }

    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new FieldViolation(field, reason)));
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist or is not yours",
                null, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null, null);
    }

    /** The request is well-formed but the resource's current state does not allow it. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict with the current state", detail, null, null);
    }
}
