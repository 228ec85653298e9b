#!/usr/bin/env bash
# The scale lab, end to end: generates the large dataset on SQLite and on a throw-away PostgreSQL cluster,
# runs the page-time benchmark and the 30-second wrk throughput run against `attest serve` on each, and
# writes bench/results/latest.csv and bench/results/throughput.csv.
#   bench/scale.sh                 # both providers, large
#   bench/scale.sh sqlite small    # one provider, small dataset
set -euo pipefail
cd "$(dirname "$0")/.."
providers="${1:-sqlite postgres}"
size="${2:-large}"

if ! command -v wrk >/dev/null; then
    echo "scale.sh: installing wrk (apt-get)" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
dotnet build bench/Attest.Bench -c Release -v quiet -nologo >/dev/null

work="$(mktemp -d)"
PGS_DIR=""
. scripts/postgres-scratch.sh
cleanup() { [[ -n "$PGS_DIR" ]] && pgs_stop "$PGS_DIR"; rm -rf "$work"; }
trap cleanup EXIT

for provider in $providers; do
    if [[ "$provider" == postgres ]]; then
        pgs_start
        # The test cluster caps pools at 20 for many parallel test databases; a server gets the Npgsql default.
        database="${PGS_CONNSTR/Maximum Pool Size=20/Maximum Pool Size=100}"
    else
        database="Data Source=$work/scale.db"
    fi
    dotnet run -c Release --no-build --project bench/Attest.Bench -- scale --size "$size" --database "$database"
done
