package org.tradeorders.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.Problem;
import org.tradeorders.platform.problem.ProblemException;

/**
 * {@code Idempotency-Key} on every mutating call of every service: the same key with the same request
 * gets the first answer again (errors included, marked {@code Idempotent-Replayed: true}); the same
 * key with another request gets 422; a retry while the first is still running gets 409. Keys are per
 * caller. A 5xx answer is not kept, so a retry after a failure on our side runs again. Requests
 * without the header are not affected.
 */
public class IdempotencyFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private record Claimed(String caller, String key) {
    }

    @Inject
    IdempotencyKeys keys;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken jwt;
    @Inject
    ObjectMapper mapper;

    @ServerRequestFilter
    public Response before(ContainerRequestContext ctx) throws IOException {
        String key = ctx.getHeaderString(HEADER);
        if (key == null || !MUTATING.contains(ctx.getMethod())) {
            return null;
        }
        if (key.isBlank() || key.length() > 200) {
            return problem(ProblemException.invalid(HEADER, "must be 1 to 200 characters"));
        }
        byte[] body = ctx.hasEntity() ? ctx.getEntityStream().readAllBytes() : new byte[0];
        ctx.setEntityStream(new ByteArrayInputStream(body));
        String caller = callerOf();
        IdempotencyKeys.Claim claim = keys.claim(caller, key, hash(ctx, body));
        if (claim instanceof IdempotencyKeys.Proceed) {
            ctx.setProperty(CLAIMED, new Claimed(caller, key));
            return null;
        }
        if (claim instanceof IdempotencyKeys.Replay r) {
            Response.ResponseBuilder replay = Response.status(r.status()).header("Idempotent-Replayed", "true");
            if (r.body() != null) {
                replay.entity(r.body()).type(r.contentType());
            }
            if (r.location() != null) {
                replay.header("Location", r.location());
            }
            return replay.build();
        }
        if (claim instanceof IdempotencyKeys.InFlight) {
            return problem(ProblemException.conflict("idempotency-key-in-flight", "a request with " + HEADER + " " + key
                    + " is still being processed; retry it later"));
        }
        return problem(new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                HEADER + " " + key + " was used for a different request; use a new key for a new request", null, null));
    }

    @ServerResponseFilter
    public void after(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (!(request.getProperty(CLAIMED) instanceof Claimed claimed)) {
            return;
        }
        request.removeProperty(CLAIMED);
        if (response.getStatus() >= 500) {
            keys.release(claimed.caller(), claimed.key());
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String s ? s : mapper.writeValueAsString(entity);
        // the writer picks the media type after this filter; our resources produce JSON
        String type = response.getMediaType() != null ? response.getMediaType().toString()
                : entity == null ? null : entity instanceof String ? "text/plain" : "application/json";
        keys.complete(claimed.caller(), claimed.key(), response.getStatus(), type,
                response.getHeaderString("Location"), body);
    }

    /** Keys are scoped to who calls: the same key from two companies are two keys. */
    private String callerOf() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        Object company = jwt.getClaim(Roles.COMPANY_CLAIM);
        return identity.getPrincipal().getName() + "|" + (company == null ? "" : company);
    }

    private static String hash(ContainerRequestContext ctx, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((ctx.getMethod() + " " + ctx.getUriInfo().getRequestUri().getRawPath() + "?"
                    + ctx.getUriInfo().getRequestUri().getRawQuery() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response problem(ProblemException e) {
        Problem p = e.problem();
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
