package org.tradeorders.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning, as a partner system subscribing to it would. */
public final class TopicProbe {
    private TopicProbe() {
    }

    /** Every record on the topic now. */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(SharedInfra.get().kafka().bootstrapServers(), topic);
    }

    /** Waits until a record matching {@code match} is on the topic. */
    public static ConsumerRecord<String, String> await(String bootstrap, String topic, Duration timeout,
            Predicate<ConsumerRecord<String, String>> match) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            for (ConsumerRecord<String, String> r : readAll(bootstrap, topic)) {
                if (match.test(r)) {
                    return r;
                }
            }
            sleep(300);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no matching event on " + topic + " within " + timeout);
    }

    public static ConsumerRecord<String, String> await(String topic, String type, String subject) {
        return await(SharedInfra.get().kafka().bootstrapServers(), topic, Duration.ofSeconds(30),
                r -> type.equals(header(r, "ce_type")) && subject.equals(header(r, "ce_subject")));
    }

    /** The event's data as JSON. */
    public static JsonNode data(ConsumerRecord<String, String> r) {
        try {
            return new ObjectMapper().readTree(r.value());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.value(), e);
        }
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
