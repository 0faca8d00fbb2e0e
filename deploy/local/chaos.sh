#!/usr/bin/env bash
# A bigger chaos run than the one in ./mvnw verify: a fresh local stack (own ports and data), N Trade
# Assurance orders driven through their whole lifecycle by concurrent clients retrying with their
# Idempotency-Keys, while each of the five services, the broker and PostgreSQL is killed (SIGKILL)
# once and restarted; then a drafting storm with order-service killed repeatedly. It checks every
# order's effects exactly once and reports orders/s, time to recover per kill and client-visible
# errors by status.
#   deploy/local/chaos.sh                 200 orders, 16 clients
#   deploy/local/chaos.sh 400 16 7        400 orders, 16 clients, fault order seed 7
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=build-lib.sh
. deploy/local/build-lib.sh
ensure_built
mkdir -p deploy/local/target
./mvnw -B -pl deploy/local verify -Dit.test=ChaosIT -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchaos.orders="${1:-200}" -Dchaos.clients="${2:-16}" -Dchaos.seed="${3:-42}" -Dchaos.storm.drafts=60 \
  -Dchaos.storm.kills=4 2>&1 | tee deploy/local/target/chaos.log | grep -E "^CHAOS|Tests run:|BUILD" || true
