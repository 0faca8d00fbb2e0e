package org.tradeorders.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts a CloudEvent on a topic as another service would, e.g. to deliver the same event twice. */
public final class TestEvents {
    private TestEvents() {
    }

    public static void publish(String topic, String id, String type, String source, String subject, String json) {
        publish(topic, id, type, source, subject, json, Map.of());
    }

    /** The same, with more headers (a traceparent, say). */
    public static void publish(String topic, String id, String type, String source, String subject, String json,
            Map<String, String> headers) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> r = record(topic, id, type, source, subject, json);
            headers.forEach((k, v) -> header(r, k, v));
            p.send(r).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the records in one produce request, so that they reach the broker together and a consumer
     * fetches them in one poll (one batch of the inbox).
     */
    public static void publishTogether(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1000), new StringSerializer(),
                new StringSerializer())) {
            records.forEach(p::send);
            p.flush();
        }
    }

    /** The Kafka record of a CloudEvent in binary mode (key = subject), for a caller with its own producer. */
    public static ProducerRecord<String, String> record(String topic, String id, String type, String source, String subject,
            String json) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, subject, json);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", id);
        header(r, "ce_type", type);
        header(r, "ce_source", source);
        header(r, "ce_subject", subject);
        header(r, "ce_time", Instant.now().toString());
        header(r, "content-type", "application/json");
        EventContracts.dataSchemaOf(type).ifPresent(uri -> header(r, "ce_dataschema", uri)); // as the relay does
        return r;
    }

    private static void header(ProducerRecord<String, String> r, String k, String v) {
        r.headers().add(k, v.getBytes(StandardCharsets.UTF_8));
    }
}
