create table trade_order (
    id                      varchar(64)   primary key,
    supplier_id             varchar(100)  not null,
    buyer_id                varchar(100)  not null,
    buyer_email             varchar(320)  not null,
    initiator               varchar(20)   not null,
    state                   varchar(40)   not null,
    currency                char(3)       not null,
    shipping_cost           numeric(19,4) not null,
    total                   numeric(19,4) not null,
    shipment_deadline       date          not null,
    return_reason           varchar(60),
    return_available_usd    numeric(19,4),
    ready_to_ship_announced boolean       not null default false,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null
);
create index trade_order_supplier on trade_order (supplier_id, created_at);
create index trade_order_buyer on trade_order (buyer_id, created_at);

create table order_line (
    order_id      varchar(64)   not null references trade_order (id),
    line_no       int           not null,
    product_name  varchar(300)  not null,
    model         varchar(200)  not null,
    specification varchar(1000),
    unit_price    numeric(19,4) not null,
    quantity      int           not null check (quantity > 0),
    primary key (order_id, line_no)
);

create table order_installment (
    order_id  varchar(64)   not null references trade_order (id),
    seq       int           not null,
    name      varchar(100)  not null,
    percent   numeric(7,4)  not null,
    due       varchar(40)   not null,
    amount    numeric(19,4) not null,
    paid      numeric(19,4) not null,
    primary key (order_id, seq)
);
