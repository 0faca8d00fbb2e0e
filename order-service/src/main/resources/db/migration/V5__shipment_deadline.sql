-- The shipment deadline: a fixed date, or N days after the initial payment; extended by agreement.
alter table trade_order alter column shipment_deadline drop not null;
alter table trade_order add column ship_within_days int;
alter table trade_order add column shipment_extension_days int not null default 0;
alter table trade_order add column proposed_extension_days int;
