create table payment_link (
    id                varchar(64)   primary key,
    token             varchar(100)  not null unique,
    order_id          varchar(64)   not null,
    installment_seq   int           not null,
    installment_name  varchar(100)  not null,
    buyer_id          varchar(100)  not null,
    supplier_id       varchar(100)  not null,
    amount            numeric(19,4) not null check (amount > 0),
    currency          char(3)       not null,
    status            varchar(20)   not null,
    expires_at        timestamptz   not null,
    created_at        timestamptz   not null,
    unique (order_id, installment_seq)
);

create table payment (
    id                 varchar(64)   primary key,
    link_id            varchar(64)   not null references payment_link (id),
    order_id           varchar(64)   not null,
    amount             numeric(19,4) not null check (amount > 0),
    currency           char(3)       not null,
    channel            varchar(30)   not null,
    channel_reference  varchar(200)  not null unique,
    received_at        timestamptz   not null
);
create index payment_by_order on payment (order_id);
