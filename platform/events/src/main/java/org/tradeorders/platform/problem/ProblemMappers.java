package org.tradeorders.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tradeorders.platform.faults.Transients;

/** Every error a REST client sees is problem+json (RFC 9457) naming the field and the reason. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    /** Quarkus' own mapper for request validation would answer plain JSON; this one answers problem+json. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response requestViolations(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e) {
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
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response malformed(com.fasterxml.jackson.core.JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
        }
        return respond(ProblemException.invalid(field, "cannot be read: " + e.getOriginalMessage()).problem());
    }

    /** A signed-in caller whose role may not make this call. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(ProblemException.forbidden("your role may not make this call").problem());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = e.getResponse().getStatusInfo();
        return respond(new Problem(URI.create("about:blank"), type.getReasonPhrase(), status, e.getMessage(), List.of(), null));
    }

    /**
     * The database gave up on a statement that is worth retrying as it is (a deadlock victim, a
     * serialization failure, a lock wait timed out), or could not be reached (restarting, connection
     * lost): the transaction was rolled back and nothing changed, so the client is told to retry (503
     * with Retry-After; with its Idempotency-Key the retry is safe, and a 5xx answer is never kept for
     * the key). Anything else is a plain 500.
     */
    @ServerExceptionMapper
    public Response persistence(jakarta.persistence.PersistenceException e) {
        return failure(e);
    }

    /** The answer to a request that failed on our side: 503 busy-retry if the cause is transient, else 500. */
    public static Response failure(Throwable e) {
        if (!Transients.isTransient(e)) {
            org.jboss.logging.Logger.getLogger(ProblemMappers.class).error("request failed on our side", e);
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
