#!/usr/bin/env bash
# Throw-away PostgreSQL clusters for tests and manual work.
#
# Used two ways:
#   * sourced by test.sh, which calls pgs_start / pgs_stop;
#   * run directly by a developer:
#       scripts/postgres-scratch.sh start        # prints export lines, e.g.
#       eval "$(scripts/postgres-scratch.sh start)"
#       scripts/postgres-scratch.sh stop DIR     # DIR defaults to $ATTEST_PG_SCRATCH_DIR
#
# The cluster lives in a fresh `mktemp -d` directory, listens only on 127.0.0.1
# on a free port (unix socket inside that directory), trusts local connections
# and trades durability for speed (fsync/synchronous_commit/full_page_writes off).
# As root it runs as the `postgres` user (initdb refuses to run as root);
# otherwise it runs as the current user. Superuser name is always `postgres`.
#
# pgs_start sets these globals:
#   PGS_DIR      the temp dir (data dir is $PGS_DIR/data, log $PGS_DIR/postgres.log)
#   PGS_PORT     the TCP port on 127.0.0.1
#   PGS_CONNSTR  an Npgsql connection string for the cluster

PGS_MARKER=.attest-pg-scratch

pgs_log() { printf 'postgres-scratch: %s\n' "$*" >&2; }

# Newest /usr/lib/postgresql/*/bin that has the server tools; PGS_BINDIR may override.
pgs_bindir() {
    if [[ -n "${PGS_BINDIR:-}" ]]; then
        printf '%s\n' "$PGS_BINDIR"
        return 0
    fi
    local d best=""
    for d in $(printf "%s\n" /usr/lib/postgresql/*/bin | sort -V); do
        if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/pg_isready" ]]; then
            best="$d"
        fi
    done
    [[ -n "$best" ]] || return 1
    printf '%s\n' "$best"
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
pgs_free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Run a command as the owner of DIR: via runuser when we are root and DIR
# belongs to someone else, directly otherwise. Runs from / so that the
# postgres user never needs access to the caller's working directory.
pgs_as_owner() {
    local dir="$1"; shift
    local owner
    owner="$(stat -c %U "$dir")" || return 1
    if [[ "$(id -u)" == 0 && "$owner" != root ]]; then
        (cd / && runuser -u "$owner" -- "$@")
    else
        (cd / && "$@")
    fi
}

pgs_start() {
    local bindir
    if ! bindir="$(pgs_bindir)"; then
        pgs_log "no PostgreSQL server found under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
        return 1
    fi

    if [[ "$(id -u)" == 0 ]]; then
        if ! id -u postgres >/dev/null 2>&1; then
            pgs_log "running as root but there is no 'postgres' user to run the cluster as"
            return 1
        fi
        # /tmp rather than $TMPDIR: the postgres user must be able to reach it.
        PGS_DIR="$(mktemp -d /tmp/attest-pg.XXXXXXXX)" || return 1
        : >"$PGS_DIR/$PGS_MARKER"
        chown -R postgres: "$PGS_DIR" || { pgs_stop "$PGS_DIR"; PGS_DIR=""; return 1; }
    else
        PGS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/attest-pg.XXXXXXXX")" || return 1
        : >"$PGS_DIR/$PGS_MARKER"
    fi

    local data="$PGS_DIR/data" logfile="$PGS_DIR/postgres.log"
    local locale_args=(--no-locale)
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        locale_args=(--locale=C.UTF-8)
    fi

    if ! pgs_as_owner "$PGS_DIR" "$bindir/initdb" -D "$data" -U postgres -E UTF8 \
            "${locale_args[@]}" --auth=trust --nosync >"$PGS_DIR/initdb.log" 2>&1; then
        pgs_log "initdb failed:"
        cat "$PGS_DIR/initdb.log" >&2
        pgs_stop "$PGS_DIR"; PGS_DIR=""
        return 1
    fi

    # Trust only the private unix socket and IPv4 loopback; nothing else.
    # shellcheck disable=SC2016  # $1 is expanded by the inner sh
    pgs_as_owner "$PGS_DIR" sh -c 'cat >"$1/pg_hba.conf"' sh "$data" <<'EOF' || { pgs_stop "$PGS_DIR"; PGS_DIR=""; return 1; }
# Throw-away test cluster: trust local connections only.
local   all   all                  trust
host    all   all   127.0.0.1/32   trust
EOF
    # shellcheck disable=SC2016
    pgs_as_owner "$PGS_DIR" sh -c 'cat >>"$1/postgresql.conf"' sh "$data" <<EOF || { pgs_stop "$PGS_DIR"; PGS_DIR=""; return 1; }

# --- attest throw-away test cluster ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PGS_DIR'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    # The port is picked before the server binds it, so another process could
    # grab it in between: retry a few times with a new port.
    local port started=""
    for _ in 1 2 3 4 5; do
        port="$(pgs_free_port)" || { pgs_log "could not pick a free port (python3 missing?)"; break; }
        if pgs_as_owner "$PGS_DIR" "$bindir/pg_ctl" -D "$data" -l "$logfile" \
                -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
            started=1
            break
        fi
        grep -q 'could not bind\|Address already in use' "$logfile" 2>/dev/null || break
    done
    if [[ -z "$started" ]]; then
        pgs_log "pg_ctl start failed; server log:"
        tail -n 30 "$logfile" >&2 2>/dev/null || true
        pgs_stop "$PGS_DIR"; PGS_DIR=""
        return 1
    fi

    local i
    for i in $(seq 1 60); do
        if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
            break
        fi
        if [[ "$i" == 60 ]]; then
            pgs_log "server did not become ready on 127.0.0.1:$port; server log:"
            tail -n 30 "$logfile" >&2 2>/dev/null || true
            pgs_stop "$PGS_DIR"; PGS_DIR=""
            return 1
        fi
        sleep 0.5
    done

    PGS_PORT="$port"
    PGS_CONNSTR="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20;Include Error Detail=true"
    printf '%s\n' "$port" >"$PGS_DIR/port"
    return 0
}

# Stop the cluster in DIR (if it runs) and remove DIR. Quiet unless something
# goes wrong; safe to call twice, and on a half-created DIR.
pgs_stop() {
    local dir="${1:-}"
    [[ -n "$dir" ]] || return 0
    [[ -d "$dir" ]] || return 0
    if [[ ! -e "$dir/$PGS_MARKER" ]]; then
        pgs_log "refusing to remove $dir: not a scratch cluster directory (no $PGS_MARKER)"
        return 1
    fi
    local data="$dir/data" bindir
    if [[ -f "$data/postmaster.pid" ]] && bindir="$(pgs_bindir)"; then
        if ! pgs_as_owner "$dir" "$bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            if ! pgs_as_owner "$dir" "$bindir/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
                    && [[ -f "$data/postmaster.pid" ]]; then
                # Last resort: the postmaster's pid is the first line of postmaster.pid.
                local pid
                pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
                if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                    pgs_log "pg_ctl stop failed; sending SIGKILL to postmaster $pid"
                    kill -KILL "$pid" 2>/dev/null || true
                fi
            fi
        fi
    fi
    rm -rf -- "$dir"
}

pgs_main() {
    set -euo pipefail
    local cmd="${1:-}"
    case "$cmd" in
        start)
            pgs_start
            printf "export ATTEST_TEST_POSTGRES='%s'\n" "$PGS_CONNSTR"
            printf "export ATTEST_PG_SCRATCH_DIR='%s'\n" "$PGS_DIR"
            printf "# psql: psql -h 127.0.0.1 -p %s -U postgres postgres\n" "$PGS_PORT"
            printf "# stop: %s stop %s\n" "$0" "$PGS_DIR"
            ;;
        stop)
            local dir="${2:-${ATTEST_PG_SCRATCH_DIR:-}}"
            if [[ -z "$dir" ]]; then
                pgs_log "usage: $0 stop DIR   (or set ATTEST_PG_SCRATCH_DIR)"
                exit 2
            fi
            pgs_stop "$dir"
            ;;
        *)
            echo "usage: $0 start | stop DIR" >&2
            exit 2
            ;;
    esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    pgs_main "$@"
fi
