-- credit-limit-service's copy of the FX rates payment-service records (FxRateRecorded): the USD
-- value of an order is computed from the newest recorded rate, and the reservation keeps it.
create table usd_rate (
    currency    char(3)        primary key,
    rate        numeric(24,10) not null check (rate > 0),
    rate_id     varchar(64),
    source      varchar(200)   not null,
    valid_from  timestamptz    not null
);
alter table credit_reservation add column usd_rate_source varchar(200);
alter table credit_reservation add column usd_rate_valid_from timestamptz;
alter table credit_reservation alter column usd_rate type numeric(24,10);
