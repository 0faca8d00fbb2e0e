-- One-stop export bills: drafted by a supplier (on their own or inline with a shipment); once a shipment
-- names one it is USED for that shipment's order, and serves shipments of that order only.
create table export_bill (
    id                   varchar(64)  primary key,
    supplier_id          varchar(100) not null,
    status               varchar(20)  not null check (status in ('DRAFTED', 'USED')),
    order_id             varchar(64)  references shippable_order (order_id),
    exporter_name        varchar(300) not null,
    consignee_name       varchar(300) not null,
    destination_country  char(2)      not null,
    port_of_loading      varchar(200) not null,
    created_at           timestamptz  not null,
    check ((status = 'USED') = (order_id is not null))
);

create index export_bill_by_supplier on export_bill (supplier_id, created_at desc);

create table export_bill_item (
    export_bill_id     varchar(64)    not null references export_bill (id),
    line_no            int            not null,
    hs_code            varchar(10)    not null check (hs_code ~ '^[0-9]{6,10}$'),
    description        varchar(500)   not null,
    quantity           int            not null check (quantity > 0),
    declared_amount    numeric(19, 4) not null check (declared_amount > 0),
    declared_currency  char(3)        not null,
    primary key (export_bill_id, line_no)
);

alter table shipment add column export_bill_id varchar(64) references export_bill (id);

create index shipment_by_export_bill on shipment (export_bill_id) where export_bill_id is not null;
