-- What the trade documents take from the order (OrderReadyToShip's delivery and optional money fields);
-- null for an order made shippable before they were read.
alter table shippable_order add column currency char(3);
alter table shippable_order add column shipping_cost numeric(19, 4);
alter table shippable_order add column prepaid numeric(19, 4);
alter table shippable_order add column buyer_company_name varchar(300);
alter table shippable_order add column buyer_contact_name varchar(200);
alter table shippable_order add column buyer_phone varchar(50);
alter table shippable_order add column delivery_street varchar(500);
alter table shippable_order add column delivery_city varchar(200);
alter table shippable_order add column delivery_zip_code varchar(20);
alter table shippable_order add column delivery_country char(2);
alter table shippable_order add column incoterm varchar(10);
alter table shippable_line add column unit_price numeric(19, 4);
alter table shippable_line add column specification varchar(1000);

-- What the supplier gave for the documents (seller, HS codes, packing, a self-operated customs
-- declaration's items), as JSON; the latest given, for the cross-check.
alter table shipment add column document_details text;
-- Delivery as the carrier reported it.
alter table shipment add column tracking_status varchar(30);
alter table shipment add column delivered_at timestamptz;
create index shipment_by_tracking on shipment (carrier, tracking_number) where tracking_number is not null;

-- Commercial invoices and packing lists, kept as issued: a correction is a new version (same number).
create table trade_document (
    id           varchar(64)  primary key,
    shipment_id  varchar(64)  not null references shipment (id),
    order_id     varchar(64)  not null,
    kind         varchar(30)  not null check (kind in ('COMMERCIAL_INVOICE', 'PACKING_LIST')),
    number       varchar(64)  not null,
    version      int          not null check (version > 0),
    issued_at    timestamptz  not null,
    content      text         not null,
    pdf          bytea        not null,
    unique (shipment_id, kind, version)
);
create sequence trade_document_number;

-- Shipping documents the supplier uploads (bill of lading, air waybill, certificates), with their checksum.
create table shipping_document (
    id           varchar(64)  primary key,
    shipment_id  varchar(64)  not null references shipment (id),
    order_id     varchar(64)  not null,
    kind         varchar(40)  not null,
    file_name    varchar(200) not null,
    media_type   varchar(50)  not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    content      bytea        not null,
    added_at     timestamptz  not null,
    unique (shipment_id, sha256)
);

-- Tracking events as the carrier reported them; the carrier's own event id makes a repeat a no-op.
create table tracking_event (
    carrier           varchar(200) not null,
    carrier_event_id  varchar(200) not null,
    shipment_id       varchar(64)  not null references shipment (id),
    status            varchar(30)  not null,
    location          varchar(300),
    occurred_at       timestamptz  not null,
    received_at       timestamptz  not null,
    primary key (carrier, carrier_event_id)
);
create index tracking_by_shipment on tracking_event (shipment_id, occurred_at);

-- The latest document cross-check of each shipment (its discrepancies as JSON, empty when they agree).
create table document_check (
    shipment_id    varchar(64)  primary key references shipment (id),
    checked_at     timestamptz  not null,
    discrepancies  text         not null
);
