package org.tradeorders.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.tradeorders.platform.events.CloudEvents;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.tracing.TraceContext;

/** An outbox row as the Kafka record the relay sends: CloudEvents binary mode, key = aggregate id. */
final class EventRecords {
    private EventRecords() {
    }

    /**
     * @param headers JSON object of headers that replace the CloudEvents ones (a dead letter keeps the
     *     original event's ce_id, ce_source, ... and adds the consumer's), or null
     */
    static ProducerRecord<String, String> of(Handoffs.Event e, String source, String headers, ObjectMapper json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(e.topic(), e.aggregateId(), e.payload());
        header(record, CloudEvents.SPECVERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.ID, e.eventId());
        header(record, CloudEvents.TYPE, e.type());
        header(record, CloudEvents.SOURCE, source);
        header(record, CloudEvents.SUBJECT, e.aggregateId());
        header(record, CloudEvents.TIME, DateTimeFormatter.ISO_INSTANT.format(e.occurredAt()));
        header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
        if (EventType.isType(e.type())) {
            header(record, CloudEvents.DATASCHEMA, EventType.parse(e.type()).dataSchema());
        }
        header(record, TraceContext.TRACEPARENT, e.traceParent());
        if (headers != null) {
            try {
                json.readTree(headers).fields().forEachRemaining(h -> {
                    record.headers().remove(h.getKey());
                    header(record, h.getKey(), h.getValue().asText());
                });
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("outbox row with unreadable headers", ex);
            }
        }
        return record;
    }

    /** The instant as the outbox column keeps it (microseconds), so both paths send the same ce_time. */
    static Instant asStored(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        if (value != null) {
            r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
