-- Deadlines (timeouts, reminders): persisted, so they survive restarts; claimed with
-- FOR UPDATE SKIP LOCKED, so each fires exactly once even with several instances.
create table deadline (
    id            bigserial    primary key,
    aggregate_id  varchar(100) not null,
    kind          varchar(100) not null,
    due_at        timestamptz  not null,
    status        varchar(20)  not null,
    attempts      int          not null default 0,
    scheduled_at  timestamptz  not null,
    closed_at     timestamptz
);
create unique index deadline_one_pending on deadline (aggregate_id, kind) where status = 'PENDING';
create index deadline_due on deadline (due_at) where status = 'PENDING';
