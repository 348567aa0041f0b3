#!/usr/bin/env bash
# Runs the portal (http://localhost:5034) and the 我的办件 sample (http://localhost:5035) together,
# in Development, on the embedded SQLite default. The sample's client secret is random at every
# start and handed to both processes here, so no secret lives in the repository. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"

secret="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
dotnet build src/ShanxiIdentity.Web --nologo -v quiet -clp:ErrorsOnly
dotnet build src/ShanxiIdentity.MyCases --nologo -v quiet -clp:ErrorsOnly

SingleSignOn__DevelopmentClient__Secret="$secret" \
  dotnet run --no-build --project src/ShanxiIdentity.Web &
portal=$!
trap 'kill $portal ${sample:-} 2>/dev/null || true' EXIT INT TERM

# The sample reads the portal's discovery document at its first sign-in; start it once the portal answers.
for _ in $(seq 1 60); do
  curl -fs http://localhost:5034/healthz >/dev/null 2>&1 && break
  sleep 1
done

Portal__ClientSecret="$secret" \
  dotnet run --no-build --project src/ShanxiIdentity.MyCases &
sample=$!
echo "统一身份认证平台: http://localhost:5034   我的办件（示例业务系统）: http://localhost:5035"
wait
