-- The Idempotency-Key of a withdrawal is kept with it, in its own transaction: a retry after a crash
-- between the withdrawal's commit and the recorded answer finds it instead of withdrawing again.
alter table withdrawal add column request_key varchar(200);
create unique index withdrawal_request_key on withdrawal (supplier_id, request_key) where request_key is not null;
