# Sourced by the scripts that run a fresh stack of their own (benchmark.sh, chaos.sh): from the
# repository root, builds and installs the services' packaged jars and the platform modules once,
# if any is missing (deploy/local's tests start the jars and depend on the installed platform).
ensure_built() {
  local repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  [ -d "$repo/org/tradeorders/platform-testing" ] || { ./mvnw -B -q install -DskipTests; return; }
  for s in order payment credit-limit fulfillment review; do
    [ -f "$s-service/target/quarkus-app/quarkus-run.jar" ] || { ./mvnw -B -q install -DskipTests; break; }
  done
}
