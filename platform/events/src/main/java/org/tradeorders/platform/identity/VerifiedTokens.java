package org.tradeorders.platform.identity;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once, not on every request: the verified token is kept, keyed by the whole
 * compact token (signature included, so a forged or altered token never matches), until it expires.
 * The profile showed RS256 verification (BigInteger arithmetic) taking up to a third of a service's CPU
 * under polling clients. At most {@link #MAX_TOKENS} are kept; beyond that the cache starts afresh.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {
    static final int MAX_TOKENS = 10_000;

    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Inject
    @Delegate
    JWTParser parser;

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        JsonWebToken kept = verified.get(bearerToken);
        if (kept != null && kept.getExpirationTime() * 1000 > System.currentTimeMillis()) {
            return kept;
        }
        if (kept != null) {
            verified.remove(bearerToken); // expired: verified again below, and refused
        }
        JsonWebToken token = parser.parse(bearerToken);
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(bearerToken, token);
        return token;
    }
}
