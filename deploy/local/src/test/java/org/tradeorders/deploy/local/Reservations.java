package org.tradeorders.deploy.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.tradeorders.platform.testing.TestEvents;
import org.tradeorders.platform.testing.TopicProbe;

/**
 * Reservations per second on one hot supplier, through the whole pipeline as it runs in the local
 * stack: OrderConfirmed events are published as order-service would, credit-limit-service reserves
 * each (inbox, conditional update of the one credit line row, outbox) and publishes CreditReserved.
 * Part of {@link PipelineBenchmark}.
 */
final class Reservations {
    static final String SUPPLIER = "SUP-BENCH";

    private Reservations() {
    }

    /** Opens the hot supplier's line, large enough for any run. */
    static void openLine(LocalStack stack) throws Exception {
        String credit = stack.service("credit-limit-service").baseUrl();
        String operator = stack.tokens().issue("operator", "OPS-1", Duration.ofHours(1));
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(credit
                + "/credit-lines/" + SUPPLIER)).header("Authorization", "Bearer " + operator)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"limitUsd\":\"1000000\",\"reason\":\"BENCHMARK\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("the benchmark's credit line was not opened: " + put.statusCode() + " " + put.body());
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
