package org.tradeorders.deploy.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.infra.Processes;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * Nothing lost, nothing twice, under hard faults. Trade Assurance orders are driven through their
 * whole lifecycle by concurrent clients that retry with their Idempotency-Keys ({@link ChaosClient})
 * while each of the five services, the Kafka broker and PostgreSQL is killed with SIGKILL once, each
 * after visible progress, and started again the way the stack starts it. Then every order must be
 * COMPLETED with every effect exactly once. A drafting storm with order-service killed several times
 * must leave one order per key. Sized by {@code -Dchaos.orders} (50), {@code -Dchaos.clients} (8),
 * {@code -Dchaos.seed} (order of the faults), {@code -Dchaos.faults} (comma separated, all seven),
 * {@code -Dchaos.storm.drafts} (30) and {@code -Dchaos.storm.kills} (3); deploy/local/chaos.sh runs a
 * bigger one.
 */
class ChaosIT {
    static final String SUPPLIER = "SUP-1001";
    static final String BUYER = "BUY-2001";
    static final List<String> ALL_FAULTS = List.of("order-service", "payment-service", "credit-limit-service",
            "fulfillment-service", "review-service", "kafka", "postgres");
    static final BigDecimal ORDER_VALUE = new BigDecimal("100.00");

    static LocalStack stack;
    static Path data;
    static final ChaosClient client = new ChaosClient();

    static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    @BeforeAll
    static void start() throws Exception {
        data = EndToEndIT.freshDataDir("tradeorders-chaos-");
        stack = new LocalStack(StackOptions.ephemeral(EndToEndIT.repoRoot(), data)).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        EndToEndIT.keepLogs(data, Path.of("target", "chaos-logs"));
        Processes.deleteTree(data);
    }

    static String url(String service, String path) {
        return stack.service(service).baseUrl() + path;
    }

    static String token(String role, String company) {
        return stack.tokens().issue(role, company, Duration.ofHours(2));
    }

    /** A one-line Trade Assurance proforma invoice worth US$100, paid in full before production. */
    static ObjectNode draft() {
        ObjectNode d = ChaosClient.JSON.createObjectNode();
        d.put("buyerCompanyId", BUYER).put("buyerEmail", "purchasing@buyer.example").put("currency", "USD");
        d.putObject("buyerContact").put("companyName", "Nordlicht Handels GmbH").put("contactName", "Anna Berger")
                .put("phone", "+49 30 1234567");
        d.putObject("deliveryAddress").put("street", "Hafenstrasse 12").put("city", "Hamburg").put("zipCode", "20457")
                .put("country", "DE");
        d.put("incoterm", "FOB").put("transportMethod", "SEA_FREIGHT").put("shippingCost", "0").put("shipWithinDays", 30);
        d.putArray("lines").addObject().put("productName", "Cable").put("model", "C-2").put("unitPrice", "2.00")
                .put("quantity", 50);
        d.putArray("installments").addObject().put("name", "Full").put("percent", 100).put("due", "BEFORE_PRODUCTION");
        return d;
    }

    /** One order from draft to completion; returns its id. */
    static String lifecycle() {
        String supplier = token("supplier", SUPPLIER);
        String buyer = token("buyer", BUYER);
        String id = client.send("POST", url("order-service", "/orders"), supplier, draft(), 201, false).path("id").asText();
        client.send("POST", url("order-service", "/orders/" + id + "/submit"), supplier, null, 200, false);
        client.send("POST", url("order-service", "/orders/" + id + "/confirm"), buyer,
                ChaosClient.JSON.createObjectNode().put("version", 1), 200, false);
        JsonNode links = client.await(url("payment-service", "/orders/" + id + "/payment-links"), buyer,
                b -> b.path("items").size() == 1).path("items");
        client.send("POST", url("payment-service", "/payment-links/" + links.get(0).path("token").asText() + "/payments"),
                buyer, ChaosClient.JSON.createObjectNode().put("channel", "CARD"), 201, false);
        ObjectNode shipment = ChaosClient.JSON.createObjectNode().put("orderId", id).put("exportMode", "SELF_OPERATED")
                .put("carrier", "Maersk").put("trackingNumber", "MSKU7654321").put("customsDeclarationNumber", "CD-2026-1");
        shipment.putArray("lines").addObject().put("model", "C-2").put("quantity", 50);
        // fulfillment accepts the shipment once it has heard that the order is ready to ship
        client.send("POST", url("fulfillment-service", "/shipments"), supplier, shipment, 201, true);
        client.await(url("order-service", "/orders/" + id), buyer, b -> "SHIPPED".equals(b.path("state").asText()));
        client.send("POST", url("order-service", "/orders/" + id + "/confirm-receipt"), buyer, null, 200, false);
        return id;
    }

    /** A fault that happened: what was killed, and how long until clients made progress again. */
    record Kill(String part, Duration restart, Duration killToProgress) {
    }

    /** Kills one part with SIGKILL and starts it again as the stack does; returns when it is back. */
    static void killAndRestart(String part) {
        switch (part) {
            case "kafka" -> {
                stack.kafka().kill();
                stack.kafka().start();
            }
            case "postgres" -> stack.postgres().crashAndRestart(Duration.ofSeconds(2));
            default -> {
                LocalStack.Service s = stack.service(part);
                stack.kill(s);
                LocalStack.Service clock = stack.service(part.equals("order-service") ? "review-service" : "order-service");
                stack.restart(s, clock);
            }
        }
    }

    /** Kills and restarts one part; then waits for the clients' next completed step (they are still working). */
    static Kill fault(String part) {
        Instant killed = Instant.now();
        killAndRestart(part);
        Instant back = Instant.now();
        long before = client.steps();
        Instant deadline = back.plus(Duration.ofMinutes(3));
        while (client.steps() == before && Instant.now().isBefore(deadline)) {
            ChaosClient.sleep(50);
        }
        return new Kill(part, Duration.between(killed, back), Duration.between(killed, client.lastSuccess()));
    }

    /** Waits until {@code progressed} holds (visible progress) or the work is done. */
    static void awaitProgress(BooleanSupplier progressed, List<Future<?>> work) {
        while (!progressed.getAsBoolean() && !work.stream().allMatch(Future::isDone)) {
            ChaosClient.sleep(100);
        }
    }

    @Test
    void everyOrderCompletesWithEveryEffectExactlyOnceWhileEachPartIsKilledOnce() throws Exception {
        int orders = intProperty("chaos.orders", 50);
        int clients = intProperty("chaos.clients", 8);
        List<String> faults = new ArrayList<>(Arrays.asList(System.getProperty("chaos.faults", String.join(",", ALL_FAULTS))
                .split(",")));
        Collections.shuffle(faults, new Random(Long.getLong("chaos.seed", 42L)));

        // clients start orders until at least `orders` were started and every fault has happened, so each
        // fault meets orders in flight
        AtomicInteger started = new AtomicInteger();
        AtomicBoolean faulting = new AtomicBoolean(true);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        Instant begin = Instant.now();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                while (started.getAndIncrement() < orders || faulting.get()) {
                    ids.add(lifecycle());
                }
                return null;
            }));
        }
        long stepsPerFault = Math.max(1, (long) orders * 8 / (faults.size() + 1));
        List<Kill> kills = new ArrayList<>();
        try {
            for (int f = 0; f < faults.size(); f++) {
                long target = (f + 1) * stepsPerFault;
                awaitProgress(() -> client.steps() >= target, work);
                kills.add(fault(faults.get(f)));
            }
        } finally {
            faulting.set(false);
        }
        for (Future<?> w : work) {
            w.get(15, TimeUnit.MINUTES);
        }
        Duration took = Duration.between(begin, Instant.now());
        pool.shutdown();
        report(ids.size(), took, kills);

        assertThat(kills).extracting(Kill::part).containsExactlyInAnyOrderElementsOf(faults);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(orders);
        assertThat(Set.copyOf(ids)).hasSameSizeAs(ids);
        everyEffectOnce(ids);
        nothingDeadLetteredOrParked();
    }

    static void report(int orders, Duration took, List<Kill> kills) {
        System.out.printf("CHAOS: %d orders in %.1f s = %.2f orders/s under %d faults%n", orders, took.toMillis() / 1000.0,
                orders * 1000.0 / took.toMillis(), kills.size());
        kills.forEach(k -> System.out.printf("CHAOS: kill %-21s back in %5.1f s, clients progressing %5.1f s after the kill%n",
                k.part(), k.restart().toMillis() / 1000.0, k.killToProgress().toMillis() / 1000.0));
        Map<String, Long> errors = new TreeMap<>();
        client.errors().forEach((k, v) -> errors.put(k, v.sum()));
        System.out.println("CHAOS: client-visible errors by status: " + errors);
    }

    static void everyEffectOnce(List<String> ids) {
        String supplier = token("supplier", SUPPLIER);
        String operator = token("operator", "OPS-1");
        List<String> expectedEvents = List.of("OrderDrafted", "OrderSubmitted", "OrderConfirmed", "OrderAwaitingPayment",
                "OrderPaymentRecorded", "OrderProductionStarted", "OrderReadyToShip", "OrderShipped", "OrderCompleted");
        for (String id : ids) {
            JsonNode order = client.await(url("order-service", "/orders/" + id), supplier,
                    b -> "COMPLETED".equals(b.path("state").asText()));
            List<String> events = new ArrayList<>();
            order.path("events").forEach(e -> events.add(e.path("type").asText().replace("tradeorders.", "").replace(".v1", "")));
            assertThat(events).as(id).containsExactlyElementsOf(expectedEvents);
            JsonNode journal = client.await(url("payment-service", "/orders/" + id + "/journal"), supplier,
                    b -> b.path("items").size() >= 3).path("items");
            List<String> entries = new ArrayList<>();
            journal.forEach(e -> entries.add(e.path("type").asText()));
            assertThat(entries).as(id).containsExactly("BUYER_PAYMENT", "PAYMENT_ALLOCATED", "FUNDS_SETTLED");
        }
        // what every consumer did about the orders, once each (a redelivered event carries the same ce_id)
        String bootstrap = stack.kafka().bootstrapServers();
        Map<String, Set<String>> reactions = new ConcurrentHashMap<>();
        for (String topic : List.of("credit-limit-events", "payment-events", "fulfillment-events", "review-events")) {
            for (ConsumerRecord<String, String> r : TopicProbe.readAll(bootstrap, topic)) {
                if (ids.contains(r.key())) {
                    reactions.computeIfAbsent(r.key() + " " + TopicProbe.header(r, "ce_type"), k -> ConcurrentHashMap.newKeySet())
                            .add(TopicProbe.header(r, "ce_id"));
                }
            }
        }
        for (String id : ids) {
            for (String type : List.of("CreditReserved", "CreditReleased", "PaymentLinkIssued", "PaymentReceived",
                    "FundsSettled", "ShipmentSubmitted", "ReviewWindowOpened")) {
                String key = id + " tradeorders." + type + ".v1";
                assertThat(reactions.getOrDefault(key, Set.of())).as(key).hasSize(1);
            }
        }
        // credit reserved and released once per order, volume counted once, money settled once
        String volume = ORDER_VALUE.multiply(BigDecimal.valueOf(ids.size())).setScale(2).toPlainString();
        given().auth().oauth2(supplier).get(url("credit-limit-service", "/credit-lines/" + SUPPLIER)).then().statusCode(200)
                .body("reserved.amount", equalTo("0.00")).body("completedVolume.amount", equalTo(volume));
        String available = new BigDecimal("98.00").multiply(BigDecimal.valueOf(ids.size())).setScale(2).toPlainString();
        given().auth().oauth2(supplier).get(url("payment-service", "/suppliers/" + SUPPLIER + "/balances")).then()
                .statusCode(200).body("byCurrency.USD.available.amount", equalTo(available))
                .body("byCurrency.USD.pending.amount", equalTo("0.00"));
        given().auth().oauth2(operator).get(url("payment-service", "/ops/ledger/check")).then().statusCode(200)
                .body("problems", hasSize(0)).body("balanced", equalTo(true));
    }

    static void nothingDeadLetteredOrParked() {
        String operator = token("operator", "OPS-1");
        for (LocalStack.Service s : stack.services()) {
            given().auth().oauth2(operator).get(s.baseUrl() + "/ops/consumers/dead-letters").then().statusCode(200)
                    .body("items", hasSize(0));
            given().auth().oauth2(operator).get(s.baseUrl() + "/ops/consumers/parked").then().statusCode(200)
                    .body("items", hasSize(0));
        }
    }

    @Test
    void aDraftingStormWithOrderServiceKillsCreatesOneOrderPerKey() throws Exception {
        int drafts = intProperty("chaos.storm.drafts", 30);
        int kills = intProperty("chaos.storm.kills", 3);
        String company = "SUP-STORM-" + System.nanoTime();
        String supplier = token("supplier", company);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> work = new ArrayList<>();
        ChaosClient storm = new ChaosClient();
        for (int i = 0; i < drafts; i++) {
            work.add(pool.submit(() -> storm.send("POST", url("order-service", "/orders"), supplier, draft(), 201, false)
                    .path("id").asText()));
        }
        List<Future<?>> all = new ArrayList<>(work);
        for (int k = 0; k < kills; k++) {
            long target = (long) (k + 1) * drafts / (kills + 2);
            awaitProgress(() -> storm.steps() >= target, all);
            killAndRestart("order-service");
        }
        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (Future<String> w : work) {
            ids.add(w.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        System.out.println("CHAOS: drafting storm: " + drafts + " keys, " + kills + " kills of order-service, errors "
                + storm.errors().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum())));
        assertThat(ids).as("one order per key").hasSize(drafts);
        JsonNode page = client.await(url("order-service", "/orders?size=100"), supplier, b -> true);
        List<String> listed = new ArrayList<>();
        ((ArrayNode) page.path("items")).forEach(o -> listed.add(o.path("id").asText()));
        assertThat(page.path("total").asInt()).as("no key created two orders").isEqualTo(drafts);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
    }
}
