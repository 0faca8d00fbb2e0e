package org.tradeorders.platform.inbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;
import org.tradeorders.platform.events.CloudEvents;
import org.tradeorders.platform.events.IncomingEvent;
import org.tradeorders.platform.tracing.TraceContext;

/**
 * The span an event is processed in. It continues the trace the event's traceparent names, so what the
 * event causes joins the same trace; log lines written meanwhile name the aggregate and the trace.
 */
@ApplicationScoped
class EventSpans {
    /** The MDC key of the aggregate (order, supplier) a log line is about. */
    static final String AGGREGATE_ID = "aggregateId";

    @Inject
    Tracer tracer;

    void traced(ConsumerRecord<String, String> record, Runnable work) {
        String type = IncomingEvent.header(record, CloudEvents.TYPE);
        String subject = IncomingEvent.subjectOf(record);
        Span span = tracer.spanBuilder(record.topic() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.fromTraceparent(IncomingEvent.header(record, TraceContext.TRACEPARENT)))
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.message.id", String.valueOf(IncomingEvent.header(record, CloudEvents.ID)))
                .setAttribute("tradeorders.event.type", String.valueOf(type))
                .setAttribute("tradeorders.aggregate.id", subject).startSpan();
        MDC.put(AGGREGATE_ID, subject);
        MDC.put("traceId", span.getSpanContext().getTraceId());
        MDC.put("spanId", span.getSpanContext().getSpanId());
        try (Scope scope = span.makeCurrent()) {
            work.run();
        } finally {
            MDC.remove(AGGREGATE_ID);
            MDC.remove("traceId");
            MDC.remove("spanId");
            span.end();
        }
    }
}
