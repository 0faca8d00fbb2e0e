-- A buyer-initiated order must be completed by the supplier (shipping cost, delivery time, initial
-- payment) before the supplier can confirm it.
alter table trade_order add column supplier_completed_terms boolean not null default true;
