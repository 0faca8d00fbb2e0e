#!/usr/bin/env bash
# Walks one Trade Assurance order through the running local stack (deploy/local/run.sh), with curl:
# draft -> submit -> confirm -> credit reserved -> pay deposit and balance -> documents cross-checked
# -> ship with commercial invoice and packing list (PDF) -> bill of lading -> tracking -> delivered
# -> confirm receipt -> COMPLETED -> invitation -> review -> edit -> reply -> new supplier score.
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

shipment_request='{"orderId":"'$id'","exportMode":"SELF_OPERATED","carrier":"Maersk",
  "trackingNumber":"MSKU7654321","customsDeclarationNumber":"CD-2026-0001","lines":[{"model":"LP-600","quantity":1000}],
  "documents":{"seller":{"name":"Shenzhen Bright Lighting Co., Ltd.","address":{"street":"88 Keji Road","city":"Shenzhen","zipCode":"518057","country":"CN"}},
    "lines":[{"model":"LP-600","hsCode":"940542","packages":250,"netWeightKg":"950","grossWeightKg":"1010.5",
              "dimensions":{"lengthCm":62,"widthCm":62,"heightCm":20}}],
    "customsDeclaration":[{"hsCode":"940542","quantity":1000,"declaredValue":{"amount":"12350.00","currency":"USD"}}]}}'

step "fulfillment-service hears the order is ready to ship (the supplier's read waits for it: Prefer: wait)"
await_ready_to_ship "$id"

step "supplier cross-checks its documents before it ships: proforma, invoice, packing list, declaration, prepayment"
call POST "$FULFILLMENT/shipments/cross-check" "$supplier" "$shipment_request"; echo

step "supplier ships all 1000 panels with them (fulfillment-service checks the lines and issues the documents)"
shipment=$(call POST "$FULFILLMENT/shipments" "$supplier" "$shipment_request")
echo "$shipment"
shipment_id=$(printf '%s' "$shipment" | field id)
await_state "$id" SHIPPED

step "the commercial invoice and the packing list, issued as JSON and PDF"
call GET "$FULFILLMENT/shipments/$shipment_id/trade-documents" "$buyer"; echo
pdf="${TMPDIR:-/tmp}/commercial-invoice-$id.pdf"
curl -fsS -H "Authorization: Bearer $buyer" "$FULFILLMENT/shipments/$shipment_id/trade-documents/commercial-invoice/pdf" -o "$pdf"
echo "commercial invoice PDF: $pdf ($(wc -c < "$pdf") bytes)"

step "supplier uploads the bill of lading (checked by content, kept with its SHA-256)"
bl="${TMPDIR:-/tmp}/bill-of-lading-$id.pdf"
printf '%%PDF-1.7\n%% bill of lading MSKU7654321\n%%%%EOF\n' > "$bl"
curl -fsS -X POST -H "Authorization: Bearer $supplier" -H 'Content-Type: application/pdf' --data-binary "@$bl" \
  "$FULFILLMENT/shipments/$shipment_id/shipping-documents?kind=BILL_OF_LADING&fileName=bill-of-lading.pdf"; echo

step "the carrier reports the container in transit, then delivered (a carrier adapter; a repeat is a no-op)"
carrier=$("$here/token.sh" carrier-adapter tracking-feed)
now=$(date -u +%s)
iso() { date -u -d "@$1" +%FT%TZ 2>/dev/null || date -u -r "$1" +%FT%TZ; }
call POST "$FULFILLMENT/carrier-reports" "$carrier" '{"carrier":"Maersk","trackingNumber":"MSKU7654321","carrierEventId":"MAEU-'$id'-1",
  "status":"IN_TRANSIT","location":"Rotterdam, NL","occurredAt":"'$(iso $((now - 3600)))'"}'; echo
call POST "$FULFILLMENT/carrier-reports" "$carrier" '{"carrier":"Maersk","trackingNumber":"MSKU7654321","carrierEventId":"MAEU-'$id'-2",
  "status":"DELIVERED","location":"Hamburg, DE","occurredAt":"'$(iso $((now - 60)))'"}'; echo
call GET "$FULFILLMENT/shipments/$shipment_id/tracking" "$buyer"; echo
echo "(order-service e-mails the buyer that the goods arrived)"

step "buyer confirms receipt"
call POST "$ORDER/orders/$id/confirm-receipt" "$buyer" | field state

step "payment-service settled the order's money to the supplier when the goods shipped: its journal"
sleep 1
call GET "$PAYMENT/orders/$id/journal" "$supplier" | grep -o '"type":"[^"]*"' | sed 's/"type":"\(.*\)"/  \1/'
echo "supplier balances:"; call GET "$PAYMENT/suppliers/$SUPPLIER_ID/balances" "$supplier"; echo

step "credit released and the order's value counted as trade volume"
sleep 1
call GET "$CREDIT/credit-lines/$SUPPLIER_ID" "$supplier"; echo

step "supplier invites the buyer to review (order-service e-mails the buyer)"
for _ in $(seq 1 100); do
  call POST "$REVIEW/orders/$id/review/invitation" "$supplier" 2>/dev/null && break
  sleep 0.3
done
echo

step "buyer reviews the supplier, then edits the review once (the first version stays in its history)"
call POST "$REVIEW/orders/$id/review" "$buyer" '{"serviceAttitude":5,"deliverySpeed":4,"descriptionAccuracy":5,"text":"As described, fast shipping."}'; echo
call PUT "$REVIEW/orders/$id/review" "$buyer" '{"serviceAttitude":5,"deliverySpeed":5,"descriptionAccuracy":5,"text":"As described; the tracking was exact."}'; echo

step "supplier replies once; the public review list shows it (the buyer as country and masked name)"
call POST "$REVIEW/orders/$id/review/reply" "$supplier" '{"text":"Thank you for your order!"}' >/dev/null
call GET "$REVIEW/suppliers/$SUPPLIER_ID/reviews?size=1" "$buyer"; echo

step "the COMPLETED order and the events that brought it there"
final=$(call GET "$ORDER/orders/$id" "$buyer")
echo "order $id: state $(printf '%s' "$final" | field state)"
printf '%s' "$final" | grep -o '"type":"[^"]*","occurredAt":"[^"]*"' | sed 's/"type":"\([^"]*\)","occurredAt":"\([^"]*\)"/  \2  \1/'

step "supplier $SUPPLIER_ID's new score"
call GET "$REVIEW/suppliers/$SUPPLIER_ID/score" "$buyer"; echo
