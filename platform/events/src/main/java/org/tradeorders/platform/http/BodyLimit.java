package org.tradeorders.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * No unbounded work for one request: a body announced larger than {@code tradeorders.http.max-body-bytes}
 * is refused with 413 problem+json before a byte of it is read. (A chunked body without a length is
 * cut off by the HTTP server at the same limit, {@code quarkus.http.limits.max-body-size}.)
 */
@ApplicationScoped
public class BodyLimit {
    @ConfigProperty(name = "tradeorders.http.max-body-bytes")
    long maxBodyBytes;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length)) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"https://problems.tradeorders.org/body-too-large\",\"title\":\"Body too large\","
                                + "\"status\":413,\"detail\":\"a request body may have at most " + maxBodyBytes
                                + " bytes\",\"errors\":[{\"field\":\"body\",\"reason\":\"is larger than " + maxBodyBytes
                                + " bytes\"}]}");
                return;
            }
            ctx.next();
        });
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP server refuses a malformed length itself
        }
    }
}
