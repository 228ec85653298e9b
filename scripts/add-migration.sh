#!/usr/bin/env bash
# Generates a migration in both sets (SQLite and PostgreSQL) from the current model.
# Migrations are generated, never edited by hand. Usage: scripts/add-migration.sh NAME
# To redo an unreleased migration, delete its two pairs of files and restore the snapshots with git;
# `dotnet ef migrations remove` writes the snapshots under a wrong folder (the assembly is Attest.Core).
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NAME}"
dotnet tool restore >/dev/null
dotnet build src/Attest/Attest.csproj -c Debug -v quiet -nologo >/dev/null
for provider in Sqlite Postgres; do
  dotnet tool run dotnet-ef migrations add "$name" \
    --project src/Attest/Attest.csproj \
    --context "${provider}AttestDbContext" \
    --output-dir "Data/Migrations/${provider}" \
    --namespace "Attest.Data.Migrations.${provider}" \
    --no-build
done
echo "Added migration $name for SQLite and PostgreSQL."
