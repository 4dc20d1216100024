#!/usr/bin/env bash
# Starts a private PostgreSQL from the machine's own binaries (initdb/pg_ctl on PATH or in
# /usr/lib/postgresql/*/bin). Data is kept in $1 between runs. Prints nothing on success.
# Usage: start-postgres.sh DATA_DIR PORT
set -euo pipefail
data_dir=$(realpath -m "$1")
port=$2

pg_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found; found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] && [ -x "$found/$1" ] && { echo "$found/$1"; return; }
  echo "PostgreSQL binary '$1' not found: install PostgreSQL 15 or newer" >&2; exit 1
}
INITDB=$(pg_bin initdb); PG_CTL=$(pg_bin pg_ctl)

# PostgreSQL refuses to run as root: run it as the 'postgres' user then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

mkdir -p "$data_dir"
[ "$(id -u)" = 0 ] && chown postgres "$data_dir"
socket_dir="$data_dir/socket"

if [ ! -f "$data_dir/PG_VERSION" ]; then
  # Trust only on the private socket and loopback: this cluster is for one machine's own use.
  as_pg "$INITDB" -D "$data_dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$data_dir/../initdb.log" 2>&1 \
    || as_pg "$INITDB" -D "$data_dir" -U postgres --auth=trust -E UTF8 >"$data_dir/../initdb.log" 2>&1
fi
as_pg mkdir -p "$socket_dir"

if as_pg "$PG_CTL" -D "$data_dir" status >/dev/null 2>&1; then exit 0; fi
as_pg "$PG_CTL" -D "$data_dir" -w -t 60 -l "$data_dir/server.log" \
  -o "-p $port -k $socket_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" start >/dev/null
