-- The W3C traceparent of the transaction that recorded the event: the relay publishes it as a
-- header, so the consumers continue the trace of the request that caused the event.
alter table outbox_event add column trace_parent varchar(100);
