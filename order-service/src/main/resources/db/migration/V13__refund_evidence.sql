-- Files either party attaches to a refund case (photos, an inspection report, correspondence): kept
-- in the database with the case, so they are as durable as it is and backed up with it. The same
-- file (by checksum) is kept once per case.
create table refund_evidence (
    id                varchar(64)  primary key,
    case_id           varchar(64)  not null references refund_case (id),
    order_id          varchar(64)  not null,
    added_by          varchar(20)  not null,
    added_by_company  varchar(100) not null,
    file_name         varchar(200) not null,
    media_type        varchar(50)  not null,
    size_bytes        bigint       not null check (size_bytes > 0),
    sha256            char(64)     not null,
    content           bytea        not null,
    added_at          timestamptz  not null,
    unique (case_id, sha256)
);
