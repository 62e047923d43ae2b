#!/usr/bin/env bash
# shellcheck shell=bash
# A throwaway Redis for tests, on a free loopback port, no persistence, gone when the script exits.
#
# Sourced:
#   source scripts/lib/redis.sh
#   sightline_redis_start             # starts it, exports the variables below, stops it on exit
#
# Run directly, it starts a server, runs a command with the variables set, and stops it:
#   scripts/lib/redis.sh ctest --test-dir build/dev -L redis
#   scripts/lib/redis.sh              # an interactive shell
#
# Exports:
#   SIGHTLINE_TEST_REDIS_PORT         the TCP port on 127.0.0.1
#   SIGHTLINE_TEST_REDIS_URL          redis://127.0.0.1:PORT/0 (default user, no password)
#   SIGHTLINE_TEST_REDIS_READER_URL   redis://reader:PASSWORD@127.0.0.1:PORT/0, an ACL user that
#                                     may only read: for the authentication tests only
#   SIGHTLINE_TEST_REDIS_DIR          the server's temp folder (log in redis.log)
#   SIGHTLINE_TEST_REDISS_PORT        only when SIGHTLINE_TEST_TLS_CERT/_KEY are set (scripts/lib/tls.sh):
#                                     the same server's TLS port (clients need no certificate)
#   SIGHTLINE_TEST_REDISS_URL         rediss://127.0.0.1:TLSPORT/0?cacert=$SIGHTLINE_TEST_CA_FILE

_sightline_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=cleanup.sh
source "$_sightline_lib_dir/cleanup.sh"
# shellcheck source=ports.sh
source "$_sightline_lib_dir/ports.sh"

SIGHTLINE_REDIS_SERVER="${SIGHTLINE_REDIS_SERVER:-redis-server}"
SIGHTLINE_REDIS_READER_PASSWORD="${SIGHTLINE_REDIS_READER_PASSWORD:-reader-secret-pw}"

sightline_redis_cli() {
    redis-cli -h 127.0.0.1 -p "$SIGHTLINE_TEST_REDIS_PORT" "$@"
}

sightline_redis_stop() {
    if [[ -n "${_sightline_redis_dir:-}" && -d "$_sightline_redis_dir" ]]; then
        if [[ -f "$_sightline_redis_dir/redis.pid" ]]; then
            local pid
            pid="$(cat "$_sightline_redis_dir/redis.pid")"
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 50); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
            kill -9 "$pid" 2>/dev/null || true
        fi
        rm -rf "$_sightline_redis_dir"
    fi
    _sightline_redis_dir=
}

sightline_redis_start() {
    if ! command -v "$SIGHTLINE_REDIS_SERVER" >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
        echo "redis.sh: redis-server or redis-cli not found; run scripts/install-deps" >&2
        return 1
    fi
    _sightline_redis_dir="$(mktemp -d "${TMPDIR:-/tmp}/sightline-redis.XXXXXX")"
    sightline_at_exit sightline_redis_stop
    local dir="$_sightline_redis_dir"

    # Another run may take the port between picking and binding: pick again when the bind fails.
    local tls_port=""
    local attempt port started=
    local tls_args=()
    for ((attempt = 1; attempt <= 8; attempt++)); do
        port="$(sightline_pick_port)"
        if [[ -n "${SIGHTLINE_TEST_TLS_CERT:-}" && -n "${SIGHTLINE_TEST_TLS_KEY:-}" ]]; then
            # A second port on the same server, so TLS tests see the same data as the others.
            tls_port="$(sightline_pick_port)"
            [[ "$tls_port" == "$port" ]] && tls_port="$(sightline_pick_port)"
            tls_args=(--tls-port "$tls_port" --tls-cert-file "$SIGHTLINE_TEST_TLS_CERT"
                --tls-key-file "$SIGHTLINE_TEST_TLS_KEY" --tls-ca-cert-file "${SIGHTLINE_TEST_CA_FILE:-$SIGHTLINE_TEST_TLS_CERT}"
                --tls-auth-clients no)
        fi
        : >"$dir/redis.log"
        "$SIGHTLINE_REDIS_SERVER" --port "$port" --bind 127.0.0.1 --dir "$dir" \
            --save "" --appendonly no --daemonize yes --pidfile "$dir/redis.pid" \
            --logfile "$dir/redis.log" --loglevel warning "${tls_args[@]}" >/dev/null 2>&1 || true
        for _ in $(seq 100); do
            if redis-cli -h 127.0.0.1 -p "$port" PING 2>/dev/null | grep -q PONG; then
                started=1
                break
            fi
            grep -q "Address already in use\|Could not create server TCP" "$dir/redis.log" 2>/dev/null && break
            sleep 0.05
        done
        [[ -n "$started" ]] && break
        if ! grep -q "Address already in use" "$dir/redis.log" 2>/dev/null; then
            break
        fi
        echo "redis.sh: port $port was taken, trying another" >&2
    done
    if [[ -z "$started" ]]; then
        echo "redis.sh: Redis did not start; its log:" >&2
        cat "$dir/redis.log" >&2 || true
        return 1
    fi

    export SIGHTLINE_TEST_REDIS_PORT="$port"
    export SIGHTLINE_TEST_REDIS_DIR="$dir"
    export SIGHTLINE_TEST_REDIS_URL="redis://127.0.0.1:$port/0"
    export SIGHTLINE_TEST_REDIS_READER_URL="redis://reader:$SIGHTLINE_REDIS_READER_PASSWORD@127.0.0.1:$port/0"
    if [[ -n "$tls_port" ]]; then
        export SIGHTLINE_TEST_REDISS_PORT="$tls_port"
        export SIGHTLINE_TEST_REDISS_URL="rediss://127.0.0.1:$tls_port/0?cacert=${SIGHTLINE_TEST_CA_FILE:-}"
    fi
    # A user that can log in, read and subscribe (the Live view), and nothing else: the authentication
    # tests log in as it.
    local acl
    acl="$(sightline_redis_cli ACL SETUSER reader on ">$SIGHTLINE_REDIS_READER_PASSWORD" '~*' resetchannels '&*' \
        +subscribe +psubscribe +unsubscribe +punsubscribe \
        +@read +@connection +info +dbsize +type '+memory|usage' 2>&1)"
    if [[ "$acl" != "OK" ]]; then
        echo "redis.sh: creating the ACL user reader failed: $acl" >&2
        return 1
    fi
    echo "redis.sh: Redis $("$SIGHTLINE_REDIS_SERVER" --version | sed 's/.*v=\([^ ]*\).*/\1/') on 127.0.0.1:$port${tls_port:+ (TLS on $tls_port)} (in $dir)"
}

# Executed rather than sourced: run a command (or a shell) beside a fresh server.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    sightline_redis_start
    if (($# == 0)); then
        echo "redis.sh: SIGHTLINE_TEST_REDIS_* are set in this shell; exit it to stop the server"
        "${SHELL:-bash}" -i || true
    else
        "$@"
    fi
fi
