package org.tradeorders.platform.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tradeorders.platform.problem.FieldViolation;
import org.tradeorders.platform.problem.ProblemException;

/**
 * A body is JSON or the request is refused with 415. Without this, an operation whose body is
 * optional (a cancellation's reason) would take a text/plain body as no body at all and go ahead.
 * A file upload's route ({@link Uploads}) is the exception.
 */
public class JsonBodies {
    @Inject
    Uploads uploads;

    @ServerRequestFilter(priority = Priorities.USER - 100)
    public void check(ContainerRequestContext request, HttpServerRequest http) {
        if (uploads.isUpload(http.path())) {
            return; // a file: its resource names the media types it takes, and checks the content
        }
        String length = http.getHeader("Content-Length");
        boolean chunked = http.getHeader("Transfer-Encoding") != null;
        if (!chunked && (length == null || length.trim().equals("0"))) {
            return; // no body: what its Content-Type says does not matter
        }
        if (!isJson(request.getMediaType())) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json", List.of(new FieldViolation("Content-Type",
                            "must be application/json")), null);
        }
    }

    /** application/json, or a type written in JSON such as application/problem+json. */
    public static boolean isJson(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"));
    }
}
