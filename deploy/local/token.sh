#!/usr/bin/env bash
# Prints a signed JWT for a demo company, valid 12 hours, trusted by the running local stack.
#   deploy/local/token.sh supplier SUP-1001
#   deploy/local/token.sh buyer BUY-2001
#   deploy/local/token.sh operator OPS-1
#   deploy/local/token.sh payment-channel card-gateway   (a channel adapter reporting collections)
#   deploy/local/token.sh bank-adapter bank-feed         (a bank adapter reporting remittances)
#   deploy/local/token.sh carrier-adapter tracking-feed  (a carrier adapter reporting tracking events)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ $# -ne 2 ]; then echo "usage: $0 <buyer|supplier|operator|payment-channel|bank-adapter|carrier-adapter> <company-id>" >&2; exit 2; fi
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$root/deploy/local/target/local-stack.jar" org.tradeorders.platform.infra.DevTokens \
  "$root/deploy/local/.data/keys" "$1" "$2"
