-- Poison events: the first event of an aggregate that a consumer could not apply (its dead letter)
-- parks the aggregate; later events for it are held here, in arrival order, until an operator redrives.
create table parked_aggregate (
    consumer      varchar(100)  not null,
    subject       varchar(200)  not null,
    parked_at     timestamptz   not null,
    reason        text          not null,
    primary key (consumer, subject)
);

create table parked_event (
    seq           bigserial     primary key,
    consumer      varchar(100)  not null,
    subject       varchar(200)  not null,
    dead_letter   boolean       not null,   -- the event that failed; the others are held behind it
    event_id      varchar(200),
    event_type    varchar(200),
    topic         varchar(249)  not null,
    kafka_partition int         not null,
    kafka_offset  bigint        not null,
    record_key    text,
    headers       jsonb         not null,
    record_value  text,
    error         text,
    attempts      int           not null,
    received_at   timestamptz   not null,
    foreign key (consumer, subject) references parked_aggregate (consumer, subject)
);
create index parked_event_by_aggregate on parked_event (consumer, subject, seq);

-- Extra Kafka headers of an outbox row (a dead letter's), and a value to publish verbatim (a dead
-- letter whose value was not JSON).
alter table outbox_event add column headers jsonb;
alter table outbox_event add column raw_payload text;

-- Retention: published rows and processed-event records are purged oldest first.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index processed_event_by_time on processed_event (processed_at);
