#!/usr/bin/env bash
# The whole test suite: unit, functional on SQLite and PostgreSQL, and browser tests.
# Installs what is missing (as root, from Debian's packages), starts a throwaway PostgreSQL
# cluster on loopback, runs everything, and stops what it started.
#
#   ./test.sh                 everything
#   ./test.sh --filter X      passes the filter on to dotnet test
set -euo pipefail
cd "$(dirname "$0")"

configuration=Release
work=$(mktemp -d /tmp/shanxi-test.XXXXXX)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s\n' "$*"; }

# --- 1. What the tests need from the system -------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The two-instance test puts two portal processes behind an nginx of its own.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
# The shared rate limits run on a throwaway redis-server each test starts on a free port.
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# Without CJK fonts, screenshots show boxes for every Chinese character.
[ -d /usr/share/fonts/opentype/noto ] && fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "Installing ${missing[*]} from Debian's packages"
    apt-get update -qq
    # Packages must not start their services (nginx would take port 80, redis 6379): the tests start their own.
    no_start=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && no_start=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if [ -n "$no_start" ]; then rm -f /usr/sbin/policy-rc.d; fi
  else
    echo "Missing: ${missing[*]}. Install them (apt-get install ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
fi

# --- 2. A throwaway PostgreSQL cluster on loopback -----------------------------------
log "PostgreSQL"
trap 'declare -F stop_postgres >/dev/null && stop_postgres; rm -rf "$work"' EXIT
# shellcheck source=scripts/postgres.sh
. scripts/postgres.sh
export SHANXI_TEST_POSTGRES="$SHANXI_PG_ADMIN"

# --- 3. Build once, then every test project -------------------------------------------
log "Restoring and building ($configuration)"
dotnet restore ShanxiIdentity.sln --nologo -v quiet
dotnet build ShanxiIdentity.sln -c "$configuration" --no-restore --nologo -v quiet -clp:ErrorsOnly

export SHANXI_ARTIFACTS="${SHANXI_ARTIFACTS:-$PWD/artifacts}"
mkdir -p "$SHANXI_ARTIFACTS"
status=0
passed=0; failed=0; skipped=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log "Testing $name"
  out="$work/$name.out"
  # No "|| true" here: with pipefail it would run on a failing dotnet test and reset PIPESTATUS.
  set +e
  dotnet test "$project" -c "$configuration" --no-build --nologo "$@" \
    --logger "console;verbosity=normal" --results-directory "$SHANXI_ARTIFACTS/test-results" \
    --logger "trx;LogFileName=$name.trx" 2>&1 | tee "$out" | grep -E '^\s+(Passed|Failed|Skipped) |Failed!|Passed!|Skipped!|: error |Suite count:'
  statuses=("${PIPESTATUS[@]}")
  set -e
  code=${statuses[0]}
  p=$(grep -oE 'Passed: +[0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  f=$(grep -oE 'Failed: +[0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  s=$(grep -oE 'Skipped: +[0-9]+' "$out" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ "$code" -ne 0 ]; then
    status=1
    # The failures' messages, from the results file (the console shows only their names).
    trx="$SHANXI_ARTIFACTS/test-results/$name.trx"
    if [ -f "$trx" ]; then
      tr '\n' ' ' < "$trx" | grep -oE '<UnitTestResult [^>]*testName="[^"]*"[^>]*outcome="Failed"|<Message>[^<]*' \
        | sed -E 's/.*testName="([^"]*)".*/FAILED \1/; s/<Message>/    /' | head -n 60 || true
    fi
  fi
done

echo
echo "Artifacts (test results, screenshots): $SHANXI_ARTIFACTS"
echo "$passed passed, $failed failed, $skipped skipped"
# Belt and braces: any counted failure fails the run, whatever the exit codes said.
[ "$failed" -eq 0 ] || status=1
# A plain `dotnet test` skips the PostgreSQL tests when SHANXI_TEST_POSTGRES is unset, with the
# reason; this script sets it, so here a skipped test means something is missing: fail.
if [ "$skipped" -gt 0 ]; then
  echo "$skipped test(s) skipped: the whole suite must run here (see the reasons above)." >&2
  status=1
fi
exit $status
