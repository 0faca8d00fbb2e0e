package org.tradeorders.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.faults.Transients;

/** Every error a REST client sees is problem+json (RFC 9457) naming the field and the reason. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    /** A domain rule's refusal: the state does not allow the change. */
    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e) {
        return respond(ProblemException.conflict(e.slug(), e.getMessage()).problem());
    }

    /** A domain rule's refusal of a value the caller gave. */
    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e) {
        return respond(ProblemException.invalid(e.fields().stream().map(f -> new FieldViolation(f.name(), f.reason()))
                .toList()).problem());
    }

    /** Quarkus' own mapper for request validation would answer plain JSON; this one answers problem+json. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response requestViolations(ResteasyReactiveViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        return respond(ProblemException.invalid(errors).problem());
    }

    /** Quarkus maps this one itself (plain JSON); a specific mapper here wins. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response malformed(JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return respond(ProblemException.invalid(UnreadableJson.field(e), UnreadableJson.reason(e)).problem());
    }

    /** A signed-in caller whose role may not make this call. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ProblemException.forbidden("your role may not make this call").problem());
    }

    /** No token where the call needs one (authentication is not proactive, so this reaches the mappers). */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("missing", "this call needs a bearer token: Authorization: Bearer <JWT>");
    }

    /** A token that was given but does not hold: expired, badly signed, or not a JWT at all. */
    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException jwt) {
                if (jwt.hasExpired()) {
                    return unauthorized("expired", "the bearer token has expired");
                }
                if (jwt.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                    return unauthorized("bad-signature", "the bearer token's signature does not verify");
                }
                if (jwt.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || jwt.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)
                        || jwt.hasErrorCode(ErrorCodes.ISSUER_INVALID) || jwt.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return unauthorized("wrong-audience", "the bearer token was not issued for this service");
                }
            }
        }
        return unauthorized("malformed", "the bearer token is not a valid signed JWT");
    }

    /**
     * The framework's own refusals (404 for an unknown path, 405, 406, 415, a malformed parameter),
     * in the same shape and with the same problem types in every service.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return unreadable(json); // the body reader wraps what Jackson could not read
            }
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // a path or query parameter that could not be converted: the route exists, the value is wrong
            return respond(ProblemException.invalid("parameter", "has the wrong type: " + conversion(e.getCause())).problem());
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> status < 500 ? "bad-request" : "internal-error";
        };
        String detail = switch (status) {
            case 404 -> "there is no such resource";
            case 405 -> "this resource does not answer this method";
            case 406 -> "this resource answers only application/json (errors application/problem+json)";
            case 415 -> "send the body as application/json";
            default -> type.getReasonPhrase();
        };
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new ProblemException(status, slug, type.getReasonPhrase(), detail, null, null).problem());
        if (e.getResponse().getHeaderString("Allow") != null) {
            r.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return r.build();
    }

    private static String conversion(Throwable cause) {
        return cause instanceof NumberFormatException ? "must be a whole number" : "cannot be read";
    }

    private static Response unauthorized(String slug, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new ProblemException(401, "unauthenticated-" + slug, "Unauthenticated", detail, null, null).problem())
                .build();
    }

    /**
     * The database gave up on a statement that is worth retrying as it is (a deadlock victim, a
     * serialization failure, a lock wait timed out), or could not be reached (restarting, connection
     * lost): the transaction was rolled back and nothing changed, so the client is told to retry (503
     * with Retry-After; with its Idempotency-Key the retry is safe, and a 5xx answer is never kept for
     * the key). Anything else is a plain 500.
     */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return failure(e);
    }

    /**
     * Anything no other mapper knows (a commit that failed, an exception from inside the framework):
     * problem+json like every other answer, 503 if the cause is transient, else a 500 that names no class.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return failure(e);
    }

    /** The answer to a request that failed on our side: 503 busy-retry if the cause is transient, else 500. */
    public static Response failure(Throwable e) {
        if (!Transients.isTransient(e)) {
            LOG.error("request failed on our side", e);
            return respond(new Problem(URI.create("about:blank"), "Internal Server Error", 500,
                    "the request failed on our side and changed nothing", List.of(), null));
        }
        Problem p = new ProblemException(503, "busy-retry", "Busy, retry", "the request met a concurrent one or a "
                + "database that was briefly unavailable, and was rolled back without any effect: send it again "
                + "(with the same Idempotency-Key)", null, null).problem();
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1").entity(p).build();
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** "create.request.lines[0].quantity" -> "lines[0].quantity": the JSON field, not the Java method. */
    static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
