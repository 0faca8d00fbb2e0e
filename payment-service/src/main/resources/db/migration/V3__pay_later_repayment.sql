-- A pay-later payment is owed by the buyer until it repays it.
alter table payment add column pay_later_repaid_at timestamptz;
