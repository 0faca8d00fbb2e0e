-- Where the supplier's notifications go: the drafting person's address (token e-mail claim).
alter table trade_order add column supplier_email varchar(320);
