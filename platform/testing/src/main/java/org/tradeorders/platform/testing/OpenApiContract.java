package org.tradeorders.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Holds every test's calls to the service's own OpenAPI document: an operation that answers a
 * status its document does not declare fails the test that made the call. Installed for every
 * REST Assured call of a service test by {@link InfraTestResource}.
 */
public final class OpenApiContract implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Optional<JsonNode>> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> TEMPLATES = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    /** Adds the check to REST Assured's global filters, once per JVM. */
    static synchronized void install() {
        if (!installed) {
            RestAssured.filters(new OpenApiContract());
            installed = true;
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext ctx) {
        Response answer = ctx.next(request, response);
        URI uri = URI.create(request.getURI());
        String path = uri.getRawPath();
        if (path.startsWith("/q/")) {
            return answer;
        }
        String base = uri.getScheme() + "://" + uri.getAuthority();
        Optional<JsonNode> document;
        try {
            document = DOCUMENTS.computeIfAbsent(base, OpenApiContract::document);
        } catch (UncheckedIOException e) {
            return answer; // the service went away after answering (a chaos test's restart): checked on a later call
        }
        if (document.isEmpty()) {
            return answer;
        }
        JsonNode operation = operation(document.get(), request.getMethod().toLowerCase(), path);
        if (operation == null) {
            return answer; // no such path or method: the framework's 404/405, not an operation's answer
        }
        JsonNode responses = operation.path("responses");
        String status = Integer.toString(answer.statusCode());
        if (!responses.has(status) && !responses.has("default")) {
            throw new AssertionError(request.getMethod() + " " + path + " answered " + status + ", which its OpenAPI "
                    + "operation " + operation.path("operationId").asText() + " does not declare (it declares "
                    + names(responses) + ")");
        }
        return answer;
    }

    /** The operation whose path template matches; the most literal one if several do. */
    public static JsonNode operation(JsonNode document, String method, String path) {
        JsonNode best = null;
        int bestParams = Integer.MAX_VALUE;
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String template = entry.getKey();
            int params = template.split("\\{", -1).length - 1;
            if (params < bestParams && entry.getValue().has(method) && patternOf(template).matcher(path).matches()) {
                best = entry.getValue().get(method);
                bestParams = params;
            }
        }
        return best;
    }

    /** "/orders/{id}/submit" as a pattern for request paths, compiled once per template. */
    private static Pattern patternOf(String template) {
        return TEMPLATES.computeIfAbsent(template, t -> Pattern.compile("^" + Pattern.quote(t)
                .replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q") + "/?$"));
    }

    /**
     * The service's document at {@code base} (scheme://host:port), or empty if it serves none; a
     * failed exchange is an {@link UncheckedIOException} with its cause, never taken for "no document".
     */
    public static Optional<JsonNode> document(String base) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document at " + base + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the OpenAPI document at " + base, e);
        }
    }

    private static String names(JsonNode responses) {
        StringBuilder s = new StringBuilder();
        responses.fieldNames().forEachRemaining(n -> s.append(s.length() == 0 ? "" : ", ").append(n));
        return s.toString();
    }
}
