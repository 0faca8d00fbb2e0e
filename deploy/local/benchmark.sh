#!/usr/bin/env bash
# Measures credit reservations per second on one hot supplier, through the real pipeline: a fresh
# local stack (own ports and data), OrderConfirmed events on order-events, credit-limit-service
# reserving, CreditReserved back on credit-limit-events. Not a test: it reports, it does not judge.
#   deploy/local/benchmark.sh            3000 reservations
#   deploy/local/benchmark.sh 10000      more
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=build-lib.sh
. deploy/local/build-lib.sh
ensure_built
./mvnw -B -q -pl deploy/local -Pbenchmark verify -Dbenchmark.reservations="${1:-3000}" 2>&1 | grep -E "^(benchmark|machine|  )" || true
cat deploy/local/target/benchmark-report.txt
