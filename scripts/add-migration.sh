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
  # EF wraps each designer and the snapshot in '#pragma warning disable/restore 612, 618'. The model
  # uses no obsolete API (the build has warnings as errors), so the pragmas would only hide one that
  # came to be used: drop them, as from the migrations already in the repository.
  sed -i '/^#pragma warning \(disable\|restore\) 612, 618$/d' "src/ShanxiIdentity.Data.$p"/Migrations/*.cs
done
scripts/compiled-models.sh
