#!/usr/bin/env bash
# Measures, in one run against one server on the embedded default database:
#   bare endpoint (liveness probe: no auth, no database) vs GET /api/v1/me with a bearer token vs login,
# plus start-up time and idle heap. Needs wrk (apt-get install wrk). Results go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18090}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
BASE="http://127.0.0.1:$PORT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

ls target/rosettachat-*.jar >/dev/null 2>&1 || ./mvnw -q -B -DskipTests package
JAR=$(ls target/rosettachat-*.jar | grep -v original | head -1)
DATA=$(mktemp -d)
mkdir -p bench/results
OUT="bench/results/auth-$(date +%Y%m%d-%H%M%S).txt"

start=$(date +%s%N)
ROSETTA_DATA_DIR="$DATA" PORT=$PORT \
  ROSETTA_RATE_LIMIT_API_PER_MINUTE=1000000000 ROSETTA_RATE_LIMIT_LOGIN_PER_MINUTE=1000000000 \
  "$JAVA_HOME/bin/java" -jar "$JAR" > "$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "$BASE/actuator/health/liveness" >/dev/null; do sleep 0.05; done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
started=$(grep -o 'Started RosettaChatApplication in [0-9.]* seconds' "$DATA/server.log" || true)

export BENCH_EMAIL="bench-$(date +%s)@example.com"
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/app/register" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench\",\"email\":\"$BENCH_EMAIL\",\"password\":\"bench-password-1\",\"password_confirmation\":\"bench-password-1\"}" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

# Idle heap after start-up and one request of each kind, after a full GC.
curl -sf "$BASE/api/v1/me" -H "Authorization: Bearer $TOKEN" >/dev/null
"$JAVA_HOME/bin/jcmd" $PID GC.run >/dev/null
sleep 1
heap=$("$JAVA_HOME/bin/jcmd" $PID GC.heap_info | head -3)

rps() { grep 'Requests/sec' | awk '{print $2}'; }
warm() { wrk -t1 -c4 -d3s "$@" >/dev/null; }

warm "$BASE/actuator/health/liveness"
bare=$(wrk -t$THREADS -c$CONNECTIONS -d$DURATION "$BASE/actuator/health/liveness" | tee -a "$OUT" | rps)
warm -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"
me=$(wrk -t$THREADS -c$CONNECTIONS -d$DURATION -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" | tee -a "$OUT" | rps)
login=$(wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s bench/login.lua "$BASE/api/v1/auth/app/login" | tee -a "$OUT" | rps)

{
  echo "== RosettaChat auth benchmark $(date -u +%FT%TZ), $(nproc) cores, $THREADS wrk threads, $CONNECTIONS connections, $DURATION each"
  echo "start-up: ready in ${ready_ms} ms from process launch (${started:-n/a})"
  echo "idle heap after full GC:"; echo "$heap"
  echo "bare endpoint (GET /actuator/health/liveness): $bare req/s"
  echo "GET /api/v1/me (bearer token):                 $me req/s"
  echo "POST /api/v1/auth/app/login (bcrypt cost 10):  $login req/s"
  awk -v a="$me" -v b="$bare" 'BEGIN { printf "GET /me / bare = %.0f%%\n", 100 * a / b }'
} | tee -a "$OUT"
