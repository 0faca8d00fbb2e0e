package org.tradeorders.platform.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.tradeorders.platform.testing.OpenApiContract;
import org.tradeorders.platform.testing.Tokens;

/**
 * An OpenAPI-driven fuzz test of one running service, made from the service's own document: for
 * every operation, bad variants of each field, body, parameter and header ({@link Mutations}), sent
 * as a caller of each role until one passes authorization. What it finds: any 5xx; any 2xx for an
 * invalid request; a status the operation does not declare; an error answer that is not
 * problem+json or names a Java class; an operation with a body whose validation no variant reached;
 * and any change in what the caller can read afterwards (every GET it may make). Seeded and bounded:
 * the same seed sends the same requests, at most {@code perOperation} per operation.
 */
public final class OpenApiFuzz {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final List<String> ROLES = List.of("supplier", "buyer", "operator", "bank-adapter", "payment-channel", "carrier-adapter");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final Map<String, JsonNode> bodies = new LinkedHashMap<>();
    private final Set<String> unreachable = new HashSet<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private long seed = 1;
    private int perOperation = 60;

    private OpenApiFuzz(String base, Function<String, String> tokenOf) {
        this.base = base;
        ROLES.forEach(role -> tokens.put(role, tokenOf.apply(role)));
    }

    /** Fuzzes the service at {@code base} as callers of {@code companyId}, one per role. */
    public static OpenApiFuzz of(String base, String companyId) {
        return new OpenApiFuzz(base, role -> Tokens.issue(role, companyId));
    }

    /** Fuzzes the service at {@code base} with the token that {@code tokenOf} gives for each role. */
    public static OpenApiFuzz of(String base, Function<String, String> tokenOf) {
        return new OpenApiFuzz(base, tokenOf);
    }

    public OpenApiFuzz seed(long value) {
        seed = value;
        return this;
    }

    public OpenApiFuzz perOperation(int max) {
        perOperation = max;
        return this;
    }

    /** The value of a path parameter (e.g. an existing order's id), so variants reach a real resource. */
    public OpenApiFuzz pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** A valid body for an operation, whose fields the variants then change one at a time. */
    public OpenApiFuzz body(String operationId, String json) {
        try {
            bodies.put(operationId, JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    /** An operation whose validation no caller can reach here (say why at the call). */
    public OpenApiFuzz unreachable(String operationId) {
        unreachable.add(operationId);
        return this;
    }

    public Report run() {
        JsonNode document = OpenApiContract.document(base)
                .orElseThrow(() -> new IllegalStateException("no OpenAPI document at " + base));
        Schemas schemas = new Schemas(document);
        List<String> findings = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Map<String, String> before = visible(document);
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String id = operation.path("operationId").asText(method + " " + path.getKey());
                List<Attempt> attempts = new ArrayList<>(Mutations.of(schemas, path.getKey(), operation, pathValues,
                        bodies.get(id)));
                Collections.shuffle(attempts, new Random(seed ^ id.hashCode()));
                attempts = attempts.subList(0, Math.min(perOperation, attempts.size()));
                String token = authorized(method, attempts);
                Map<Integer, Integer> seen = statuses.computeIfAbsent(id, k -> new TreeMap<>());
                for (Attempt attempt : attempts) {
                    HttpResponse<String> answer = send(method, attempt, token);
                    sent++;
                    seen.merge(answer.statusCode(), 1, Integer::sum);
                    judge(id, method, operation, attempt, answer, findings);
                }
                boolean validated = seen.containsKey(400) || seen.containsKey(415) || seen.containsKey(413);
                if (operation.has("requestBody") && !validated && !unreachable.contains(id)) {
                    findings.add(id + ": no variant reached its validation (answers " + seen + ")");
                }
            }
        }
        Map<String, String> after = visible(document);
        before.forEach((what, body) -> {
            if (!body.equals(after.get(what))) {
                findings.add("what " + what + " shows changed: before " + cut(body) + ", after " + cut(after.get(what)));
            }
        });
        System.out.printf("OpenApiFuzz %s: %d operations, %d requests, %d findings%n", base, statuses.size(), sent,
                findings.size());
        return new Report(sent, findings, statuses);
    }

    private void judge(String id, String method, JsonNode operation, Attempt attempt, HttpResponse<String> answer,
            List<String> findings) {
        int status = answer.statusCode();
        String what = id + " (" + method.toUpperCase() + " " + attempt.target().substring(0,
                Math.min(120, attempt.target().length())) + ") " + attempt.what() + ": " + status;
        if (status >= 500) {
            findings.add(what + " " + cut(answer.body()));
        } else if (attempt.invalid() && status < 300) {
            findings.add(what + ", although the request is invalid");
        }
        JsonNode responses = operation.path("responses");
        if (!responses.has(Integer.toString(status)) && !responses.has("default")) {
            findings.add(what + ", which the operation does not declare");
        }
        if (status >= 400) {
            String type = answer.headers().firstValue("content-type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                findings.add(what + " answered as " + type + ", not problem+json");
            }
            if (answer.body().contains("java.") || answer.body().contains("org.tradeorders")) {
                findings.add(what + " names a Java class: " + cut(answer.body()));
            }
        }
    }

    /** The token of the first role that the operation lets past authorization for its first variant. */
    private String authorized(String method, List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return tokens.get(ROLES.get(0));
        }
        for (String role : ROLES) {
            int status = send(method, attempts.get(0), tokens.get(role)).statusCode();
            if (status != 401 && status != 403) {
                return tokens.get(role);
            }
        }
        return tokens.get(ROLES.get(0));
    }

    /** Every answer a caller of each role can read with the known path values, outside /ops. */
    private Map<String, String> visible(JsonNode document) {
        Map<String, String> state = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/ops/") || !path.getValue().has("get")) {
                return;
            }
            String target = Targets.path(path.getKey(), pathValues, Map.of());
            if (target.contains("unknown-")) {
                return;
            }
            Attempt read = new Attempt("read", target, "", Map.of(), null, null, false);
            tokens.forEach((role, token) -> {
                HttpResponse<String> answer = send("get", read, token);
                if (answer.statusCode() == 200) {
                    state.put(role + " GET " + target, answer.body());
                }
            });
        });
        return state;
    }

    private HttpResponse<String> send(String method, Attempt attempt, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + attempt.target()))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        attempt.headers().forEach(request::header);
        if (attempt.body() == null) {
            request.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", attempt.contentType())
                    .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + attempt.target() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** What was sent, what was found, and each operation's answers by status. */
    public record Report(int sent, List<String> findings, Map<String, Map<Integer, Integer>> statuses) {
    }
}
