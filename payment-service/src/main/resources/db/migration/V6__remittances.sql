-- e-Collection: each order's collection account (a virtual account number), the remittances banks
-- report to those accounts, and the supplier's associations of remittances with orders (n:m, partial).
-- The checks are the last line of defence against over-association: the service locks rows and
-- checks first, the database refuses what slips through.
create sequence collection_account_seq;

create table collection_account (
    order_id            varchar(64)   primary key,
    account_number      varchar(40)   not null unique,
    supplier_id         varchar(100)  not null,
    buyer_id            varchar(100)  not null,
    buyer_name          varchar(300),
    currency            char(3)       not null,
    total               numeric(19,4) not null check (total > 0),
    -- the most that may be associated: the total plus the bank-fee tolerance
    association_cap     numeric(19,4) not null,
    associated          numeric(19,4) not null default 0,
    buyer_confirmed_at  timestamptz,
    closed_at           timestamptz,
    opened_at           timestamptz   not null,
    version             bigint        not null default 0,
    check (associated >= 0 and associated <= association_cap)
);
create index collection_account_supplier on collection_account (supplier_id);

create table remittance (
    id                  varchar(64)   primary key,
    bank_reference      varchar(100)  not null,
    reported_by         varchar(100)  not null,
    collection_account  varchar(40)   not null references collection_account (account_number),
    supplier_id         varchar(100)  not null,
    currency            char(3)       not null,
    -- what the buyer remitted; the banks' fees were deducted before it was credited (amount - bank_fees)
    amount              numeric(19,4) not null check (amount > 0),
    bank_fees           numeric(19,4) not null check (bank_fees >= 0 and bank_fees < amount),
    remitter_name       varchar(300)  not null,
    reference_text      varchar(500),
    value_date          date          not null,
    received_at         timestamptz   not null,
    associated          numeric(19,4) not null default 0,
    fees_allocated      numeric(19,4) not null default 0,
    version             bigint        not null default 0,
    check (associated >= 0 and associated <= amount),
    check (fees_allocated >= 0 and fees_allocated <= bank_fees)
);
create index remittance_supplier on remittance (supplier_id, received_at);
-- a bank's reference is unique for that bank (adapter), not across banks
create unique index remittance_bank_reference on remittance (reported_by, bank_reference);

create table remittance_association (
    id              varchar(64)   primary key,
    remittance_id   varchar(64)   not null references remittance (id),
    order_id        varchar(64)   not null references collection_account (order_id),
    amount          numeric(19,4) not null check (amount > 0),
    bank_fee_share  numeric(19,4) not null check (bank_fee_share >= 0 and bank_fee_share <= amount),
    associated_by   varchar(200)  not null,
    associated_at   timestamptz   not null
);
create index remittance_association_remittance on remittance_association (remittance_id);
create index remittance_association_order on remittance_association (order_id);

-- An order's funds become the supplier's (settled, withdrawable) when released: a Trade Assurance
-- order when it ships, an e-Collection order when covered and its buyer confirmed the payment details.
alter table order_funds add column kind varchar(30) not null default 'TRADE_ASSURANCE';
alter table order_funds add column released_at timestamptz;
update order_funds set released_at = shipped_at;
