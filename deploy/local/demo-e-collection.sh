#!/usr/bin/env bash
# Walks two e-Collection orders through the running local stack (deploy/local/run.sh), with curl:
# activate e-collection -> draft two orders -> submit (payment-reminder e-mails with signed links) ->
# the buyer confirms through the links, without signing in -> the bank reports two remittances ->
# suggestions -> the supplier associates them n:m (one pays both orders, both pay the second) -> PAID
# -> funds settle -> ship (self-operated, one-stop export bill) -> receipt confirmed -> COMPLETED,
# counted as trade volume; the credit limit is never touched.
# The local run writes e-mails to the services' logs: the links are read from order-service's log.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=demo-lib.sh
. "$here/demo-lib.sh"
LOGS=${LOG_DIR:-$here/.data/logs}
bank=$("$here/token.sh" bank-adapter bank-feed)

link_of() { # order-id: the newest payment-reminder link e-mailed for it
  for _ in $(seq 1 100); do
    link=$(grep -A 12 "Sending email Payment reminder: order $1" "$LOGS/order-service.log" 2>/dev/null \
      | grep -o 'payment-reminders/[A-Za-z0-9_.-]*' | tail -n 1 | sed 's|payment-reminders/||') || true
    [ -n "$link" ] && { printf '%s' "$link"; return 0; }
    sleep 0.3
  done
  echo "no payment reminder for order $1 in $LOGS/order-service.log" >&2; return 1
}

step "credit line of $SUPPLIER_ID before (e-Collection never touches it)"
call GET "$CREDIT/credit-lines/$SUPPLIER_ID" "$supplier"; echo

step "supplier $SUPPLIER_ID activates e-collection with its collection information (IBAN/BIC checked)"
call PUT "$PAYMENT/suppliers/$SUPPLIER_ID/e-collection" "$supplier" '{"bankName":"Industrial and Commercial Bank of China",
  "accountHolder":"Shenzhen Bright LED Co., Ltd.","accountNumber":"6222 0212 3456 7890","bankCountry":"CN","swiftBic":"ICBKCNBJ",
  "contactEmail":"finance@bright-led.example","contactPhone":"+86 755 8888 6666"}'; echo

draft() { # quantity shipping
  for _ in $(seq 1 100); do
    out=$(call POST "$ORDER/orders" "$supplier" '{"kind":"E_COLLECTION","buyerCompanyId":"'$BUYER_ID'","buyerEmail":"accounts@nordlicht.example",
      "buyerContact":{"companyName":"Nordlicht Handels GmbH","contactName":"Anna Berger","phone":"+49 30 1234567"},
      "deliveryAddress":{"street":"Hafenstrasse 12","city":"Hamburg","zipCode":"20457","country":"DE"},
      "incoterm":"FOB","transportMethod":"SEA_FREIGHT","currency":"USD",
      "lines":[{"productName":"LED panel 600x600","model":"LP-600","unitPrice":"12.35","quantity":'$1'}],
      "shippingCost":"'$2'","shipWithinDays":20}' 2>/dev/null) && { printf '%s' "$out" | field id; return 0; }
    sleep 0.3 # order-service learns of the activation from payment-service's event
  done
  echo "could not draft an e-Collection order" >&2; return 1
}
step "supplier drafts two e-Collection orders: A = 80 panels + 12 shipping, B = 120 panels + 18 shipping"
a=$(draft 80 12.00); b=$(draft 120 18.00)
echo "A = $a (USD 1000.00)"; echo "B = $b (USD 1500.00)"

step "supplier submits them: each gets a collection account and the buyer a payment reminder"
for id in "$a" "$b"; do call POST "$ORDER/orders/$id/submit" "$supplier" | field state; done
link_a=$(link_of "$a"); link_b=$(link_of "$b")
echo "the reminder e-mail for A (from the order-service log):"
grep -A 12 "Sending email Payment reminder: order $a" "$LOGS/order-service.log" | sed -n '2,12p' | sed 's/^/  /'

step "the buyer opens the link (no account, no token) and sees the order and where to remit"
view=$(curl -fsS "$ORDER/payment-reminders/$link_a")
account_a=$(printf '%s' "$view" | field collectionAccount)
echo "$view" | grep -o '"remittance":{[^}]*}[^}]*}[^}]*}'
account_b=$(curl -fsS "$ORDER/payment-reminders/$link_b" | field collectionAccount)
echo "a link with one character changed is refused:"
curl -sS -o /dev/null -w '  HTTP %{http_code}\n' "$ORDER/payment-reminders/${link_a:0:5}X${link_a:6}"

step "the buyer confirms both orders and their payment details -> AWAITING_REMITTANCE"
for link in "$link_a" "$link_b"; do
  curl -fsS -X POST "$ORDER/payment-reminders/$link/confirmation" -H 'Content-Type: application/json' -d '{"version":1}' | field state
done

step "the bank reports two remittances (bank fees deducted on the way)"
r1=$(call POST "$PAYMENT/bank-remittances" "$bank" '{"bankReference":"BNK-'$RANDOM$RANDOM'","collectionAccount":"'$account_a'",
  "amount":{"amount":"1800.00","currency":"USD"},"bankFees":{"amount":"20.00","currency":"USD"},
  "remitterName":"NORDLICHT HANDELS GMBH","reference":"PI '$a'","valueDate":"'$(date -u +%F)'"}' | field id)
r2=$(call POST "$PAYMENT/bank-remittances" "$bank" '{"bankReference":"BNK-'$RANDOM$RANDOM'","collectionAccount":"'$account_b'",
  "amount":{"amount":"700.00","currency":"USD"},"bankFees":{"amount":"10.00","currency":"USD"},
  "remitterName":"NORDLICHT HANDELS GMBH","reference":"balance","valueDate":"'$(date -u +%F)'"}' | field id)
echo "R1 = $r1 (1800.00, fees 20.00) to A's account; R2 = $r2 (700.00, fees 10.00) to B's account"

step "suggested matches for R1, with score and reasons"
call GET "$PAYMENT/remittances/$r1/suggestions" "$supplier" | sed 's/},{/},\n{/g'; echo

step "supplier associates: R1 -> A 1000.00 and B 800.00; R2 -> B 700.00"
call POST "$PAYMENT/suppliers/$SUPPLIER_ID/remittance-associations" "$supplier" '{"associations":[
  {"remittanceId":"'$r1'","orderId":"'$a'","amount":"1000.00"},{"remittanceId":"'$r1'","orderId":"'$b'","amount":"800.00"},
  {"remittanceId":"'$r2'","orderId":"'$b'","amount":"700.00"}]}' | sed 's/},{"id"/},\n{"id"/g'; echo
await_state "$a" PAID; await_state "$b" PAID

step "covered and confirmed: the funds settled to the supplier (2500.00 less 30.00 bank fees, no service fee)"
for _ in $(seq 1 100); do
  journal=$(call GET "$PAYMENT/orders/$b/journal" "$supplier")
  printf '%s' "$journal" | grep -q FUNDS_SETTLED && break
  sleep 0.3
done
echo "journal of B:"; printf '%s' "$journal" | grep -o '"type":"[^"]*"' | sed 's/"type":"\(.*\)"/  \1/'
echo "supplier balances:"; call GET "$PAYMENT/suppliers/$SUPPLIER_ID/balances" "$supplier"; echo

step "supplier ships A self-operated and B with a one-stop export bill"
for _ in $(seq 1 100); do
  call POST "$FULFILLMENT/shipments" "$supplier" '{"orderId":"'$a'","exportMode":"SELF_OPERATED","carrier":"COSCO",
    "trackingNumber":"COSU1234567","customsDeclarationNumber":"CD-2026-0007","lines":[{"model":"LP-600","quantity":80}]}' >/dev/null 2>&1 && break
  sleep 0.3
done
for _ in $(seq 1 100); do
  call POST "$FULFILLMENT/shipments" "$supplier" '{"orderId":"'$b'","exportMode":"ONE_STOP_EXPORT","lines":[{"model":"LP-600","quantity":120}],
    "exportBill":{"exporterName":"Shenzhen Bright LED Co., Ltd.","consigneeName":"Nordlicht Handels GmbH","destinationCountry":"DE",
    "portOfLoading":"Yantian","items":[{"hsCode":"9405420090","description":"LED panels","quantity":120,
    "declaredValue":{"amount":"1482.00","currency":"USD"}}]}}' | field exportBillId && break
  sleep 0.3
done
await_state "$a" SHIPPED; await_state "$b" SHIPPED

step "buyer confirms receipt of both"
for id in "$a" "$b"; do call POST "$ORDER/orders/$id/confirm-receipt" "$buyer" | field state; done

step "credit line after: the same limit, nothing reserved, the orders' value counted as trade volume"
sleep 1
call GET "$CREDIT/credit-lines/$SUPPLIER_ID" "$supplier"; echo

step "the events that brought B to COMPLETED"
call GET "$ORDER/orders/$b" "$buyer" | grep -o '"type":"[^"]*","occurredAt":"[^"]*"' \
  | sed 's/"type":"\([^"]*\)","occurredAt":"\([^"]*\)"/  \2  \1/'
