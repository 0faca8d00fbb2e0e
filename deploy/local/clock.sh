#!/usr/bin/env bash
# Moves the running local stack's time forward, in every service, so timeouts show in seconds.
#   deploy/local/clock.sh advance 61      # 61 days: an unpaid order awaiting payment is cancelled
#   deploy/local/clock.sh advance 0 12    # 12 hours
#   deploy/local/clock.sh                 # each service's current time and offset
# Only the local run and tests have this clock; in production /ops/clock answers 404.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base=${SERVICE_PORT_BASE:-8081}
token=$("$here/token.sh" operator OPS-1)
for i in 0 1 2 3 4; do
  url="http://127.0.0.1:$((base + i))/ops/clock"
  if [ "${1:-}" = advance ]; then
    curl -fsS -X POST "$url/advance" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"days\":${2:-1},\"hours\":${3:-0}}"
  else
    curl -fsS "$url" -H "Authorization: Bearer $token"
  fi
  echo "   ($url)"
done
