package org.tradeorders.platform.domain;

/**
 * A domain rule refused a change (a transition the state table does not allow, say). The domain
 * throws it without knowing HTTP; the REST layer answers it as 409 problem+json with its slug as the
 * problem type, and a consumer treats it as any other non-transient failure.
 */
public class RuleViolation extends RuntimeException {
    private final String slug;

    public RuleViolation(String slug, String detail) {
        super(detail);
        this.slug = slug;
    }

    /** The problem type's last segment, e.g. {@code invalid-transition}. */
    public String slug() {
        return slug;
    }
}
