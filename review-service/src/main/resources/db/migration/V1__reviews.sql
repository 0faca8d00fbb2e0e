create table review_window (
    order_id     varchar(64)  primary key,
    supplier_id  varchar(100) not null,
    buyer_id     varchar(100) not null,
    opens_at     timestamptz  not null,
    closes_at    timestamptz  not null
);

create table review (
    order_id              varchar(64)  primary key references review_window (order_id),
    supplier_id           varchar(100) not null,
    buyer_id              varchar(100) not null,
    service_attitude      int          not null check (service_attitude between 1 and 5),
    delivery_speed        int          not null check (delivery_speed between 1 and 5),
    description_accuracy  int          not null check (description_accuracy between 1 and 5),
    text                  varchar(4000),
    submitted_at          timestamptz  not null
);
create index review_by_supplier on review (supplier_id, submitted_at);
