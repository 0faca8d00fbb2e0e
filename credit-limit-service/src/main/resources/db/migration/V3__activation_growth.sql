-- Activation facts (from which the rule table gives the initial limit), the base limit that growth
-- builds on, penalty points, and each order's completed value with its date (for the 180-day volume).
alter table credit_line add column verification_level varchar(30);
alter table credit_line add column years_in_business int;
alter table credit_line add column registered_capital_usd numeric(19,2);
alter table credit_line add column base_limit_usd numeric(19,2);
alter table credit_line add column penalty_points int not null default 0;
update credit_line set base_limit_usd = limit_usd;
alter table credit_line alter column base_limit_usd set not null;

create table trade_volume (
    order_id      varchar(64)   primary key,
    supplier_id   varchar(100)  not null,
    order_kind    varchar(30)   not null,
    amount_usd    numeric(19,2) not null check (amount_usd >= 0),
    completed_at  timestamptz   not null
);
create index trade_volume_by_supplier on trade_volume (supplier_id, completed_at);

create table penalty (
    id           bigserial     primary key,
    supplier_id  varchar(100)  not null references credit_line (supplier_id),
    points       int           not null check (points > 0),
    reason       varchar(300)  not null,
    recorded_by  varchar(100)  not null,
    recorded_at  timestamptz   not null
);
