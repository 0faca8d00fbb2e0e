package org.tradeorders.platform.testing;

import java.time.Duration;

/** Signed JWTs for test callers, trusted by services started with {@link InfraTestResource}. */
public final class Tokens {
    private Tokens() {
    }

    public static String buyer(String companyId) {
        return issue("buyer", companyId);
    }

    public static String supplier(String companyId) {
        return issue("supplier", companyId);
    }

    public static String operator(String companyId) {
        return issue("operator", companyId);
    }

    public static String issue(String role, String companyId) {
        return SharedInfra.get().tokens().issue(role, companyId, Duration.ofHours(1));
    }
}
