package org.tradeorders.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.infra.Processes;
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * Reservations per second on one hot supplier, through the whole pipeline as it runs in the local
 * stack: OrderConfirmed events are published as order-service would, credit-limit-service reserves
 * each (inbox, conditional update of the one credit line row, outbox) and publishes CreditReserved.
 * Run by deploy/local/benchmark.sh only; it asserts that every order got an answer, never a time.
 */
class ReservationBenchmark {
    static final String SUPPLIER = "SUP-BENCH";

    @Test
    void reservationsPerSecondOnOneHotSupplier() throws Exception {
        int n = Integer.getInteger("benchmark.reservations", 3000);
        int warmUp = Math.min(500, n / 5);
        Path repo = Path.of(System.getProperty("tradeorders.repo.root", "../..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("tradeorders-bench-");
        data.toFile().setReadable(true, false);
        data.toFile().setExecutable(true, false);
        try (LocalStack stack = new LocalStack(StackOptions.ephemeral(repo, data)).start()) {
            String credit = stack.service("credit-limit-service").baseUrl();
            String operator = stack.tokens().issue("operator", "OPS-1", Duration.ofHours(1));
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(credit
                    + "/credit-lines/" + SUPPLIER)).header("Authorization", "Bearer " + operator)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"limitUsd\":\"900000000\",\"reason\":\"BENCHMARK\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(200);
            String bootstrap = stack.kafka().bootstrapServers();

            run(bootstrap, warmUp); // JIT, connection pools, consumer assignment
            Measured m = run(bootstrap, n);
            String report = """
                    benchmark: credit reservations on one hot supplier, end to end through Kafka and PostgreSQL
                    machine:   %d cores (%s), %s %s, JVM %s; services -Xmx256m, serial GC, C1 (as run.sh)
                    method:    %d OrderConfirmed events (after %d to warm up) published at once for one supplier,
                               timed from the first send to the last CreditReserved read back
                      reservations:  %d in %.2f s
                      throughput:    %.0f reservations/s
                    """.formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                    System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                    n, warmUp, m.reserved(), m.seconds(), m.reserved() / m.seconds());
            System.out.print(report);
            Files.writeString(repo.resolve("deploy/local/target/benchmark-report.txt"), report);
            assertThat(m.reserved()).isEqualTo(n);
        } finally {
            Processes.deleteTree(data);
        }
    }

    record Measured(int reserved, double seconds) {
    }

    static Measured run(String bootstrap, int n) {
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        c.put("enable.auto.commit", "false");
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("linger.ms", "5");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
                KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor("credit-limit-events").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Set<String> pending = new HashSet<>();
            Instant start = Instant.now();
            for (int i = 0; i < n; i++) {
                String order = UUID.randomUUID().toString();
                pending.add(order);
                ProducerRecord<String, String> r = TestEvents.record("order-events", UUID.randomUUID().toString(),
                        "tradeorders.OrderConfirmed.v1", "/order-service", order, """
                        {"orderId":"%s","supplierId":"%s","buyerId":"BUY-BENCH","confirmedBy":"BUYER",
                         "total":{"amount":"100.00","currency":"USD"},"version":1}""".formatted(order, SUPPLIER));
                producer.send(r);
            }
            producer.flush();
            int reserved = 0;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if ("tradeorders.CreditReserved.v1".equals(TopicProbe.header(r, "ce_type")) && pending.remove(r.key())) {
                        reserved++;
                    }
                }
            }
            return new Measured(reserved, Duration.between(start, Instant.now()).toMillis() / 1000.0);
        }
    }
}
