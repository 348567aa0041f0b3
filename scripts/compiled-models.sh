#!/usr/bin/env bash
# Regenerates the EF compiled model of each provider (src/ShanxiIdentity.Data.<Provider>/CompiledModel).
# Run after every model change, beside `dotnet ef migrations add`; MigrationTests fails until you do.
# EF's generator opens every file with `#pragma warning disable 219, 612, 618`; the generated code
# raises none of those warnings, so the line is removed: an obsolete member the model comes to use
# then fails the build (warnings are errors) instead of passing silently.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for p in Sqlite PostgreSql SqlServer; do
  rm -rf "src/ShanxiIdentity.Data.$p/CompiledModel"
  dotnet ef dbcontext optimize -p "src/ShanxiIdentity.Data.$p" -s "src/ShanxiIdentity.Data.$p" \
    -o CompiledModel -n "ShanxiIdentity.Data.$p.CompiledModel"
  sed -i '/^#pragma warning disable 219, 612, 618$/d' "src/ShanxiIdentity.Data.$p"/CompiledModel/*.cs
done
