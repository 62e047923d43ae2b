#!/usr/bin/env bash
# shellcheck shell=bash
# A throwaway PostgreSQL 15 for tests, on a free loopback port, gone when the script exits.
#
# Sourced:
#   source scripts/lib/postgres.sh
#   sightline_postgres_start          # starts it, exports the variables below, stops it on exit
#   sightline_postgres_grant_read sightline_test   # again after tables were (re)created
#
# Run directly, it starts a server, runs a command with the variables set, and stops it:
#   scripts/lib/postgres.sh ctest --test-dir build/dev -R sqlconnection
#   scripts/lib/postgres.sh           # an interactive shell
#
# Exports:
#   SIGHTLINE_TEST_POSTGRES_PORT        the TCP port on 127.0.0.1
#   SIGHTLINE_TEST_POSTGRES_ADMIN_URL   postgresql://postgres@127.0.0.1:PORT/postgres (superuser, trust)
#   SIGHTLINE_TEST_POSTGRES_SEED_URL    postgresql://postgres@127.0.0.1:PORT/sightline_test (superuser, trust)
#   SIGHTLINE_TEST_POSTGRES_URL         postgresql://sightline@127.0.0.1:PORT/sightline_test (read only, trust)
#   SIGHTLINE_TEST_POSTGRES_SOCKET_DIR  the unix socket's folder (also the server's temp dir)
#   SIGHTLINE_TEST_POSTGRES_LOG         the server's log: every data-modifying or DDL statement
#                                       (log_statement = 'mod'), each line with app=<application_name>
#   SIGHTLINE_TEST_POSTGRES_TLS_URL     only when SIGHTLINE_TEST_TLS_CERT/_KEY are set (scripts/lib/tls.sh):
#                                       postgresql://sightline@127.0.0.1:PORT/sightline_test?sslmode=verify-full
#                                       &sslrootcert=$SIGHTLINE_TEST_CA_FILE. The server then has ssl = on
#                                       with that certificate; plain TCP (sslmode=disable/prefer) still works.
# Roles: postgres (superuser), sightline (may read sightline_test), and sightline_pw, whose
# password is 'right-password' (scram-sha-256), so that tests can see a login rejected.

_sightline_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=cleanup.sh
source "$_sightline_lib_dir/cleanup.sh"
# shellcheck source=ports.sh
source "$_sightline_lib_dir/ports.sh"

SIGHTLINE_POSTGRES_BIN="${SIGHTLINE_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"

# Runs a PostgreSQL server program as the owner of the data folder: user postgres when we are
# root (the server refuses to run as root), ourselves otherwise.
_sightline_pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$_sightline_pg_dir" && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

_sightline_psql() {
    "$SIGHTLINE_POSTGRES_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h "$_sightline_pg_dir" -p "$SIGHTLINE_TEST_POSTGRES_PORT" -U postgres "$@"
}

sightline_postgres_stop() {
    if [[ -n "${_sightline_pg_dir:-}" && -d "$_sightline_pg_dir" ]]; then
        if [[ -f "$_sightline_pg_dir/data/postmaster.pid" ]]; then
            _sightline_pg_as_owner "$SIGHTLINE_POSTGRES_BIN/pg_ctl" -D "$_sightline_pg_dir/data" \
                -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
        rm -rf "$_sightline_pg_dir"
    fi
    _sightline_pg_dir=
}

sightline_postgres_start() {
    if [[ ! -x "$SIGHTLINE_POSTGRES_BIN/initdb" ]]; then
        echo "postgres.sh: $SIGHTLINE_POSTGRES_BIN/initdb not found; run scripts/install-deps" >&2
        return 1
    fi
    _sightline_pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/sightline-pg.XXXXXX")"
    sightline_at_exit sightline_postgres_stop
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$_sightline_pg_dir"
    fi
    local dir="$_sightline_pg_dir"

    if ! _sightline_pg_as_owner "$SIGHTLINE_POSTGRES_BIN/initdb" -D "$dir/data" -U postgres \
        -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
        echo "postgres.sh: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        return 1
    fi
    _sightline_pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
# A test server: losing it in a crash costs nothing, waiting for the disk costs minutes.
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 1GB
max_connections = 100
password_encryption = 'scram-sha-256'
log_min_messages = warning
# The server's own record of every write and DDL statement, tagged with the session's
# application_name: tests read it to show that Sightline's sessions never write. COPY data and
# SELECTs are not logged, so seeding 100k evaluations adds only a handful of lines.
log_statement = 'mod'
log_line_prefix = '%m [%p] app=%a user=%u db=%d: '
CONF
    if [[ -n "${SIGHTLINE_TEST_TLS_CERT:-}" && -n "${SIGHTLINE_TEST_TLS_KEY:-}" ]]; then
        # The server refuses a key that others may read, and reads it as user postgres.
        _sightline_pg_as_owner cp "$SIGHTLINE_TEST_TLS_CERT" "$dir/data/server.crt"
        cp "$SIGHTLINE_TEST_TLS_KEY" "$dir/data/server.key"
        if [[ $(id -u) -eq 0 ]]; then
            chown postgres: "$dir/data/server.key"
        fi
        chmod 0600 "$dir/data/server.key"
        _sightline_pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<'CONF'
# TLS for the tests that need it (scripts/lib/tls.sh); clients choose with sslmode.
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
CONF
    fi
    _sightline_pg_as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<'HBA'
local all all                   trust
host  all postgres  127.0.0.1/32 trust
host  all sightline 127.0.0.1/32 trust
host  all all       127.0.0.1/32 scram-sha-256
HBA

    # Another run may take the port between picking and binding: pick again when the bind fails.
    local attempt port started=
    for ((attempt = 1; attempt <= 8; attempt++)); do
        port="$(sightline_pick_port)"
        if _sightline_pg_as_owner "$SIGHTLINE_POSTGRES_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
            -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
            started=1
            break
        fi
        if ! grep -q "could not bind\|could not create any TCP/IP sockets\|Address already in use" \
            "$dir/server.log" 2>/dev/null; then
            break
        fi
        echo "postgres.sh: port $port was taken, trying another" >&2
        _sightline_pg_as_owner truncate -s 0 "$dir/server.log"
    done
    if [[ -z "$started" ]]; then
        echo "postgres.sh: PostgreSQL did not start; its log:" >&2
        cat "$dir/server.log" >&2 || true
        return 1
    fi

    export SIGHTLINE_TEST_POSTGRES_PORT="$port"
    export SIGHTLINE_TEST_POSTGRES_SOCKET_DIR="$dir"
    export SIGHTLINE_TEST_POSTGRES_LOG="$dir/server.log"
    export SIGHTLINE_TEST_POSTGRES_ADMIN_URL="postgresql://postgres@127.0.0.1:$port/postgres"
    export SIGHTLINE_TEST_POSTGRES_SEED_URL="postgresql://postgres@127.0.0.1:$port/sightline_test"
    export SIGHTLINE_TEST_POSTGRES_URL="postgresql://sightline@127.0.0.1:$port/sightline_test"
    if [[ -n "${SIGHTLINE_TEST_TLS_CERT:-}" && -n "${SIGHTLINE_TEST_CA_FILE:-}" ]]; then
        export SIGHTLINE_TEST_POSTGRES_TLS_URL="postgresql://sightline@127.0.0.1:$port/sightline_test?sslmode=verify-full&sslrootcert=$SIGHTLINE_TEST_CA_FILE"
    fi

    _sightline_psql -d postgres <<'SQL'
CREATE ROLE sightline LOGIN;
CREATE ROLE sightline_pw LOGIN PASSWORD 'right-password';
CREATE DATABASE sightline_test OWNER postgres;
REVOKE CONNECT ON DATABASE sightline_test FROM PUBLIC;
GRANT CONNECT ON DATABASE sightline_test TO sightline, sightline_pw;
SQL
    sightline_postgres_grant_read sightline_test
    echo "postgres.sh: PostgreSQL $("$SIGHTLINE_POSTGRES_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
}

# Lets sightline and sightline_pw read every table of a database, now and later (tables that
# postgres creates afterwards, e.g. when `sightline seed --replace` recreates them).
sightline_postgres_grant_read() {
    local db="$1"
    _sightline_psql -d "$db" <<'SQL'
GRANT USAGE ON SCHEMA public TO sightline, sightline_pw;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO sightline, sightline_pw;
GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO sightline, sightline_pw;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON TABLES TO sightline, sightline_pw;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON SEQUENCES TO sightline, sightline_pw;
SQL
}

# Executed rather than sourced: run a command (or a shell) beside a fresh server.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    sightline_postgres_start
    if (($# == 0)); then
        echo "postgres.sh: SIGHTLINE_TEST_POSTGRES_* are set in this shell; exit it to stop the server"
        "${SHELL:-bash}" -i || true
    else
        "$@"
    fi
fi
