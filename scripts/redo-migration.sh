#!/usr/bin/env bash
# Regenerates the newest, not yet committed migration NAME in both sets after a model change, under a lock so that two
# people (or two terminals) working on the same branch never generate at once. Usage: scripts/redo-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/redo-migration.sh NAME}"
exec 9>"${TMPDIR:-/tmp}/attest-migration.lock"
flock 9
for provider in Sqlite Postgres; do
  dir="src/Attest/Data/Migrations/${provider}"
  if git ls-files --error-unmatch "$dir"/*_"${name}".cs >/dev/null 2>&1; then
    echo "Migration ${name} is committed; add a new one with scripts/add-migration.sh instead." >&2
    exit 1
  fi
  rm -f "$dir"/*_"${name}".cs "$dir"/*_"${name}".Designer.cs
  git checkout -- "$dir/${provider}AttestDbContextModelSnapshot.cs"
done
scripts/add-migration.sh "$name"
