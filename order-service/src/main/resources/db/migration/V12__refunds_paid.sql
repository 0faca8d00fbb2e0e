-- What payment-service refunded on the order (a completed order shows it), and per case: when the
-- agreed or decided refund is due (refund-payment-within business days) and when it was paid.
alter table trade_order add column refunded numeric(19,4) not null default 0;
alter table refund_case add column pay_by timestamptz;
alter table refund_case add column paid_at timestamptz;
