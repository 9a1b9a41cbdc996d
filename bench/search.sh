#!/usr/bin/env bash
# Search latency (p50/p90/p99 over HTTP on loopback) over a workspace of 100,000 messages in five
# languages, on an in-process PostgreSQL 17 and on an H2 file, indexed by the server's own backfill.
# Usage: bench/search.sh [postgres|h2|both] [messages] [translations per message] [queries]
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MVN_FLAGS=${MVN_FLAGS:--o}
./mvnw -q -B $MVN_FLAGS compile
# Test scope for the embedded PostgreSQL; S3Mock's jar is left out (its application.properties would reach the server).
./mvnw -q -B $MVN_FLAGS dependency:build-classpath -Dmdep.includeScope=test -Dmdep.excludeGroupIds=com.adobe.testing \
  -Dmdep.outputFile=target/bench-test-classpath.txt
mkdir -p bench/results
WHICH=${1:-both}
shift || true
for DB in $([ "$WHICH" = both ] && echo "postgres h2" || echo "$WHICH"); do
  OUT="bench/results/search-$DB-$(date +%Y%m%d-%H%M%S).txt"
  # The server's heap; the benchmark's own client shares it (it is small next to the server's work).
  "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -cp "target/classes:$(cat target/bench-test-classpath.txt)" \
    bench/search/SearchBench.java "$DB" "$@" 2>&1 | grep -v '^SLF4J' | tee "$OUT"
done
