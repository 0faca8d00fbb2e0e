-- When receipt was confirmed: a refund claim after delivery is possible for claim-window from then.
alter table trade_order add column receipt_confirmed_at timestamptz;
update trade_order set receipt_confirmed_at = updated_at where state = 'COMPLETED';

-- A buyer's refund case on an order (Trade Assurance: with escalation; e-Collection: its refund portal).
create table refund_case (
    id                     varchar(36)   primary key,
    order_id               varchar(64)   not null references trade_order (id),
    supplier_id            varchar(100)  not null,
    buyer_id               varchar(100)  not null,
    kind                   varchar(30)   not null,
    reason                 varchar(30)   not null,
    description            varchar(2000) not null,
    state                  varchar(30)   not null,
    currency               char(3)       not null,
    coverage               numeric(19,4) not null check (coverage >= 0),
    first_claim            numeric(19,4) not null check (first_claim > 0 and first_claim <= coverage),
    requested              numeric(19,4) not null check (requested > 0 and requested <= coverage),
    counter_offer          numeric(19,4) check (counter_offer > 0),
    to_pay                 numeric(19,4) check (to_pay > 0 and to_pay <= coverage),
    supplier_note          varchar(2000),
    decision_note          varchar(2000),
    decided_by             varchar(100),
    opened_at              timestamptz   not null,
    response_due_at        timestamptz,
    escalation_allowed_at  timestamptz,
    auto_escalate_at       timestamptz,
    escalated_at           timestamptz,
    evidence_due_at        timestamptz,
    updated_at             timestamptz   not null,
    version                bigint        not null default 0
);
-- at most one open case per order, whatever the concurrency (an e-Collection refusal is final)
create unique index refund_case_one_open on refund_case (order_id)
    where state not in ('PAID', 'WITHDRAWN', 'CLOSED') and not (kind = 'E_COLLECTION' and state = 'REJECTED');
create index refund_case_escalated on refund_case (escalated_at) where state = 'ESCALATED';
