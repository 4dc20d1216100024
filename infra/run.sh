#!/usr/bin/env bash
# Command 1: run the whole system on this machine with no external service.
#
# Starts a private PostgreSQL (data kept in <repo>/.tipline/pgdata between runs), creates the
# `tipline` database, generates the privacy keys once, starts Apertium APY when it is
# installed, applies the schema migrations (--target migrate), then runs every module in one
# process with the in-memory bus and demo data.
#
# Usage: infra/run.sh [extra app args]
#
# Environment:
#   TIPLINE_PG_PORT   PostgreSQL port (default 55433)
#   TIPLINE_APY_PORT  Apertium APY port (default 2737)
#   TIPLINE_URLS      listen URLs (default http://127.0.0.1:5080)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state="$repo/.tipline"
pg_port=${TIPLINE_PG_PORT:-55433}
apy_port=${TIPLINE_APY_PORT:-2737}
mkdir -p "$state"

log() { echo "[run.sh] $*" >&2; }

pg_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found
  # shellcheck disable=SC2012 # version-sorted glob of fixed paths
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/$1" ] && { echo "$found/$1"; return; }
  log "PostgreSQL client '$1' not found: install PostgreSQL 15 or newer"; exit 1
}

# --- PostgreSQL and the database -------------------------------------------------------
"$repo/infra/scripts/start-postgres.sh" "$state/pgdata" "$pg_port"
PSQL=$(pg_bin psql); CREATEDB=$(pg_bin createdb)
if [ -z "$("$PSQL" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Atc \
    "SELECT 1 FROM pg_database WHERE datname='tipline'")" ]; then
  log "creating database tipline"
  "$CREATEDB" -h 127.0.0.1 -p "$pg_port" -U postgres tipline
fi

# --- privacy keys ------------------------------------------------------------------------
# Generated once and kept: changing them would make stored pseudonyms, sealed contacts
# and receipts unreadable. Missing keys are appended, existing ones never replaced.
secrets="$state/secrets.env"
random_key() {
  if command -v openssl >/dev/null 2>&1; then openssl rand -base64 32
  else head -c 32 /dev/urandom | base64 -w0; echo
  fi
}
( umask 077; touch "$secrets" )
chmod 600 "$secrets"
for key in Privacy__PseudonymKey Privacy__SealedContactKey Privacy__ReceiptKey; do
  grep -q "^$key=" "$secrets" || echo "$key=$(random_key)" >>"$secrets"
done

# --- Apertium APY (optional: without it, reports are kept untranslated) ----------------
apy_url="http://127.0.0.1:$apy_port"
apy_up() { curl -fs -o /dev/null --max-time 5 "$apy_url/listPairs"; }
if ! apy_up; then
  if command -v apertium-apy >/dev/null 2>&1; then
    log "starting Apertium APY on port $apy_port (log: $state/apy.log)"
    # setsid + nohup: APY keeps running after the app stops, so the next start is quick.
    setsid nohup apertium-apy -p "$apy_port" /usr/share/apertium/modes >"$state/apy.log" 2>&1 </dev/null &
    disown || true
    for _ in $(seq 1 30); do apy_up && break; sleep 1; done
    apy_up || log "Apertium APY not answering yet; translation will start working once it does"
  else
    log "apertium-apy is not installed: translation is unavailable (apt-get install apertium-apy apertium-eng-spa)"
  fi
fi

# --- the application ---------------------------------------------------------------------
mkdir -p "$state/keys"
chmod 700 "$state/keys"
set -a
# shellcheck disable=SC1090
. "$secrets"
set +a
export ConnectionStrings__TipLine="Host=127.0.0.1;Port=$pg_port;Database=tipline;Username=postgres"
export Bus__Transport=InMemory
export Translation__ApyBaseUrl="$apy_url"
export Demo__Seed=true
export DataProtection__KeysPath="$state/keys"
export ASPNETCORE_URLS="${TIPLINE_URLS:-http://127.0.0.1:5080}"
# Plain HTTP on loopback is development: anywhere else every cookie is Secure and HTTPS answers carry HSTS.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$repo/src/TipLine" -c Release -v quiet -nologo
# The migrate step first, as in production: the app refuses to start on a schema that is behind it.
log "migrating the database"
dotnet run --no-build --project "$repo/src/TipLine" -c Release -- --target migrate
log "starting TipLine on $ASPNETCORE_URLS"
exec dotnet run --no-build --project "$repo/src/TipLine" -c Release -- --target all "$@"
