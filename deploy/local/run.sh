#!/usr/bin/env bash
# Starts the whole system on this machine: PostgreSQL, Kafka and the five services.
# Needs only a JDK 17+. Builds what is missing first. Ctrl-C (or SIGTERM) stops everything.
#   deploy/local/run.sh            start (data kept in deploy/local/.data between runs)
#   deploy/local/run.sh --rebuild  rebuild the services first
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
jar="deploy/local/target/local-stack.jar"

build=false
[ "${1:-}" = "--rebuild" ] && build=true
[ -f "$jar" ] || build=true
for s in order payment credit-limit fulfillment review; do
  [ -f "$s-service/target/quarkus-app/quarkus-run.jar" ] || build=true
done
if $build; then
  echo "building the services (first run takes a few minutes) ..."
  ./mvnw -B -q install -DskipTests
fi

exec java -Xmx256m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar "$jar" "$root" "$root/deploy/local/.data"
