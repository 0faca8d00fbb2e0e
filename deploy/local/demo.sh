#!/usr/bin/env bash
# Walks one Trade Assurance order through the running local stack (deploy/local/run.sh), with curl:
# draft -> submit -> confirm -> credit reserved -> pay deposit and balance -> ship -> confirm receipt
# -> COMPLETED -> review -> new supplier score.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=demo-lib.sh
. "$here/demo-lib.sh"

step "credit line of $SUPPLIER_ID before"
call GET "$CREDIT/credit-lines/$SUPPLIER_ID" "$supplier"; echo

step "supplier $SUPPLIER_ID drafts an order for buyer $BUYER_ID (1000 x 12.35 USD + 150 shipping, 30% deposit / 70% balance)"
deadline=$(date -u -d '+365 days' +%F 2>/dev/null || date -u -v+365d +%F)
order=$(call POST "$ORDER/orders" "$supplier" '{"buyerCompanyId":"'$BUYER_ID'","buyerEmail":"purchasing@buyer.example",
  "buyerContact":{"companyName":"Nordlicht Handels GmbH","contactName":"Anna Berger","phone":"+49 30 1234567"},
  "deliveryAddress":{"street":"Hafenstrasse 12","city":"Hamburg","zipCode":"20457","country":"DE"},
  "incoterm":"FOB","transportMethod":"SEA_FREIGHT","currency":"USD",
  "lines":[{"productName":"LED panel 600x600","model":"LP-600","color":"white","packaging":"carton, 4 pieces each",
            "unitPrice":"12.35","quantity":1000}],"shippingCost":"150.00",
  "installments":[{"name":"Deposit","percent":30,"due":"BEFORE_PRODUCTION"},{"name":"Balance","percent":70,"due":"BEFORE_SHIPMENT"}],
  "shipmentDeadline":"'$deadline'"}')
id=$(printf '%s' "$order" | field id)
echo "order $id is $(printf '%s' "$order" | field state), total $(printf '%s' "$order" | grep -o '"total":{"amount":"[^"]*"' | head -n 1 | sed 's/.*:"\(.*\)"/\1/') USD"

step "supplier submits it; buyer confirms version 1 of the terms"
call POST "$ORDER/orders/$id/submit" "$supplier" | field state
call POST "$ORDER/orders/$id/confirm" "$buyer" '{"version":1}' | field state

step "credit-limit-service reserves the order value"
await_state "$id" AWAITING_PAYMENT
call GET "$CREDIT/credit-lines/$SUPPLIER_ID" "$supplier"; echo

step "payment-service issued one payment link per installment"
for _ in $(seq 1 100); do
  links=$(call GET "$PAYMENT/orders/$id/payment-links" "$buyer" 2>/dev/null || true)
  [ "$(printf '%s' "$links" | grep -o '"token":"[^"]*"' | wc -l)" -ge 2 ] && break
  sleep 0.3
done
tokens=$(printf '%s' "$links" | grep -o '"token":"[^"]*"' | sed 's/"token":"\(.*\)"/\1/')
deposit=$(echo "$tokens" | sed -n 1p)
balance=$(echo "$tokens" | sed -n 2p)
echo "$links" | sed 's/"token":"[^"]*"/"token":"…"/g'; echo

step "buyer pays the deposit by card (simulated channel)"
call POST "$PAYMENT/payment-links/$deposit/payments" "$buyer" '{"channel":"CARD"}'; echo
await_state "$id" IN_PRODUCTION

step "buyer pays the balance by T/T"
call POST "$PAYMENT/payment-links/$balance/payments" "$buyer" '{"channel":"TT_BANK_TRANSFER"}'; echo

step "supplier ships all 1000 panels (fulfillment-service checks the lines against the order)"
for _ in $(seq 1 100); do
  shipment=$(call POST "$FULFILLMENT/shipments" "$supplier" '{"orderId":"'$id'","exportMode":"SELF_OPERATED","carrier":"Maersk",
    "trackingNumber":"MSKU7654321","customsDeclarationNumber":"CD-2026-0001","lines":[{"model":"LP-600","quantity":1000}]}' 2>/dev/null) && break
  sleep 0.3
done
echo "$shipment"
await_state "$id" SHIPPED

step "buyer confirms receipt"
call POST "$ORDER/orders/$id/confirm-receipt" "$buyer" | field state

step "payment-service settled the order's money to the supplier when the goods shipped: its journal"
sleep 1
call GET "$PAYMENT/orders/$id/journal" "$supplier" | grep -o '"type":"[^"]*"' | sed 's/"type":"\(.*\)"/  \1/'
echo "supplier balances:"; call GET "$PAYMENT/suppliers/$SUPPLIER_ID/balances" "$supplier"; echo

step "credit released and the order's value counted as trade volume"
sleep 1
call GET "$CREDIT/credit-lines/$SUPPLIER_ID" "$supplier"; echo

step "buyer reviews the supplier (the review window opened on completion)"
for _ in $(seq 1 100); do
  call POST "$REVIEW/orders/$id/review" "$buyer" '{"serviceAttitude":5,"deliverySpeed":4,"descriptionAccuracy":5,"text":"As described, fast shipping."}' 2>/dev/null && break
  sleep 0.3
done
echo

step "the COMPLETED order and the events that brought it there"
final=$(call GET "$ORDER/orders/$id" "$buyer")
echo "order $id: state $(printf '%s' "$final" | field state)"
printf '%s' "$final" | grep -o '"type":"[^"]*","occurredAt":"[^"]*"' | sed 's/"type":"\([^"]*\)","occurredAt":"\([^"]*\)"/  \2  \1/'

step "supplier $SUPPLIER_ID's new score"
call GET "$REVIEW/suppliers/$SUPPLIER_ID/score" "$buyer"; echo
