#!/usr/bin/env bash
# Writes deploy/k8s/base and deploy/k8s/overlays from the services' configuration (Manifests).
# Run it after changing a service's topics, consumers or environment, and commit the result:
# ./mvnw verify fails while the committed manifests differ from what the configuration makes.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
./mvnw -B -q -pl deploy/k8s -am -DskipTests install
cp=$(./mvnw -B -q -pl deploy/k8s dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
java -cp "deploy/k8s/target/classes:$cp" org.tradeorders.deploy.k8s.Manifests "$repo"
echo "deploy/k8s regenerated; review with git diff and commit"
