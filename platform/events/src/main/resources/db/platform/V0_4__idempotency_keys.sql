-- Idempotency-Key: the first answer to (caller, key) is kept and replayed for a retry with the same
-- request; a different request under the same key is refused.
create table idempotency_key (
    caller        varchar(200)  not null,
    idem_key      varchar(200)  not null,
    request_hash  char(64)      not null,
    state         varchar(12)   not null,   -- IN_FLIGHT, DONE
    status        int,
    content_type  varchar(200),
    location      varchar(1000),
    body          text,
    created_at    timestamptz   not null,
    lease_until   timestamptz   not null,
    primary key (caller, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);
