-- The buyer as the public list shows it (country, a masked name), from OrderCompleted's optional fields.
alter table review_window add column buyer_name varchar(300);
alter table review_window add column buyer_country varchar(2);
-- The supplier's one invitation to review.
alter table review_window add column invited_at timestamptz;

alter table review add column buyer_name varchar(300);
alter table review add column buyer_country varchar(2);
-- The buyer's one edit; the version it replaced is kept in review_version.
alter table review add column edited_at timestamptz;
create index review_public_list on review (supplier_id, submitted_at desc, order_id);

create table review_version (
    order_id              varchar(64)  not null references review (order_id),
    version               int          not null,
    service_attitude      int          not null,
    delivery_speed        int          not null,
    description_accuracy  int          not null,
    text                  varchar(4000),
    written_at            timestamptz  not null,
    replaced_at           timestamptz  not null,
    primary key (order_id, version)
);

-- Each supplier's score as last computed: served as stored, refreshed when a review arrives or changes
-- and by the daily recalculation when its oldest counted review leaves the score period.
create table supplier_score (
    supplier_id           varchar(100) primary key,
    review_count          int          not null,
    service_attitude      numeric(3,2),
    delivery_speed        numeric(3,2),
    description_accuracy  numeric(3,2),
    positive_rate         numeric(5,4),
    oldest_counted_at     timestamptz,
    computed_at           timestamptz  not null
);
create index supplier_score_ageing on supplier_score (oldest_counted_at) where oldest_counted_at is not null;
