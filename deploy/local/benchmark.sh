#!/usr/bin/env bash
# Measures the whole order pipeline on a fresh local stack of its own (own ports and data): full
# Trade Assurance lifecycles at saturation and their latency at half that rate, the draft API against
# a bare POST-and-insert fixture, PostgreSQL's durable commits per second and the commits one order
# costs, credit reservations on one hot supplier, each service's start time and memory. Prints a table
# and writes deploy/local/target/benchmark-report.json. Not a test: it reports, it does not judge.
#   deploy/local/benchmark.sh
#   BENCHMARK_OPTS="-Dbenchmark.level-seconds=60" deploy/local/benchmark.sh    longer levels
#   PROFILE=1 deploy/local/benchmark.sh    also a JFR recording per service in deploy/local/target/jfr
#   SERVICE_JVM="-Xmx256m -XX:+UseSerialGC" deploy/local/benchmark.sh    other JVM options for the services
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=build-lib.sh
. deploy/local/build-lib.sh
ensure_built
opts="${BENCHMARK_OPTS:-}"
if [ -n "${PROFILE:-}" ]; then
  mkdir -p deploy/local/target/jfr
  opts="$opts -Dbenchmark.jfr.dir=$root/deploy/local/target/jfr"
fi
jvm=()
[ -n "${SERVICE_JVM:-}" ] && jvm=("-Dbenchmark.service.jvm=$SERVICE_JVM")
# shellcheck disable=SC2086
./mvnw -B -q -pl deploy/local -Pbenchmark verify $opts "${jvm[@]}" 2>&1 | grep -E "^(benchmark|  )" || true
cat deploy/local/target/benchmark-report.txt
