# Shared by the demo scripts (sourced): the services' URLs, the demo companies' tokens, and helpers.
# shellcheck shell=bash
ORDER=${ORDER_URL:-http://127.0.0.1:8081}
PAYMENT=${PAYMENT_URL:-http://127.0.0.1:8082}
CREDIT=${CREDIT_URL:-http://127.0.0.1:8083}
FULFILLMENT=${FULFILLMENT_URL:-http://127.0.0.1:8084}
REVIEW=${REVIEW_URL:-http://127.0.0.1:8085}
SUPPLIER_ID=SUP-1001
BUYER_ID=BUY-2001

curl -fsS "$ORDER/q/health/ready" >/dev/null 2>&1 || { echo "the local stack is not running: start deploy/local/run.sh first" >&2; exit 1; }

supplier=$("$here/token.sh" supplier "$SUPPLIER_ID")
buyer=$("$here/token.sh" buyer "$BUYER_ID")

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
field() { grep -o '"'"$1"'":"[^"]*"' | head -n 1 | sed 's/.*:"\(.*\)"/\1/'; }
call() { # method url token [json]
  local out
  if [ $# -ge 4 ]; then
    out=$(curl -sS -X "$1" "$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$4" -w '\n%{http_code}')
  else
    out=$(curl -sS -X "$1" "$2" -H "Authorization: Bearer $3" -w '\n%{http_code}')
  fi
  local code=${out##*$'\n'}
  local body=${out%$'\n'*}
  if [ "${code:0:1}" != 2 ]; then echo "HTTP $code from $1 $2: $body" >&2; return 1; fi
  printf '%s' "$body"
}
await_state() { # order-id state: each read is held by order-service until the order changes (its ETag in
  # If-None-Match, Prefer: wait=20), so the demo waits without polling; a stack just restarted may take a while
  local etag="" headers body state="" code
  headers=$(mktemp)
  for _ in $(seq 1 20); do
    local held=()
    [ -n "$etag" ] && held=(-H "If-None-Match: $etag")
    body=$(curl -sS --max-time 40 "$ORDER/orders/$1" -H "Authorization: Bearer $buyer" -H 'Prefer: wait=20' \
      ${held[@]+"${held[@]}"} -D "$headers") || true
    code=$(head -n 1 "$headers" | cut -d ' ' -f 2)
    if [ "$code" = 200 ]; then
      etag=$(grep -i '^etag:' "$headers" | tr -d '\r' | sed 's/^[^:]*: *//')
      state=$(printf '%s' "$body" | field state)
      [ "$state" = "$2" ] && { rm -f "$headers"; echo "order is $state"; return 0; }
    elif [ "$code" != 304 ]; then
      sleep 1 # not answering yet (a stack just started)
    fi
  done
  rm -f "$headers"
  echo "order did not reach $2 (it is $state)" >&2; return 1
}
await_ready_to_ship() { # order-id: fulfillment-service holds the read (a 404 until then, Prefer: wait=20) until it
  # has heard that the order is ready to ship, so the supplier ships once instead of retrying a refused shipment
  local body
  for _ in $(seq 1 10); do
    body=$(curl -fsS --max-time 40 "$FULFILLMENT/shippable-orders/$1" -H "Authorization: Bearer $supplier" \
      -H 'Prefer: wait=20' 2>/dev/null) && { echo "$body"; return 0; }
    sleep 1 # not ready within the wait, or not answering yet (a stack just started)
  done
  echo "order $1 did not become ready to ship" >&2; return 1
}
