-- E-mails are written in the transaction of the change they report and sent by a relay with
-- retries: an accepted change never loses its notification.
create table mail_outbox (
    id               bigserial     primary key,
    aggregate_id     varchar(100)  not null,
    recipient        varchar(320)  not null,
    subject          varchar(500)  not null,
    body             text          not null,
    created_at       timestamptz   not null,
    next_attempt_at  timestamptz   not null,
    attempts         int           not null default 0,
    last_error       varchar(1000),
    sent_at          timestamptz
);
create index mail_outbox_unsent on mail_outbox (next_attempt_at) where sent_at is null;
