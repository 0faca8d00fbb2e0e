-- The end of the receiving window lives on the order (it was only a pending deadline): the rule
-- that extends it reads and moves the order's own date; the deadline fires at it.
alter table trade_order add column receipt_due_at timestamptz;
update trade_order o set receipt_due_at = d.due_at
  from deadline d
 where d.aggregate_id = o.id and d.kind = 'ORDER_RECEIPT_TIMEOUT' and d.status = 'PENDING';
