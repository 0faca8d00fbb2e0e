-- The rest of the proforma invoice of the seeds: the buyer's contact and delivery address, Incoterm,
-- transport method, line colour and packaging; the order kind (for list filters); installments due
-- N days after shipment, and when each such balance falls due.
alter table trade_order add column kind varchar(30) not null default 'TRADE_ASSURANCE';
alter table trade_order add column buyer_company_name varchar(300);
alter table trade_order add column buyer_contact_name varchar(200);
alter table trade_order add column buyer_phone varchar(30);
alter table trade_order add column delivery_street varchar(500);
alter table trade_order add column delivery_city varchar(200);
alter table trade_order add column delivery_zip_code varchar(20);
alter table trade_order add column delivery_country char(2);
alter table trade_order add column incoterm varchar(3);
alter table trade_order add column transport_method varchar(20);
alter table trade_order add column shipped_at timestamptz;
create index trade_order_kind_state on trade_order (kind, state);

alter table order_line add column color varchar(100);
alter table order_line add column packaging varchar(300);

alter table order_installment add column due_days int;
alter table order_installment add column due_at timestamptz;
alter table order_installment add column overdue_announced boolean not null default false;
