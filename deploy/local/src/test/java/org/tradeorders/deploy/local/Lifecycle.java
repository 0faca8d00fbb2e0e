package org.tradeorders.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Trade Assurance order from draft to COMPLETED through the services' APIs, as the benchmark's
 * clients drive it: draft, submit, confirm, read the payment link, pay, wait until the order is ready to
 * ship, ship, wait for SHIPPED, confirm receipt. A read that waits for the pipeline asks the service to
 * hold it until the answer changes ({@code Prefer: wait} with the ETag it holds), as a frontend would; a
 * shipment refused all the same (not ready to ship) is retried every {@link #POLL} (50 ms).
 */
final class Lifecycle {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration POLL = Duration.ofMillis(Integer.getInteger("benchmark.poll-ms", 50));
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);
    /** Seconds a read asks to be held while its answer is the one the client holds. */
    static final int WAIT_S = 10;

    private final LocalStack stack;
    private final String supplier;
    private final String buyer;
    /** Calls that found the pipeline not there yet (a poll, a shipment refused as not ready to ship): each costs a commit. */
    private final AtomicLong waits = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    Lifecycle(LocalStack stack) {
        this.stack = stack;
        this.supplier = stack.tokens().issue("supplier", ChaosIT.SUPPLIER, Duration.ofHours(3));
        this.buyer = stack.tokens().issue("buyer", ChaosIT.BUYER, Duration.ofHours(3));
    }

    /** The draft the benchmark posts: ChaosIT's one-line US$100 order, paid in full before production. */
    static ObjectNode draft() {
        return ChaosIT.draft();
    }

    /** Drafts one order (the draft API's call). */
    boolean draftOnce() throws Exception {
        return post("order-service", "/orders", supplier, draft()).statusCode() == 201;
    }

    /** One whole lifecycle; throws if a step does not succeed within its timeout. */
    void run() throws Exception {
        String id = JSON.readTree(expect(post("order-service", "/orders", supplier, draft()), 201)).path("id").asText();
        expect(post("order-service", "/orders/" + id + "/submit", supplier, null), 200);
        expect(post("order-service", "/orders/" + id + "/confirm", buyer, JSON.createObjectNode().put("version", 1)), 200);
        JsonNode links = await("payment-service", "/orders/" + id + "/payment-links", buyer, b -> b.path("items").size() == 1);
        String token = links.path("items").get(0).path("token").asText();
        expect(post("payment-service", "/payment-links/" + token + "/payments", buyer,
                JSON.createObjectNode().put("channel", "CARD")), 201);
        // the supplier ships once fulfillment-service has heard the order is ready to ship, waiting for it
        await("fulfillment-service", "/shippable-orders/" + id, supplier, b -> true);
        ObjectNode shipment = JSON.createObjectNode().put("orderId", id).put("exportMode", "SELF_OPERATED")
                .put("carrier", "Maersk").put("trackingNumber", "MSKU7654321").put("customsDeclarationNumber", "CD-2026-1");
        shipment.putArray("lines").addObject().put("model", "C-2").put("quantity", 50);
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (post("fulfillment-service", "/shipments", supplier, shipment).statusCode() != 201) {
            waits.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("order " + id + " never became ready to ship");
            }
            Thread.sleep(POLL.toMillis());
        }
        await("order-service", "/orders/" + id, buyer, b -> "SHIPPED".equals(b.path("state").asText()));
        expect(post("order-service", "/orders/" + id + "/confirm-receipt", buyer, null), 200);
    }

    /** Calls so far that found the pipeline not there yet. */
    long waits() {
        return waits.get();
    }

    private interface Ready {
        boolean test(JsonNode body);
    }

    /** Reads until the answer is ready, each read held by the service until the answer differs from the last one. */
    private JsonNode await(String service, String path, String token, Ready ready) throws Exception {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        String held = null;
        while (true) {
            HttpRequest.Builder read = request(service, path, token).header("Prefer", "wait=" + WAIT_S);
            if (held != null) {
                read.header("If-None-Match", held);
            }
            HttpResponse<String> r = http.send(read.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonNode body = JSON.readTree(r.body());
                if (ready.test(body)) {
                    return body;
                }
                held = r.headers().firstValue("ETag").orElse(null);
            } else if (r.statusCode() != 304 && r.statusCode() != 404 && r.statusCode() != 503) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            waits.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + path + " not ready: " + r.statusCode() + " " + r.body());
            }
            if (r.headers().firstValue("Preference-Applied").isEmpty()) {
                Thread.sleep(POLL.toMillis()); // answered without waiting (busy, or its waiting slots taken): poll
            }
        }
    }

    private HttpResponse<String> post(String service, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = request(service, path, token).header("Idempotency-Key", UUID.randomUUID().toString());
        b = body == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String service, String path, String token) {
        return HttpRequest.newBuilder(URI.create(stack.service(service).baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private static String expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
