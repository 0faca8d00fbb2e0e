-- Every event about an order from any service (other services' events as received), for its timeline.
create table order_timeline (
    event_id     varchar(100) primary key,
    order_id     varchar(64)  not null,
    event_type   varchar(200) not null,
    source       varchar(200) not null,
    actor        varchar(40)  not null,
    occurred_at  timestamptz  not null,
    recorded_at  timestamptz  not null,
    data         jsonb        not null
);
create index order_timeline_by_order on order_timeline (order_id, occurred_at);
