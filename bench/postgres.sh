# Sourced by bench/unread-channels.sh (messages-throughput.sh keeps its own copy): a throw-away
# PostgreSQL cluster from Debian's postgresql package (installed when missing) on a private port,
# under $WORK. Sets PG_BIN and PG_DATA; stop_postgres ends it. A role with a password is not needed: the cluster trusts local connections.
start_postgres() { # $1 = port
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$PG_BIN" ]; then
    apt-get install -y postgresql >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  # The server's user owns its data, log and socket directory; $WORK itself stays root's.
  local run="$WORK/pg-run"
  PG_DATA="$run/data"
  mkdir -p "$PG_DATA" && chown -R postgres "$run"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$run/pg.log" \
    -o "-p $1 -k $run -c listen_addresses=127.0.0.1 -c max_connections=100" -w start >/dev/null
}

stop_postgres() {
  [ -n "${PG_DATA:-}" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
}
