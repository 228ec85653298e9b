#!/usr/bin/env bash
# Runs the whole test suite against a throw-away PostgreSQL cluster and
# headless Chromium, installing both (Debian packages) when missing.
#
#   ./test.sh                            # everything
#   ./test.sh --filter Category=Fast     # extra args go to `dotnet test`
#
# The last line of output is always the summary: `N passed, N failed[, N skipped]`.
# Env: ATTEST_TEST_TARGET (default Attest.slnx) is what `dotnet test` runs.
set -euo pipefail

cd "$(dirname "$0")"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

. scripts/postgres-scratch.sh

TARGET="${ATTEST_TEST_TARGET:-Attest.slnx}"
CHROMIUM=/usr/bin/chromium

# --- packages -----------------------------------------------------------------

POLICY_RC_CREATED=""
RESULTS_DIR=""
PGS_DIR=""
AS_ROOT=()   # prefix for commands that need root: empty, or sudo on a developer machine

# Idempotent; runs on every exit (trap) and once explicitly before the summary.
cleanup() {
    if [[ -n "$POLICY_RC_CREATED" ]]; then
        "${AS_ROOT[@]}" rm -f /usr/sbin/policy-rc.d || true
        POLICY_RC_CREATED=""
    fi
    if [[ -n "$PGS_DIR" ]]; then
        pgs_stop "$PGS_DIR" || true
        PGS_DIR=""
    fi
    if [[ -n "$RESULTS_DIR" ]]; then
        rm -rf -- "$RESULTS_DIR" || true
        RESULTS_DIR=""
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
pgs_bindir >/dev/null || missing+=(postgresql)
command -v python3 >/dev/null || missing+=(python3)

if (( ${#missing[@]} > 0 )); then
    echo "test.sh: installing ${missing[*]} (apt-get)" >&2
    if [[ "$(id -u)" != 0 ]]; then
        if command -v sudo >/dev/null; then
            AS_ROOT=(sudo -n env DEBIAN_FRONTEND=noninteractive)
        else
            echo "test.sh: not root and no sudo; please install: ${missing[*]}" >&2
            exit 1
        fi
    fi
    # Installing postgresql must not start the system service: deny service
    # starts for the duration of the install unless a policy already exists.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        POLICY_RC_CREATED=1
        "${AS_ROOT[@]}" sh -c 'printf "#!/bin/sh\nexit 101\n" >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
    fi
    apt_log="$(mktemp)"
    if ! "${AS_ROOT[@]}" apt-get update -qq </dev/null >"$apt_log" 2>&1 \
        || ! "${AS_ROOT[@]}" apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null >>"$apt_log" 2>&1; then
        echo "test.sh: apt-get failed:" >&2
        cat "$apt_log" >&2
        rm -f "$apt_log"
        exit 1
    fi
    rm -f "$apt_log"
    if [[ -n "$POLICY_RC_CREATED" ]]; then
        "${AS_ROOT[@]}" rm -f /usr/sbin/policy-rc.d
        POLICY_RC_CREATED=""
    fi
    [[ -x "$CHROMIUM" ]] || { echo "test.sh: $CHROMIUM still missing after install" >&2; exit 1; }
    pgs_bindir >/dev/null || { echo "test.sh: no PostgreSQL under /usr/lib/postgresql/*/bin after install" >&2; exit 1; }
fi

# --- PostgreSQL ---------------------------------------------------------------

pgs_start
export ATTEST_TEST_POSTGRES="$PGS_CONNSTR"
export ATTEST_TEST_CHROMIUM="$CHROMIUM"

# --- tests --------------------------------------------------------------------

RESULTS_DIR="$(mktemp -d)"

dotnet_rc=0
dotnet test "$TARGET" -c Release \
    --results-directory "$RESULTS_DIR" \
    --logger "trx;LogFilePrefix=results" \
    --logger "console;verbosity=minimal" \
    "$@" </dev/null || dotnet_rc=$?

# Sum <Counters .../> over every .trx file (one per test project). A non-pass
# outcome other than failed (error, timeout, aborted) counts as failed.
counts="$(python3 - "$RESULTS_DIR" <<'PY' || echo "0 0 0 0 0"
import glob, os, sys
import xml.etree.ElementTree as ET

keys = ("total", "executed", "passed", "failed", "error", "timeout", "aborted", "notExecuted")
sums = dict.fromkeys(keys, 0)
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"test.sh: cannot parse {path}: {e}", file=sys.stderr)
        continue
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "Counters":
            for k in keys:
                sums[k] += int(el.get(k, "0") or 0)
failed = sums["failed"] + sums["error"] + sums["timeout"] + sums["aborted"]
# VSTest leaves notExecuted at 0 for skipped xunit tests; they show up as
# total - executed instead.
skipped = max(sums["notExecuted"], sums["total"] - sums["executed"])
print(sums["total"], sums["executed"], sums["passed"], failed, skipped)
PY
)"
read -r _ executed passed failed skipped <<<"$counts"

# Stop the cluster and remove temp dirs now, so the summary really is last.
cleanup
trap - EXIT

summary="$passed passed, $failed failed"
if (( skipped > 0 )); then
    summary+=", $skipped skipped"
fi

rc=0
if (( dotnet_rc != 0 )); then
    rc=$dotnet_rc
elif (( failed > 0 )); then
    rc=1
elif (( executed == 0 || passed + failed == 0 )); then
    echo "test.sh: no tests ran" >&2
    rc=1
fi

echo "$summary"
exit "$rc"
