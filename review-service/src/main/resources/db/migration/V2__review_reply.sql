-- The supplier's one public reply to a review.
alter table review add column reply_text varchar(2000);
alter table review add column replied_at timestamptz;
