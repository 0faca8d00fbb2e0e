-- Shared by every service (Flyway location db/platform). Versions below 1 run before the service's own.

-- Transactional outbox: written in the same transaction as the state change it reports.
create table outbox_event (
    seq           bigserial    primary key,
    event_id      uuid         not null unique,
    event_type    varchar(200) not null,
    aggregate_id  varchar(100) not null,
    topic         varchar(200) not null,
    payload       jsonb        not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_by_aggregate on outbox_event (aggregate_id, seq);

-- Inbox: one row per event a consumer has applied, written in the transaction that applies it.
create table processed_event (
    consumer      varchar(100) not null,
    event_id      varchar(100) not null,
    event_type    varchar(200) not null,
    subject       varchar(100),
    processed_at  timestamptz  not null,
    primary key (consumer, event_id)
);
