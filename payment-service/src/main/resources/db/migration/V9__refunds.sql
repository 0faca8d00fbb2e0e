-- Refunds agreed or decided on a refund case (order-service), paid from the supplier's money for the
-- order: its pending balance first, then its available balance. What those cannot cover the
-- platform advances on a Trade Assurance order (advance compensation): the supplier then owes it
-- (a receivable) until its next settlements recover it. An e-Collection refund waits until covered.

-- an order's refunds: in all, and the part taken from its pending (unsettled) money
alter table order_funds add column refunded numeric(19,4) not null default 0;
alter table order_funds add column refunded_from_pending numeric(19,4) not null default 0;
alter table order_funds add constraint order_funds_refund_at_most_received check (
    refunded >= 0 and refunded <= received and refunded_from_pending <= refunded);

-- a payment refunded through its own channel; an unrepaid pay-later payment is forgiven instead
alter table payment add column refunded numeric(19,4) not null default 0;

-- what a supplier owes the platform never goes below zero either
alter table ledger_account drop constraint ledger_account_no_overdraft;
alter table ledger_account add constraint ledger_account_no_overdraft check (
    kind not in ('SUPPLIER_PENDING', 'SUPPLIER_AVAILABLE', 'BUYER_CREDIT', 'SUPPLIER_RECEIVABLE') or balance >= 0);

create table refund (
    -- one refund per refund case: the case's id
    case_id             varchar(64)   primary key,
    order_id            varchar(64)   not null references order_funds (order_id),
    supplier_id         varchar(100)  not null,
    buyer_id            varchar(100)  not null,
    kind                varchar(20)   not null,
    currency            char(3)       not null,
    amount              numeric(19,4) not null check (amount > 0),
    status              varchar(20)   not null check (status in ('WAITING_FOR_FUNDS', 'PAID', 'REFUSED')),
    -- order-service's due date (refund-payment-within business days), when it gave one
    pay_by              timestamptz,
    from_pending        numeric(19,4) not null default 0,
    -- taken from the available balance: in the supplier's settlement currency
    from_available      numeric(19,4) not null default 0,
    available_currency  char(3),
    -- advance compensation, in the supplier's settlement currency
    advanced            numeric(19,4) not null default 0,
    -- WAITING_FOR_FUNDS: what the supplier's money lacks (settlement currency); REFUSED: why
    short_by            numeric(19,4),
    refused_reason      varchar(300),
    owed_at             timestamptz   not null,
    paid_at             timestamptz,
    version             bigint        not null default 0
);
create index refund_by_order on refund (order_id);
create index refund_waiting on refund (owed_at) where status = 'WAITING_FOR_FUNDS';

-- how a refund reached the buyer: per payment through its channel, or by bank transfer to the remitter
create table refund_payout (
    case_id     varchar(64)   not null references refund (case_id),
    line_no     int           not null,
    payment_id  varchar(64),
    channel     varchar(30)   not null,
    amount      numeric(19,4) not null check (amount > 0),
    currency    char(3)       not null,
    paid_to     varchar(300),
    primary key (case_id, line_no)
);
