-- e-Collection orders: the collection account payment-service opened for the order and the bank
-- details the buyer remits to; how many payment reminders went out.
alter table trade_order add column collection_account varchar(40);
alter table trade_order add column beneficiary_bank_name varchar(200);
alter table trade_order add column beneficiary_account_holder varchar(200);
alter table trade_order add column beneficiary_swift_bic varchar(11);
alter table trade_order add column reminders_sent int not null default 0;
create unique index trade_order_collection_account on trade_order (collection_account);

-- Which suppliers have activated e-collection: order-service's own copy, kept from payment-service's
-- CollectionInfoChanged events (a service never reads another's tables).
create table e_collection_supplier (
    supplier_id   varchar(100) primary key,
    activated     boolean      not null,
    info_version  int          not null,
    changed_at    timestamptz  not null
);
