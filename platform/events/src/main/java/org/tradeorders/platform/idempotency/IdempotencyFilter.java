package org.tradeorders.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.tradeorders.platform.http.JsonBodies;
import org.tradeorders.platform.identity.Roles;
import org.tradeorders.platform.problem.Problem;
import org.tradeorders.platform.problem.ProblemException;
import org.tradeorders.platform.problem.ProblemMappers;
import org.tradeorders.platform.validation.Formats;

/**
 * {@code Idempotency-Key} on every mutating call of every service: the same key with the same request
 * gets the first answer again (errors included, marked {@code Idempotent-Replayed: true}); the same
 * key with another request gets 422; a retry while the first is still running gets 409. Keys are per
 * caller. Requests without the header are not affected.
 *
 * <p>The fate of a keyed request is decided in its business transaction: this filter begins the
 * transaction before the resource runs (the resource's own {@code @Transactional} methods join it),
 * decides under the key's lock, and after the resource answered writes the answer and commits, all at
 * once. So a crash before the commit leaves nothing (the retry runs), and after it the effect and its
 * answer together (the retry is answered). A 5xx is never kept: its transaction is rolled back, so the
 * retry runs again.
 */
public class IdempotencyFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private record Claimed(String caller, String key, String hash) {
    }

    @Inject
    IdempotencyKeys keys;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken jwt;
    @Inject
    ObjectMapper mapper;
    @Inject
    TransactionManager transactions;
    @Inject
    MeterRegistry registry;

    @ServerRequestFilter
    public Response before(ContainerRequestContext ctx) throws Exception {
        String key = ctx.getHeaderString(HEADER);
        if (key == null || !MUTATING.contains(ctx.getMethod())) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || !Formats.isPrintable(key)) {
            return problem(ProblemException.invalid(HEADER, "must be 1 to 200 printable characters"));
        }
        byte[] body = ctx.hasEntity() ? ctx.getEntityStream().readAllBytes() : new byte[0];
        ctx.setEntityStream(new ByteArrayInputStream(body));
        String caller = callerOf();
        String hash = hash(ctx, body);
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            LOG.warn("a transaction was left on this thread by an earlier request; rolled back");
            transactions.rollback();
        }
        transactions.begin();
        IdempotencyKeys.Decision decision;
        try {
            decision = keys.decide(caller, key, hash);
        } catch (RuntimeException e) {
            transactions.rollback();
            throw e;
        }
        if (decision instanceof IdempotencyKeys.Proceed) {
            ctx.setProperty(CLAIMED, new Claimed(caller, key, hash));
            return null;
        }
        transactions.rollback();
        if (decision instanceof IdempotencyKeys.Replay r) {
            registry.counter("tradeorders.idempotency.replays").increment();
            Response.ResponseBuilder replay = Response.status(r.status()).header("Idempotent-Replayed", "true");
            if (r.body() != null) {
                replay.entity(r.body()).type(r.contentType());
            }
            if (r.location() != null) {
                replay.header("Location", r.location());
            }
            return replay.build();
        }
        if (decision instanceof IdempotencyKeys.InFlight) {
            return problem(ProblemException.conflict("idempotency-key-in-flight", "a request with " + HEADER + " " + key
                    + " is still being processed; retry it later"));
        }
        return problem(new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                HEADER + " " + key + " was used for a different request; use a new key for a new request", null, null));
    }

    @ServerResponseFilter
    public void after(ContainerRequestContext request, ContainerResponseContext response) throws Exception {
        if (!(request.getProperty(CLAIMED) instanceof Claimed claimed)) {
            return;
        }
        request.removeProperty(CLAIMED);
        int status = response.getStatus();
        if (status >= 500 || transactions.getStatus() != Status.STATUS_ACTIVE) {
            // failed on our side, or the resource's transaction was marked for rollback (a refusal thrown
            // from inside it): nothing of the request stays
            transactions.rollback();
            if (status < 500) {
                keepRefusal(claimed, response);
            }
            return;
        }
        try {
            Answer answer = answerOf(response);
            keys.record(claimed.caller(), claimed.key(), claimed.hash(), status, answer.type(),
                    response.getHeaderString("Location"), answer.body());
            transactions.commit();
        } catch (Exception e) {
            if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactions.rollback();
            }
            Response failed = ProblemMappers.failure(e);
            response.setStatus(failed.getStatus());
            response.getHeaders().clear();
            response.getHeaders().putAll(failed.getHeaders());
            response.setEntity(failed.getEntity());
        }
    }

    private void keepRefusal(Claimed claimed, ContainerResponseContext response) {
        try {
            Answer answer = answerOf(response);
            keys.recordRefusal(claimed.caller(), claimed.key(), claimed.hash(), response.getStatus(), answer.type(), answer.body());
        } catch (Exception e) {
            // nothing changed; without the kept refusal a retry simply runs again
            LOG.debugf("refusal under %s not kept: %s", claimed.key(), e.getMessage());
        }
    }

    private record Answer(String type, String body) {
    }

    /**
     * The answer to keep. An entity answered as JSON is written here, and that text is what is sent too:
     * serialised once, and a replay is the very same text.
     */
    private Answer answerOf(ContainerResponseContext response) throws JsonProcessingException {
        Object entity = response.getEntity();
        MediaType declared = response.getMediaType();
        if (entity == null || entity instanceof String) {
            // the writer picks the media type after this filter
            String type = declared != null ? declared.toString() : entity == null ? null : MediaType.TEXT_PLAIN;
            return new Answer(type, (String) entity);
        }
        String body = mapper.writeValueAsString(entity);
        // our resources produce JSON; the media type is set here so that the text is sent as JSON
        MediaType type = declared != null ? declared : MediaType.APPLICATION_JSON_TYPE;
        if (JsonBodies.isJson(type)) {
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
        return new Answer(type.toString(), body);
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
