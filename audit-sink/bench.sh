#!/usr/bin/env bash
# Runs the audit query benchmark (dev.harbor.audit.bench.AuditQueryBench, a main in the test
# sources, so the module's jar ships no benchmark code) on the module's test classpath.
#   audit-sink/bench.sh [events]      default 1000000; takes about 5 minutes on 2 cores
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -q -o -pl audit-sink test-compile
mvn -q -o -pl audit-sink dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
exec "$JAVA_HOME/bin/java" -Xmx2g -XX:+UseG1GC \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error \
  -Dorg.slf4j.simpleLogger.log.kafka=error -Dorg.slf4j.simpleLogger.log.state.change.logger=error \
  -cp "audit-sink/target/test-classes:audit-sink/target/classes:$(cat audit-sink/target/bench.classpath)" \
  dev.harbor.audit.bench.AuditQueryBench "$@"
