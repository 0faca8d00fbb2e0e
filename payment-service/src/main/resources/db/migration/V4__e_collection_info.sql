-- e-Collection: a supplier's collection information (where its money goes), and every version of it.
create table collection_info (
    supplier_id     varchar(100) primary key,
    bank_name       varchar(200) not null,
    account_holder  varchar(200) not null,
    account_number  varchar(40)  not null,
    bank_country    char(2)      not null,
    swift_bic       varchar(11)  not null,
    contact_email   varchar(320) not null,
    contact_phone   varchar(30)  not null,
    version         int          not null,
    activated_at    timestamptz  not null,
    updated_at      timestamptz  not null
);

create table collection_info_history (
    supplier_id     varchar(100) not null references collection_info (supplier_id),
    version         int          not null,
    bank_name       varchar(200) not null,
    account_holder  varchar(200) not null,
    account_number  varchar(40)  not null,
    bank_country    char(2)      not null,
    swift_bic       varchar(11)  not null,
    contact_email   varchar(320) not null,
    contact_phone   varchar(30)  not null,
    changed_by      varchar(200) not null,
    changed_at      timestamptz  not null,
    primary key (supplier_id, version)
);
