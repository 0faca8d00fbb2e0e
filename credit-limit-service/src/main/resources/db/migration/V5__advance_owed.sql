-- Advance compensation a supplier owes the platform (payment-service's AdvanceCompensationPaid and
-- AdvanceRecovered, keyed by supplier, so in order): per currency as last reported, and in USD on its
-- credit line, where it reduces the available credit until recovered.
create table advance_owed (
    supplier_id  varchar(100)  not null,
    currency     char(3)       not null,
    owed         numeric(19,4) not null check (owed >= 0),
    owed_usd     numeric(19,2) not null check (owed_usd >= 0),
    updated_at   timestamptz   not null,
    primary key (supplier_id, currency)
);
alter table credit_line add column advance_owed_usd numeric(19,2) not null default 0;
