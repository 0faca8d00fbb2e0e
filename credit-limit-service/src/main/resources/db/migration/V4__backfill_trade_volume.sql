-- Orders completed before trade_volume existed count towards growth too (their completion time is
-- the reservation's last update).
insert into trade_volume (order_id, supplier_id, order_kind, amount_usd, completed_at)
select order_id, supplier_id, 'TRADE_ASSURANCE', amount_usd, updated_at
from credit_reservation where status = 'COMPLETED'
on conflict do nothing;
