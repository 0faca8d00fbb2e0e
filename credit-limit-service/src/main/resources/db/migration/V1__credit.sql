create table credit_line (
    supplier_id           varchar(100)  primary key,
    limit_usd             numeric(19,2) not null check (limit_usd >= 0),
    reserved_usd          numeric(19,2) not null default 0 check (reserved_usd >= 0),
    completed_volume_usd  numeric(19,2) not null default 0,
    activated_at          timestamptz   not null,
    updated_at            timestamptz   not null
);

create table credit_reservation (
    order_id        varchar(64)   primary key,
    supplier_id     varchar(100)  not null,
    amount_usd      numeric(19,2) not null check (amount_usd > 0),
    order_amount    numeric(19,4) not null,
    order_currency  char(3)       not null,
    usd_rate        numeric(19,8) not null,
    status          varchar(20)   not null,
    updated_at      timestamptz   not null
);
create index credit_reservation_supplier on credit_reservation (supplier_id, status);

-- every limit change with its reason (activation, operator, monthly growth later)
create table credit_limit_change (
    id           bigserial     primary key,
    supplier_id  varchar(100)  not null references credit_line (supplier_id),
    old_limit    numeric(19,2),
    new_limit    numeric(19,2) not null,
    reason       varchar(200)  not null,
    changed_at   timestamptz   not null
);
