#!/usr/bin/env bash
# Runs a benchmark, building it first when needed. Markdown results go to standard output, progress
# and logs to standard error. Extra arguments are JVM options.
#   bench/run.sh [JVM options...]          the catalog benchmark (CatalogBench), e.g.
#     bench/run.sh > /tmp/bench.md
#     bench/run.sh -Dharbor.bench.synthetic=20000 -Dharbor.bench.runs=1
#   bench/run.sh policy [JVM options...]   the policy stream benchmark (PolicyBench), e.g.
#     bench/run.sh policy > /tmp/policy-bench.md
#     bench/run.sh policy -Dharbor.bench.policy.commands=5000 -Dharbor.bench.policy.setups=100
#   bench/run.sh launch [JVM options...]   setup to active through Harbor beside plain Docker (LaunchBench),
#                                          needs a Docker engine and the image harbor-test/mcp-everything, e.g.
#     bench/run.sh launch > /tmp/launch-bench.md
#     bench/run.sh launch -Dharbor.bench.launch.runs=5
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
elif [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi

if [ "${1:-}" = policy ] || [ "${1:-}" = launch ]; then
  # Both built with -Ppolicy into bench/target/policy: they need the Node modules and app besides the
  # four below. One jar holds both; the main class picks the benchmark.
  if [ "$1" = launch ]; then
    MAIN=dev.harbor.bench.LaunchBench
  else
    MAIN=dev.harbor.bench.PolicyBench
  fi
  shift
  JAR=bench/target/policy/bench-policy.jar
  LIB=bench/target/policy/lib
  PROFILE=(-Ppolicy)
  MODULES=(schemas platform embedded-kafka hub-catalog-publisher node-api node-policy-stream node-launcher
           audit-sink app bench)
else
  JAR=bench/target/bench.jar
  LIB=bench/target/lib
  MAIN=dev.harbor.bench.CatalogBench
  PROFILE=()
  # The benchmark and the modules it is built from; a change to any of them triggers a rebuild.
  MODULES=(schemas platform embedded-kafka hub-catalog-publisher bench)
fi

stale() {
  [ -f "$JAR" ] || return 0
  [ pom.xml -nt "$JAR" ] && return 0
  local module
  for module in "${MODULES[@]}"; do
    if [ "$module/pom.xml" -nt "$JAR" ]; then
      return 0
    fi
    if [ -d "$module/src/main" ] \
        && [ -n "$(find "$module/src/main" -newer "$JAR" -type f -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}

if stale; then
  echo "bench: building the benchmark and the modules it uses..." >&2
  mvn -B -ntp -q -pl bench -am "${PROFILE[@]}" package -Dmaven.test.skip=true >&2
fi

exec "$JAVA_HOME/bin/java" -XX:+UseG1GC -Xms2g -Xmx2g "$@" \
  -cp "$JAR:$LIB/*" "$MAIN"
