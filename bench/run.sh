#!/usr/bin/env bash
# The performance benchmark, in one command: starts a throwaway PostgreSQL, then measures the
# stock template, raw hashing and ShanxiIdentity on SQLite and PostgreSQL side by side, and writes
# docs/benchmarks.md.   bench/run.sh [--smoke] [--duration S] [--warm-up S] [--process-warm-up S] [--workers N] [--large N] [--skip-peer]
#                        [--only 'TEXT|TEXT…': just the scenarios whose name contains one of the texts; writes nothing]
#                        [--rounds N: measure each scenario N times in a row and print every round, to see it settle]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/shanxi-bench.XXXXXX)
trap 'declare -F stop_postgres >/dev/null && stop_postgres; rm -rf "$work"' EXIT
# PostgreSQL for the second provider, wrk for the page throughput, redis-server and nginx for the
# login storm on two instances (the benchmark starts its own of each, on free loopback ports).
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  # Packages must not start their services (nginx would take port 80, redis 6379), as in test.sh.
  no_start=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && no_start=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if [ -n "$no_start" ]; then rm -f /usr/sbin/policy-rc.d; fi
fi
# shellcheck source=../scripts/postgres.sh
. scripts/postgres.sh
dotnet run -c Release --project bench/ShanxiIdentity.Benchmark -- --postgres "$SHANXI_PG_ADMIN" "$@"
