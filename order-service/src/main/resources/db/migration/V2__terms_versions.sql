-- Every change to the terms is a new version; the counterparty confirms a specific one.
alter table trade_order add column terms_version int not null default 1;
-- The counterparty's note when it sent the order back for modification.
alter table trade_order add column modification_note varchar(1000);
