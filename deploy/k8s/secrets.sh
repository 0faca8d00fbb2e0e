#!/usr/bin/env bash
# Creates the secrets the deployment needs that nobody else creates, in namespace $1 (default
# tradeorders): each service's database role (a random password; CloudNativePG sets the role's
# password from it) and order-service's reminder-link secret. An existing secret is left as it is,
# so running it again changes nothing. Strimzi creates the KafkaUser secrets (one per service) and
# the cluster CA; you provide the rest (see README, "Operating on Kubernetes"):
#   tradeorders-jwt-public-key (jwt-public.pem), tradeorders-smtp (username, password),
#   tradeorders-backup-credentials (ACCESS_KEY_ID, ACCESS_SECRET_KEY), tradeorders-api-tls (the
#   Ingress certificate).
set -euo pipefail
ns="${1:-tradeorders}"
random() { head -c 32 /dev/urandom | base64 | tr -d '\n/+=' | cut -c1-32; }
create() { # name, then kubectl create secret arguments
  local name=$1; shift
  if kubectl -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret $name exists: kept"
  else
    kubectl -n "$ns" create secret "$@" && echo "secret $name created"
  fi
}
for db in order payment credit_limit fulfillment review; do
  name="tradeorders-db-${db//_/-}"
  create "$name" generic "$name" --type=kubernetes.io/basic-auth --from-literal=username="$db" \
    --from-literal=password="$(random)"
  kubectl -n "$ns" label secret "$name" cnpg.io/reload=true --overwrite >/dev/null
done
create order-service-reminder-link generic order-service-reminder-link --from-literal=secret="$(random)"
