#!/usr/bin/env bash
# The performance benchmark, in one command: starts a throwaway PostgreSQL, then measures the
# stock template, raw hashing and ShanxiIdentity on SQLite and PostgreSQL side by side, and writes
# docs/benchmarks.md.   bench/run.sh [--smoke] [--duration S] [--warm-up S] [--process-warm-up S] [--workers N] [--large N] [--skip-peer]
#                        [--only TEXT: just the scenarios whose name contains TEXT; writes nothing]
#                        [--rounds N: measure each scenario N times in a row and print every round, to see it settle]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/shanxi-bench.XXXXXX)
trap 'declare -F stop_postgres >/dev/null && stop_postgres; rm -rf "$work"' EXIT
# PostgreSQL for the second provider, wrk for the page throughput.
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# shellcheck source=../scripts/postgres.sh
. scripts/postgres.sh
dotnet run -c Release --project bench/ShanxiIdentity.Benchmark -- --postgres "$SHANXI_PG_ADMIN" "$@"
