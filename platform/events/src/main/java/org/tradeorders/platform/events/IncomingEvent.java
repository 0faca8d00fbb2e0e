package org.tradeorders.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A CloudEvent read from Kafka (binary mode): attributes from ce_* headers, data from the value. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, JsonNode data,
        ObjectMapper mapper) {

    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        String id = header(record, CloudEvents.ID);
        String type = header(record, CloudEvents.TYPE);
        if (id == null || type == null) {
            throw new IllegalArgumentException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: ce_id or ce_type missing");
        }
        String time = header(record, CloudEvents.TIME);
        try {
            return new IncomingEvent(id, type, header(record, CloudEvents.SOURCE), header(record, CloudEvents.SUBJECT),
                    time == null ? null : Instant.parse(time), mapper.readTree(record.value()), mapper);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + id + " has no JSON data", e);
        }
    }

    public boolean is(EventType eventType) {
        return eventType.type().equals(type);
    }

    /**
     * The data as {@code type}, ignoring fields it does not know: a published event version grows by
     * optional fields, so a consumer reads tolerantly what requests are refused for.
     */
    public <T> T dataAs(Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("event " + id + " of type " + this.type + " does not match " + type.getSimpleName(), e);
        }
    }

    /** The aggregate a record belongs to: its ce_subject, else its Kafka key. */
    public static String subjectOf(ConsumerRecord<String, String> record) {
        String subject = header(record, CloudEvents.SUBJECT);
        return subject != null ? subject : record.key() != null ? record.key() : "(none)";
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
