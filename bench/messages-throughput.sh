#!/usr/bin/env bash
# Measures, in one run per database (H2 file, then PostgreSQL), against one server each:
#   the bare endpoint (liveness probe), POST .../messages from 32 concurrent clients, and
#   GET .../messages?limit=50 (a 50-message history page), with throughput and p50/p99 latency.
# Needs wrk; PostgreSQL comes from Debian's postgresql package (installed when missing) and runs
# as a throw-away cluster on a private port. Results go to bench/results/.
# BENCH_TRANSLATION=on adds a Japanese-reading member and translates every post in the background
# through a LibreTranslate stub (bench/libretranslate-stub.py), to compare posting with
# translation on and off.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18091}
PG_PORT=${BENCH_PG_PORT:-55432}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
DATABASES=${BENCH_DATABASES:-"h2 postgres"}
TRANSLATION=${BENCH_TRANSLATION:-off}
STUB_PORT=${BENCH_STUB_PORT:-18092}
BASE="http://127.0.0.1:$PORT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

ls target/rosettachat-*.jar >/dev/null 2>&1 || ./mvnw -q -B -DskipTests package
JAR=$(ls target/rosettachat-*.jar | grep -v original | head -1)
mkdir -p bench/results
OUT="bench/results/messages-$(date +%Y%m%d-%H%M%S).txt"
WORK=$(mktemp -d)
chmod 755 "$WORK"
SERVER_PID=""
STUB_PID=""
PG_DATA=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null || true
  [ -n "$PG_DATA" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$PG_BIN" ]; then
    apt-get install -y postgresql >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  PG_DATA="$WORK/pg"
  mkdir -p "$PG_DATA" && chown postgres "$PG_DATA"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/pg.log" \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c max_connections=100" -w start >/dev/null
}

start_server() { # $1 = h2 | postgres
  local env=(ROSETTA_DATA_DIR="$WORK/data-$1" PORT=$PORT ROSETTA_RATE_LIMIT_API_PER_MINUTE=1000000000)
  if [ "$TRANSLATION" = on ]; then
    env+=(ROSETTA_TRANSLATION_PROVIDER=libretranslate ROSETTA_TRANSLATION_URL="http://127.0.0.1:$STUB_PORT")
  fi
  if [ "$1" = postgres ]; then
    env+=(ROSETTA_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" ROSETTA_DB_USERNAME=postgres ROSETTA_DB_PASSWORD=x)
  fi
  env "${env[@]}" "$JAVA_HOME/bin/java" -jar "$JAR" > "$WORK/server-$1.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf "$BASE/actuator/health/liveness" >/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server failed to start:" >&2; tail -20 "$WORK/server-$1.log" >&2; exit 1; }
    sleep 0.1
  done
}

measure() { # $1 = database label
  local email="bench-$(date +%s%N)@example.com"
  local token ws channel created
  token=$(curl -sf -X POST "$BASE/api/v1/auth/app/register" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench\",\"email\":\"$email\",\"password\":\"bench-password-1\",\"password_confirmation\":\"bench-password-1\"}" \
    | json '["access_token"]')
  created=$(curl -sf -X POST "$BASE/api/v1/workspaces" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"name":"Bench"}')
  ws=$(echo "$created" | json '["data"]["id"]')
  channel=$(echo "$created" | json '["data"]["default_channel_id"]')
  local messages="$BASE/api/v1/workspaces/$ws/channels/$channel/messages"
  if [ "$TRANSLATION" = on ]; then # a reader of Japanese: every post then needs a translation
    local reader invite
    reader=$(curl -sf -X POST "$BASE/api/v1/auth/app/register" -H 'Content-Type: application/json' \
      -d "{\"name\":\"Reader\",\"email\":\"ja-$email\",\"password\":\"bench-password-1\",\"password_confirmation\":\"bench-password-1\"}" \
      | json '["access_token"]')
    curl -sf -X PATCH "$BASE/api/v1/me" -H "Authorization: Bearer $reader" -H 'Content-Type: application/json' \
      -d '{"preferred_language":"ja"}' >/dev/null
    invite=$(curl -sf -X POST "$BASE/api/v1/workspaces/$ws/invites" -H "Authorization: Bearer $token" | json '["data"]["token"]')
    curl -sf -X POST "$BASE/api/v1/invites/$invite/accept" -H "Authorization: Bearer $reader" >/dev/null
  fi
  export BENCH_TOKEN="$token"

  wrk -t1 -c4 -d3s "$BASE/actuator/health/liveness" >/dev/null
  wrk -t1 -c4 -d3s -s bench/post-message.lua "$messages" >/dev/null
  local bare posts history
  bare=$(wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency "$BASE/actuator/health/liveness" | tee -a "$OUT")
  posts=$(wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/post-message.lua "$messages" | tee -a "$OUT")
  drain "$1"
  history=$(wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -H "Authorization: Bearer $token" "$messages?limit=50" | tee -a "$OUT")
  summary "$1" bare "$bare"
  summary "$1" "posts (32 clients)" "$posts"
  summary "$1" "history page of 50" "$history"
  ratio "$1" posts "$posts" "$bare"
  ratio "$1" history "$history" "$bare"
}

# Posts leave background work (search indexing, translation): wait until the server is idle, so
# the history run measures history alone, and report how long the backlog took.
drain() {
  local start ticks before after
  start=$(date +%s%N)
  ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
  before=$(ticks)
  for _ in $(seq 240); do
    sleep 0.5; after=$(ticks)
    [ $((after - before)) -lt 5 ] && break # under 10% of one core in the last half second
    before=$after
  done
  printf '%-9s background work after the posts drained in %s ms\n' "$1" $(( ($(date +%s%N) - start) / 1000000 )) | tee -a "$OUT"
}

rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
pct() { echo "$1" | awk -v p="$2" '$1 == p {print $2}'; }
summary() { printf '%-9s %-20s %10s req/s   p50 %8s   p99 %8s\n' "$1" "$2" "$(rps "$3")" "$(pct "$3" 50%)" "$(pct "$3" 99%)" | tee -a "$OUT"; }
ratio() { awk -v a="$(rps "$3")" -v b="$(rps "$4")" -v d="$1" -v w="$2" 'BEGIN { printf "%-9s %s / bare = %.0f%%\n", d, w, 100 * a / b }' | tee -a "$OUT"; }

echo "== RosettaChat messages benchmark $(date -u +%FT%TZ), $(nproc) cores, $THREADS wrk threads, $CONNECTIONS connections, $DURATION each, translation $TRANSLATION, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
if [ "$TRANSLATION" = on ]; then
  python3 bench/libretranslate-stub.py "$STUB_PORT" & STUB_PID=$!
fi
for db in $DATABASES; do
  [ "$db" = postgres ] && start_postgres
  start_server "$db"
  measure "$db"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
done
