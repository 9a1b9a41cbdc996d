#!/usr/bin/env bash
# Realtime engine benchmark: fan-out latency to 1,000 sockets, burst deliveries per second and
# server CPU per delivery, then idle sockets and heap per socket. The server runs on the test
# classpath with the test-node profile, whose POST /test-node/publish calls the Broadcaster as
# the message module's listeners will. Results go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18091}
HEAP=${BENCH_SERVER_HEAP:-1g}
BASE="http://127.0.0.1:$PORT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
export PATH="$JAVA_HOME/bin:$PATH"

./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
DATA=$(mktemp -d)
mkdir -p bench/results
OUT="bench/results/realtime-$(date +%Y%m%d-%H%M%S).txt"

"$JAVA" -Xmx"$HEAP" -cp "$CP" com.rosettachat.RosettaChatApplication \
  --server.port="$PORT" --spring.profiles.active=realtime-test-node --rosetta.data-dir="$DATA" \
  --management.endpoints.access.default=unrestricted --spring.servlet.multipart.max-file-size=25MB \
  --rosetta.rate-limit.api-per-minute=1000000000 --server.tomcat.accept-count=1024 --logging.level.root=WARN > "$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "$BASE/actuator/health" >/dev/null; do
  kill -0 $PID 2>/dev/null || { cat "$DATA/server.log"; exit 1; }
  sleep 0.5
done

{
  echo "== RosettaChat realtime benchmark $(date -u +%FT%TZ), $(nproc) cores, server -Xmx$HEAP, $("$JAVA" -version 2>&1 | head -1)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" -Xmx1g bench/RealtimeBench.java "$BASE" "$PID"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | grep -v '^WARNING' | tee "$OUT"
