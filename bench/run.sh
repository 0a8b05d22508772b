#!/usr/bin/env bash
# Runs the catalog benchmark, building it first when needed: bench/run.sh [JVM options...]
# Markdown results go to standard output, progress and logs to standard error, e.g.
#   bench/run.sh > /tmp/bench.md
#   bench/run.sh -Dharbor.bench.synthetic=20000 -Dharbor.bench.runs=1
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
elif [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi

JAR=bench/target/bench.jar
# The benchmark and the modules it is built from; a change to any of them triggers a rebuild.
MODULES=(schemas platform embedded-kafka hub-catalog-publisher bench)

stale() {
  [ -f "$JAR" ] || return 0
  [ pom.xml -nt "$JAR" ] && return 0
  local module
  for module in "${MODULES[@]}"; do
    if [ "$module/pom.xml" -nt "$JAR" ] \
        || [ -n "$(find "$module/src/main" -newer "$JAR" -type f -print -quit)" ]; then
      return 0
    fi
  done
  return 1
}

if stale; then
  echo "bench: building the benchmark and the modules it uses..." >&2
  mvn -B -ntp -q -pl bench -am package -Dmaven.test.skip=true >&2
fi

exec "$JAVA_HOME/bin/java" -XX:+UseG1GC -Xms2g -Xmx2g "$@" \
  -cp "$JAR:bench/target/lib/*" dev.harbor.bench.CatalogBench
