package org.tradeorders.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * A client as a careful partner writes one: every mutating call carries an Idempotency-Key and is
 * retried with the same key while the answer is a 5xx, a 409 "in flight" or no answer at all; a
 * business refusal (4xx: nothing was done) is retried later under a new key, for steps that wait for
 * another service. It counts every answer that was not the one wanted, by status.
 */
final class ChaosClient {
    static final ObjectMapper JSON = new ObjectMapper();
    /** How long one step may take while parts are down and restarting. */
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(4);

    record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder steps = new LongAdder();
    private volatile Instant lastSuccess = Instant.now();

    /** Client-visible errors: "connection" or the status code, with how often each was seen. */
    Map<String, LongAdder> errors() {
        return errors;
    }

    long steps() {
        return steps.sum();
    }

    Instant lastSuccess() {
        return lastSuccess;
    }

    /**
     * A mutating call retried with one key until it is answered with {@code expected}; a 4xx other
     * than 409-in-flight gets a new key after a pause if {@code waitsForAnotherService}.
     */
    JsonNode send(String method, String url, String token, Object body, int expected, boolean waitsForAnotherService) {
        String key = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        long pause = 100;
        while (true) {
            Answer a = call(method, url, token, key, body);
            if (a != null && a.status() == expected) {
                succeeded();
                return a.body();
            }
            if (a != null && a.status() < 500 && !inFlight(a)) {
                if (!waitsForAnotherService) {
                    throw new AssertionError(method + " " + url + " answered " + a.status() + ": " + a.body());
                }
                key = UUID.randomUUID().toString(); // refused: nothing was done, ask again later
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(method + " " + url + " not answered " + expected + " within " + STEP_TIMEOUT
                        + "; last answer " + (a == null ? "none" : a.status() + " " + a.body()));
            }
            sleep(pause);
            pause = Math.min(2_000, pause * 2);
        }
    }

    /** Polls a GET until {@code ready} holds for its body. */
    JsonNode await(String url, String token, Predicate<JsonNode> ready) {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (true) {
            Answer a = call("GET", url, token, null, null);
            if (a != null && a.status() == 200 && ready.test(a.body())) {
                succeeded();
                return a.body();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("GET " + url + " not ready within " + STEP_TIMEOUT + "; last answer "
                        + (a == null ? "none" : a.status() + " " + a.body()));
            }
            sleep(300);
        }
    }

    /** One request; null when there was no answer (connection refused or broken, timed out). */
    Answer call(String method, String url, String token, String key, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (key != null) {
                b.header("Idempotency-Key", key);
            }
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            if (r.statusCode() >= 400) {
                errors.computeIfAbsent(Integer.toString(r.statusCode()), s -> new LongAdder()).increment();
            }
            return new Answer(r.statusCode(), json);
        } catch (IOException e) {
            errors.computeIfAbsent("connection", s -> new LongAdder()).increment();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean inFlight(Answer a) {
        return a.status() == 409 && a.body().path("type").asText().endsWith("idempotency-key-in-flight");
    }

    private void succeeded() {
        steps.increment();
        lastSuccess = Instant.now();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
