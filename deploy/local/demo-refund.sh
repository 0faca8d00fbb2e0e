#!/usr/bin/env bash
# Walks one Trade Assurance dispute through the running local stack (deploy/local/run.sh), with curl:
# a paid and shipped order -> the buyer asks for a refund -> the supplier counter-offers -> the buyer
# escalates (the clock moves 3 days) with an inspection report -> the supplier withdraws all its money
# -> an operator decides from its queue -> payment-service pays the buyer at once, the platform
# advancing what the supplier's balance lacks -> the supplier owes it and cannot withdraw -> its credit
# line takes the penalty points and shows the advance owed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=demo-lib.sh
. "$here/demo-lib.sh"
operator=$("$here/token.sh" operator OPS-1)

step "a Trade Assurance order of 12,500.00 USD (150.00 of it freight), paid in full and shipped"
deadline=$(date -u -d '+365 days' +%F 2>/dev/null || date -u -v+365d +%F)
id=$(call POST "$ORDER/orders" "$supplier" '{"buyerCompanyId":"'$BUYER_ID'","buyerEmail":"purchasing@buyer.example",
  "buyerContact":{"companyName":"Nordlicht Handels GmbH","contactName":"Anna Berger","phone":"+49 30 1234567"},
  "deliveryAddress":{"street":"Hafenstrasse 12","city":"Hamburg","zipCode":"20457","country":"DE"},
  "incoterm":"FOB","transportMethod":"SEA_FREIGHT","currency":"USD",
  "lines":[{"productName":"LED panel 600x600","model":"LP-600","unitPrice":"12.35","quantity":1000}],"shippingCost":"150.00",
  "installments":[{"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION"},{"name":"Balance","percent":70,"due":"BEFORE_SHIPMENT"}],
  "shipmentDeadline":"'$deadline'"}' | field id)
call POST "$ORDER/orders/$id/submit" "$supplier" >/dev/null
call POST "$ORDER/orders/$id/confirm" "$buyer" '{"version":1}' >/dev/null
await_state "$id" AWAITING_PAYMENT
for _ in $(seq 1 100); do
  links=$(call GET "$PAYMENT/orders/$id/payment-links" "$buyer" 2>/dev/null || true)
  [ "$(printf '%s' "$links" | grep -o '"token":"[^"]*"' | wc -l)" -ge 2 ] && break
  sleep 0.3
done
for token in $(printf '%s' "$links" | grep -o '"token":"[^"]*"' | sed 's/"token":"\(.*\)"/\1/'); do
  call POST "$PAYMENT/payment-links/$token/payments" "$buyer" '{"channel":"TT_BANK_TRANSFER"}' >/dev/null
done
for _ in $(seq 1 100); do
  call POST "$FULFILLMENT/shipments" "$supplier" '{"orderId":"'$id'","exportMode":"SELF_OPERATED","carrier":"Maersk",
    "trackingNumber":"MSKU7654321","customsDeclarationNumber":"CD-2026-0002","lines":[{"model":"LP-600","quantity":1000}]}' \
    >/dev/null 2>&1 && break
  sleep 0.3
done
await_state "$id" SHIPPED
points() { call GET "$CREDIT/credit-lines/$SUPPLIER_ID" "$supplier" | grep -o '"penaltyPoints":[0-9]*' | cut -d: -f2; }
points_before=$(points)
echo "order $id; the supplier's penalty points: $points_before"

step "the buyer asks for 2,000.00 USD back: 160 panels arrived cracked"
case=$(call POST "$ORDER/refund-cases" "$buyer" '{"orderId":"'$id'","reason":"NOT_AS_AGREED",
  "amount":{"amount":"2000.00","currency":"USD"},"description":"160 of 1,000 panels arrived cracked; photos attached by e-mail"}')
cid=$(printf '%s' "$case" | field id)
echo "case $cid is $(printf '%s' "$case" | field state); the supplier answers by $(printf '%s' "$case" | field responseDueAt)"
echo "it covers up to $(printf '%s' "$case" | grep -o '"coverage":{"amount":"[^"]*"' | sed 's/.*:"\(.*\)"/\1/') USD (all that was paid, never the freight)"

step "the supplier offers 800.00 USD instead"
call POST "$ORDER/refund-cases/$cid/counter-offer" "$supplier" \
  '{"amount":{"amount":"800.00","currency":"USD"},"note":"the carrier reports 64 cracked panels"}' | field state

step "the buyer may escalate from day 3: too early now, then the clock moves 3 days"
call POST "$ORDER/refund-cases/$cid/escalate" "$buyer" 2>&1 | grep -o 'too-early-to-escalate' || true
"$here/clock.sh" advance 3 1 >/dev/null
escalated=$(call POST "$ORDER/refund-cases/$cid/escalate" "$buyer")
echo "case is $(printf '%s' "$escalated" | field state); evidence until $(printf '%s' "$escalated" | field evidenceDueAt)"

step "the buyer attaches an inspection report (a PDF: the content decides, not the name)"
report="${TMPDIR:-/tmp}/inspection-$$.pdf"
printf '%%PDF-1.7\n%% inspection: 128 of 1,000 panels cracked\n%%%%EOF\n' > "$report"
curl -sS -X POST "$ORDER/refund-cases/$cid/evidence?fileName=inspection-report.pdf" -H "Authorization: Bearer $buyer" \
  -H 'Content-Type: application/pdf' --data-binary "@$report" | field sha256 | sed 's/^/  kept, sha256 /'
rm -f "$report"

step "meanwhile the supplier withdraws everything available"
amount_of() { grep -o '"'"$1"'":{"amount":"[^"]*"' | head -n 1 | sed 's/.*:"\(.*\)"/\1/'; }
available=$(call GET "$PAYMENT/suppliers/$SUPPLIER_ID/balances" "$supplier" | amount_of available)
if [ -n "$available" ] && [ "$available" != "0.00" ]; then
  call POST "$PAYMENT/suppliers/$SUPPLIER_ID/withdrawals" "$supplier" \
    '{"amount":"'"$available"'","currency":"USD","bankAccount":"CN12 3456 7890 1234"}' | field status | sed "s/^/  $available USD: /"
fi

step "the operators' queue of escalated cases, oldest first"
call GET "$ORDER/refund-cases/escalated" "$operator" | grep -o '"id":"[^"]*","orderId":"[^"]*"' | sed 's/^/  /'

step "an operator decides, finally: 1,600.00 USD"
call POST "$ORDER/refund-cases/$cid/decision" "$operator" \
  '{"amount":{"amount":"1600.00","currency":"USD"},"note":"the photos show 128 cracked panels"}' | field state

step "payment-service pays the buyer at once: the supplier's balance is empty, so the platform advances it"
for _ in $(seq 1 100); do
  refunds=$(call GET "$PAYMENT/orders/$id/refunds" "$buyer")
  printf '%s' "$refunds" | grep -q '"status":"PAID"' && break
  sleep 0.3
done
echo "refund $(printf '%s' "$refunds" | field status) back by $(printf '%s' "$refunds" | field channel);" \
  "advanced by the platform: $(printf '%s' "$refunds" | amount_of advanced) USD"
for _ in $(seq 1 100); do
  [ "$(call GET "$ORDER/refund-cases/$cid" "$buyer" | field state)" = PAID ] && break
  sleep 0.3
done
echo "the case is $(call GET "$ORDER/refund-cases/$cid" "$buyer" | field state);" \
  "the order shows refunded $(call GET "$ORDER/orders/$id" "$buyer" | amount_of refunded) USD"
echo "the supplier owes $(call GET "$PAYMENT/suppliers/$SUPPLIER_ID/balances" "$supplier" | amount_of owed) USD," \
  "recovered from its next settlements; until then it cannot withdraw:"
call POST "$PAYMENT/suppliers/$SUPPLIER_ID/withdrawals" "$supplier" \
  '{"amount":"1.00","currency":"USD","bankAccount":"CN12 3456 7890 1234"}' 2>&1 | grep -o 'advance-outstanding' | sed 's/^/  /' || true

step "the supplier lost the case: its credit line takes the penalty points"
for _ in $(seq 1 100); do
  [ "$(points)" != "$points_before" ] && break
  sleep 0.3
done
line=$(call GET "$CREDIT/credit-lines/$SUPPLIER_ID" "$supplier")
echo "penalty points: $points_before -> $(points); the limit, recalculated with them (base + volume share - penalties):" \
  "$(printf '%s' "$line" | grep -o '"limit":{"amount":"[^"]*"' | sed 's/.*:"\(.*\)"/\1/') USD"
echo "advance owed: $(printf '%s' "$line" | amount_of advanceOwed) USD, not available as credit until recovered"

step "the case's events on order-events, with the order's"
call GET "$ORDER/orders/$id" "$buyer" | grep -o '"type":"tradeorders.Refund[^"]*","occurredAt":"[^"]*"' \
  | sed 's/"type":"\([^"]*\)","occurredAt":"\([^"]*\)"/  \2  \1/'
