-- Each party may extend the receiving window once.
alter table trade_order add column receipt_extended_by_buyer boolean not null default false;
alter table trade_order add column receipt_extended_by_supplier boolean not null default false;
