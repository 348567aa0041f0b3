#!/usr/bin/env bash
# Adds one migration named $1 for each provider (SQLite, PostgreSQL, SQL Server) and regenerates the
# compiled models, so the model, the three migration sets and the compiled models never drift apart.
#   scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for p in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$name" -p "src/ShanxiIdentity.Data.$p" -s "src/ShanxiIdentity.Data.$p" -o Migrations
done
scripts/compiled-models.sh
