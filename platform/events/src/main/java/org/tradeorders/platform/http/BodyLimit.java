package org.tradeorders.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.Problem;
import org.tradeorders.platform.problem.ProblemException;

/**
 * No unbounded work for one request: a body announced larger than {@code tradeorders.http.max-body-bytes}
 * (a file upload's route: {@link Uploads#maxBytes()}) is refused with 413 problem+json before a byte of it is read. (A chunked body without a length is
 * cut off by the HTTP server at the same limit, {@code quarkus.http.limits.max-body-size}.) This runs
 * ahead of REST, so it writes the problem itself rather than through the exception mappers.
 */
@ApplicationScoped
public class BodyLimit {
    @ConfigProperty(name = "tradeorders.http.max-body-bytes")
    long maxBodyBytes;
    @Inject
    ObjectMapper json;
    @Inject
    Uploads uploads;

    void install(@Observes Router router) throws JsonProcessingException {
        String tooLarge = tooLarge(maxBodyBytes);
        String fileTooLarge = tooLarge(uploads.maxBytes());
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean upload = uploads.isUpload(ctx.request().path());
            if (length != null && tooLong(length, upload ? uploads.maxBytes() : maxBodyBytes)) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(upload ? fileTooLarge : tooLarge);
                return;
            }
            ctx.next();
        });
    }

    private String tooLarge(long limit) throws JsonProcessingException {
        return json.writeValueAsString(new ProblemException(413, "body-too-large", "Body too large",
                "a request body may have at most " + limit + " bytes",
                List.of(new FieldViolation("body", "is larger than " + limit + " bytes")), null).problem());
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP server refuses a malformed length itself
        }
    }
}
