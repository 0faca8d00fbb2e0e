-- The books: double-entry, append-only. Postings are signed (debit > 0, credit < 0) and every entry's
-- postings sum to zero per currency. An account's balance is kept in its normal direction (debits for
-- assets, credits for liabilities and revenue) and updated in the entry's transaction.
create table ledger_account (
    id          varchar(250)  primary key,
    kind        varchar(30)   not null,
    owner_id    varchar(100),
    currency    char(3)       not null,
    balance     numeric(19,4) not null default 0,
    created_at  timestamptz   not null,
    -- the last line of defence: what the platform owes a supplier or buyer never goes below zero
    constraint ledger_account_no_overdraft check (
        kind not in ('SUPPLIER_PENDING', 'SUPPLIER_AVAILABLE', 'BUYER_CREDIT') or balance >= 0)
);

create table journal_entry (
    id           varchar(64)   primary key,
    -- the order entries were written in (several share a timestamp)
    seq          bigint        generated always as identity unique,
    type         varchar(40)   not null,
    -- what caused it (e.g. payment:<id>): the same cause never posts twice
    reference    varchar(200)  not null unique,
    order_id     varchar(64),
    supplier_id  varchar(100),
    description  varchar(500)  not null,
    occurred_at  timestamptz   not null
);
create index journal_entry_by_order on journal_entry (order_id, seq);

create table journal_posting (
    entry_id    varchar(64)   not null references journal_entry (id),
    line_no     int           not null,
    account_id  varchar(250)  not null references ledger_account (id),
    currency    char(3)       not null,
    amount      numeric(19,4) not null check (amount <> 0),
    primary key (entry_id, line_no)
);
create index journal_posting_by_account on journal_posting (account_id);

create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the journal is append-only: post a correcting entry instead';
end $$;
create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function ledger_append_only();
create trigger journal_posting_append_only before update or delete on journal_posting
    for each row execute function ledger_append_only();

-- What payment-service knows of an order's money: from OrderAwaitingPayment, and OrderShipped.
create table order_funds (
    order_id     varchar(64)   primary key,
    supplier_id  varchar(100)  not null,
    buyer_id     varchar(100)  not null,
    currency     char(3)       not null,
    total        numeric(19,4) not null,
    -- Trade Assurance: received funds become the supplier's (available) when the goods ship
    shipped_at   timestamptz,
    -- allocated to the supplier (pending, order currency), and of that, settled to available
    received     numeric(19,4) not null default 0,
    settled      numeric(19,4) not null default 0,
    -- the supplier's settlement currency at the first settlement, and the service fee charged in it
    settlement_currency char(3),
    service_fee  numeric(19,4) not null default 0,
    version      bigint        not null default 0
);

-- FX rates as operators set them; the newest valid_from is current, older rows are the history.
create table fx_rate (
    id          varchar(64)    primary key,
    base        char(3)        not null,
    quote       char(3)        not null,
    rate        numeric(24,10) not null check (rate > 0),
    source      varchar(200)   not null,
    valid_from  timestamptz    not null,
    recorded_by varchar(200)   not null,
    recorded_at timestamptz    not null
);
create index fx_rate_current on fx_rate (base, quote, valid_from desc);

-- Every conversion, with the rate used, where it came from and when.
create table fx_conversion (
    id             varchar(64)    primary key,
    purpose        varchar(60)    not null,
    reference      varchar(200)   not null,
    from_amount    numeric(19,4)  not null,
    from_currency  char(3)        not null,
    to_amount      numeric(19,4)  not null,
    to_currency    char(3)        not null,
    rate           numeric(24,10) not null,
    rate_id        varchar(64)    references fx_rate (id),
    rate_source    varchar(200)   not null,
    rate_valid_from timestamptz   not null,
    converted_at   timestamptz    not null
);

-- A supplier's settlement currency (its available balance and withdrawals), when not the default.
create table supplier_settings (
    supplier_id          varchar(100) primary key,
    settlement_currency  char(3)      not null,
    updated_at           timestamptz  not null
);

create table withdrawal (
    id            varchar(64)   primary key,
    supplier_id   varchar(100)  not null,
    amount        numeric(19,4) not null check (amount > 0),
    currency      char(3)       not null,
    bank_account  varchar(100)  not null,
    status        varchar(20)   not null,
    requested_at  timestamptz   not null,
    paid_at       timestamptz
);
create index withdrawal_by_supplier on withdrawal (supplier_id, requested_at);

alter table payment add column surcharge numeric(19,4) not null default 0;

-- Payments may be partial or too much: what was collected, applied to the installment, and credited
-- to the buyer; a pay-later payment is owed by the buyer until its due date.
alter table payment_link add column paid numeric(19,4) not null default 0;
alter table payment add column applied numeric(19,4);
alter table payment add column credited numeric(19,4) not null default 0;
alter table payment add column pay_later_due_at timestamptz;
update payment set applied = amount;
alter table payment alter column applied set not null;
alter table payment drop constraint payment_channel_reference_key;
alter table payment add constraint payment_channel_transaction unique (channel, channel_reference);
