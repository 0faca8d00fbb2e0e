create table shippable_order (
    order_id           varchar(64)  primary key,
    supplier_id        varchar(100) not null,
    buyer_id           varchar(100) not null,
    shipment_deadline  date         not null
);

create table shippable_line (
    order_id          varchar(64)  not null references shippable_order (order_id),
    line_no           int          not null,
    model             varchar(200) not null,
    product_name      varchar(300) not null,
    quantity          int          not null,
    shipped_quantity  int          not null default 0 check (shipped_quantity <= quantity),
    primary key (order_id, line_no)
);

create table shipment (
    id                          varchar(64)  primary key,
    order_id                    varchar(64)  not null references shippable_order (order_id),
    supplier_id                 varchar(100) not null,
    buyer_id                    varchar(100) not null,
    export_mode                 varchar(30)  not null,
    carrier                     varchar(200),
    tracking_number             varchar(200),
    customs_declaration_number  varchar(200),
    submitted_at                timestamptz  not null,
    completes                   boolean      not null
);

create table shipment_line (
    shipment_id  varchar(64)  not null references shipment (id),
    line_no      int          not null,
    model        varchar(200) not null,
    quantity     int          not null check (quantity > 0),
    primary key (shipment_id, line_no)
);
