#!/usr/bin/env bash
# GET .../channels with unread counts for a member of 200 channels x 500 messages (read markers at
# varied positions, everything read, nothing ever read): p50/p90/p99 per database, H2 file then
# PostgreSQL (Debian's package, a throw-away cluster on a private port). The server runs inside
# the benchmark's JVM (bench/unread/UnreadBench.java). Results go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${BENCH_PG_PORT:-55433}
DATABASES=${BENCH_DATABASES:-"h2 postgres"}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MVN_FLAGS=${MVN_FLAGS:--o}
./mvnw -q -B $MVN_FLAGS compile
./mvnw -q -B $MVN_FLAGS dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p bench/results
OUT="bench/results/unread-$(date +%Y%m%d-%H%M%S).txt"
WORK=$(mktemp -d)
chmod 755 "$WORK"
. bench/postgres.sh
trap 'stop_postgres; rm -rf "$WORK"' EXIT

for db in $DATABASES; do
  args=()
  if [ "$db" = postgres ]; then
    start_postgres "$PG_PORT"
    args=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" --spring.datasource.username=postgres
          --spring.datasource.password=x)
  fi
  "$JAVA_HOME/bin/java" -Xms512m -Xmx1g -cp "target/classes:$(cat target/bench-classpath.txt)" \
    bench/unread/UnreadBench.java "${args[@]}" 2>&1 | grep -v '^SLF4J' | tee -a "$OUT"
done
