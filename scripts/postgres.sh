# Sourced by test.sh and bench/run.sh: a throwaway PostgreSQL cluster on a free loopback port.
# Needs $work (a scratch folder the caller removes); sets SHANXI_PG_ADMIN (a connection string for
# a role that may create databases) and the function stop_postgres.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_data="$work/pgdata"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi
mkdir -p "$pg_data"; [ ${#as_pg[@]} -gt 0 ] && chown postgres "$pg_data"

stop_postgres() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
}

echo "Starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$pg_port"
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -w -l "$work/postgres.log" \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
"${as_pg[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc \
  "CREATE ROLE shanxi LOGIN PASSWORD 'shanxi' CREATEDB" >/dev/null
SHANXI_PG_ADMIN="Host=127.0.0.1;Port=$pg_port;Username=shanxi;Password=shanxi;Database=postgres"
