#!/usr/bin/env bash
# Command 2: run every test.
#
# Installs the system packages the tests need, starts local PostgreSQL, RabbitMQ, Apertium APY
# and a mail pair (Dovecot IMAP, OpenSMTPD delivering into it) (reusing any that already answer), installs Caddy (the
# reverse proxy test starts the shipped Caddyfile), runs `dotnet test` on the solution and
# prints, as the last line, "N passed, N failed, N skipped" summed over all test projects.
#
# Usage: infra/test.sh [extra dotnet test args, e.g. --filter Category=Unit]
#
# Environment:
#   TIPLINE_TEST_DATA           data dir (default: <repo>/.tipline/test): pgdata, logs, results
#   TIPLINE_TEST_PG_PORT        PostgreSQL port (default 55432)
#   TIPLINE_TEST_APY_PORT       Apertium APY port (default 2737)
#   TIPLINE_TEST_IMAP_PORT      Dovecot IMAP port (default 10143); TIPLINE_TEST_SMTP_PORT SMTP (default 10025)
#   TIPLINE_TEST_MAIL_DATA      mailboxes and mail server logs (default /var/tmp/tipline-test-mail)
#   TIPLINE_TEST_CHROMIUM       browser for UI tests (default /usr/bin/chromium)
#   TIPLINE_TEST_SERVICES_ONLY  if 1: start the services, print the exported variables and
#                               stop before running tests (handy to run tests from an IDE:
#                               eval "$(TIPLINE_TEST_SERVICES_ONLY=1 infra/test.sh | grep ^export)")
#
# Test fixtures fall back to Testcontainers when these variables are absent and Docker works,
# but this script always takes the local path so it behaves the same with or without Docker.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=$(realpath -m "${TIPLINE_TEST_DATA:-$repo/.tipline/test}")
pg_port=${TIPLINE_TEST_PG_PORT:-55432}
apy_port=${TIPLINE_TEST_APY_PORT:-2737}
imap_port=${TIPLINE_TEST_IMAP_PORT:-10143}
smtp_port=${TIPLINE_TEST_SMTP_PORT:-10025}
results="$data/results"
mkdir -p "$data"

log() { echo "[test.sh] $*" >&2; }

# Root-only steps (apt, RabbitMQ) go through sudo when we are not root.
need_root() {
  [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 \
    || { log "$1 needs root: run this script as root or install sudo"; exit 1; }
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- (a) system packages -------------------------------------------------------------
# A package counts as present if dpkg has it installed or its command is already on PATH
# (e.g. a CI image that ships its own Chromium).
pkg_present() {
  local pkg=$1 cmd=${2:-}
  if [ -n "$cmd" ] && { command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ]; }; then return 0; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'
}
missing=()
pkg_present rabbitmq-server rabbitmq-server || missing+=(rabbitmq-server)
pkg_present apertium-apy apertium-apy       || missing+=(apertium-apy)
pkg_present apertium-eng-spa                || missing+=(apertium-eng-spa)
pkg_present chromium chromium               || missing+=(chromium)
pkg_present espeak-ng espeak-ng             || missing+=(espeak-ng)
pkg_present sox sox                         || missing+=(sox)
pkg_present pocketsphinx pocketsphinx_continuous || missing+=(pocketsphinx)
pkg_present pocketsphinx-en-us                   || missing+=(pocketsphinx-en-us)
pkg_present libsox-fmt-mp3                       || missing+=(libsox-fmt-mp3)
pkg_present caddy caddy                          || missing+=(caddy)
pkg_present dovecot-imapd                        || missing+=(dovecot-imapd)
pkg_present dovecot-lmtpd                        || missing+=(dovecot-lmtpd)
pkg_present opensmtpd                            || missing+=(opensmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  need_root "installing ${missing[*]}"
  log "installing: ${missing[*]}"
  # Only refresh the package index when something must be installed: keeps reruns fast.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" </dev/null >&2
  # Where the package scripts could start the system-wide mail daemons, stop them: ours run from their own
  # config below, and OpenSMTPD's queue and control socket exist once per machine.
  for svc in opensmtpd dovecot; do
    if [ -x "/etc/init.d/$svc" ]; then as_root "/etc/init.d/$svc" stop </dev/null >/dev/null 2>&1 || true; fi
  done
fi

# --- (b) PostgreSQL ------------------------------------------------------------------
pg_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  # shellcheck disable=SC2012 # version-sorted glob of fixed paths
  ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true
}
pg_up() {
  local isready; isready=$(pg_bin pg_isready)
  if [ -n "$isready" ]; then "$isready" -q -h 127.0.0.1 -p "$pg_port" -U postgres
  else (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null
  fi
}
if pg_up; then
  log "reusing PostgreSQL already listening on 127.0.0.1:$pg_port"
else
  log "starting PostgreSQL on 127.0.0.1:$pg_port (data: $data/pgdata)"
  "$repo/infra/scripts/start-postgres.sh" "$data/pgdata" "$pg_port"
  # The cluster may already have been running on another port: check the one we export.
  pg_up || { log "PostgreSQL is not answering on port $pg_port (see $data/pgdata/server.log)"; exit 1; }
fi

# --- (c) RabbitMQ --------------------------------------------------------------------
need_root "checking RabbitMQ (rabbitmq-diagnostics)"
rabbit_up() { as_root rabbitmq-diagnostics -q ping >/dev/null 2>&1; }
if rabbit_up; then
  log "reusing running RabbitMQ"
else
  log "starting RabbitMQ"
  # Output to a log so the daemon holds no handle on our stdout (CI waits on it otherwise).
  as_root rabbitmq-server -detached >"$data/rabbitmq-start.log" 2>&1 </dev/null
  for _ in $(seq 1 30); do rabbit_up && break; sleep 2; done
  rabbit_up || { log "RabbitMQ did not answer within 60 s (see $data/rabbitmq-start.log)"; exit 1; }
fi
# The management HTTP API makes each test's virtual host in milliseconds; rabbitmqctl starts an Erlang VM per call.
rabbit_api="http://127.0.0.1:15672/"
rabbit_api_up() { curl -fs -o /dev/null --max-time 5 -u guest:guest "${rabbit_api}api/overview"; }
if ! rabbit_api_up; then
  log "enabling RabbitMQ's management API"
  as_root rabbitmq-plugins enable --quiet rabbitmq_management >"$data/rabbitmq-plugins.log" 2>&1 </dev/null \
    || log "could not enable rabbitmq_management (see $data/rabbitmq-plugins.log); tests fall back to rabbitmqctl"
  for _ in $(seq 1 30); do rabbit_api_up && break; sleep 1; done
fi
rabbit_api_up || rabbit_api=""

# --- (d) Apertium APY ----------------------------------------------------------------
apy_url="http://127.0.0.1:$apy_port"
apy_up() { curl -fs -o /dev/null --max-time 5 "$apy_url/listPairs"; }
if apy_up; then
  log "reusing Apertium APY on port $apy_port"
else
  log "starting Apertium APY on port $apy_port (log: $data/apy.log)"
  apy=$(command -v apertium-apy || echo /usr/bin/apertium-apy)
  # setsid + nohup: APY outlives this script and is not killed by Ctrl-C on the tests.
  setsid nohup "$apy" -p "$apy_port" /usr/share/apertium/modes >"$data/apy.log" 2>&1 </dev/null &
  disown || true
  for _ in $(seq 1 60); do apy_up && break; sleep 1; done
  apy_up || { log "Apertium APY did not answer within 60 s (see $data/apy.log)"; exit 1; }
fi

# --- (d2) mail: Dovecot IMAP + OpenSMTPD ------------------------------------------------
need_root "starting Dovecot and OpenSMTPD"
# Mail lives outside the repo: Dovecot's unprivileged user must reach it, and a checkout under /root is closed to it.
as_root "$repo/infra/scripts/start-mail.sh" "${TIPLINE_TEST_MAIL_DATA:-/var/tmp/tipline-test-mail}" "$imap_port" "$smtp_port"

# --- (d3) the OpenID provider for single sign-on: panva/oidc-provider from npm, pinned by its lock file -------------
oidc_dir="$repo/infra/oidc"
if [ ! -d "$oidc_dir/node_modules/oidc-provider" ]; then
  log "installing the OpenID provider (npm ci in infra/oidc)"
  npm ci --prefix "$oidc_dir" --no-audit --no-fund --loglevel=error >"$data/oidc-npm.log" 2>&1 \
    || { log "npm ci in infra/oidc failed (see $data/oidc-npm.log)"; exit 1; }
fi

# --- (e) connection settings for the test fixtures ------------------------------------
export TIPLINE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
export TIPLINE_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:5672/"
export TIPLINE_TEST_RABBITMQ_API="$rabbit_api"
export TIPLINE_TEST_CADDY="$(command -v caddy || echo caddy)"
export TIPLINE_TEST_APY="$apy_url"
export TIPLINE_TEST_IMAP="127.0.0.1:$imap_port"
export TIPLINE_TEST_SMTP="127.0.0.1:$smtp_port"
export TIPLINE_TEST_OIDC_PROVIDER="$oidc_dir/provider.mjs"
# /usr/bin/chromium is Debian's; other images may put the browser elsewhere on PATH.
if [ -z "${TIPLINE_TEST_CHROMIUM:-}" ]; then
  TIPLINE_TEST_CHROMIUM=/usr/bin/chromium
  [ -x "$TIPLINE_TEST_CHROMIUM" ] || TIPLINE_TEST_CHROMIUM=$(command -v chromium || echo /usr/bin/chromium)
fi
export TIPLINE_TEST_CHROMIUM

if [ "${TIPLINE_TEST_SERVICES_ONLY:-0}" = 1 ]; then
  for v in TIPLINE_TEST_POSTGRES TIPLINE_TEST_RABBITMQ TIPLINE_TEST_RABBITMQ_API TIPLINE_TEST_CADDY TIPLINE_TEST_APY TIPLINE_TEST_CHROMIUM TIPLINE_TEST_IMAP TIPLINE_TEST_SMTP TIPLINE_TEST_OIDC_PROVIDER; do
    printf 'export %s=%q\n' "$v" "${!v}"
  done
  exit 0
fi

# --- (f) tests -----------------------------------------------------------------------
# Empty the results dir so only this run's .trx files are counted.
rm -rf "$results"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rc=0
dotnet test "$repo/TipLine.sln" --logger "trx" --results-directory "$results" "$@" || rc=$?

# --- (g) summary ---------------------------------------------------------------------
# Sums the <Counters> of every .trx: error/timeout/aborted count as failed; tests counted in
# total but not executed (how xunit reports skips) or notExecuted count as skipped. A run
# that failed outside any test (build error, crashed test host) while no test reports a
# failure counts as one failure, so the summary never hides a red run.
summary=$(python3 - "$results" "$rc" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
results, rc = sys.argv[1], int(sys.argv[2])
files = sorted(glob.glob(os.path.join(results, "**", "*.trx"), recursive=True))
passed = failed = skipped = 0
for path in files:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        failed += 1  # a truncated report means the run broke
        continue
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "Counters":
            n = lambda k: int(el.get(k, "0") or 0)
            passed += n("passed")
            failed += n("failed") + n("error") + n("timeout") + n("aborted")
            # xunit's skipped tests show only as total > executed (notExecuted stays 0).
            executed = int(el.get("executed", el.get("total", "0")) or 0)
            skipped += max(n("notExecuted"), n("total") - executed)
if not files:
    passed, failed, skipped = 0, 1, 0
elif rc != 0 and failed == 0:
    failed = 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
) || summary="0 passed, 1 failed, 0 skipped"
echo "$summary"

failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) failed.*/\1/')
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
