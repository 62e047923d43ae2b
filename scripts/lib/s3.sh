#!/usr/bin/env bash
# shellcheck shell=bash
# A throwaway S3-compatible server (npm s3rver, pinned in scripts/s3rver/package-lock.json) for
# tests, on a free loopback port, with a request log; gone when the script exits.
#
# Sourced:
#   source scripts/lib/s3.sh
#   sightline_s3_start          # installs s3rver if needed, starts it, exports the variables below
#
# Run directly, it starts a server, runs a command with the variables set, and stops it:
#   scripts/lib/s3.sh ctest --test-dir build/dev -L s3
#   scripts/lib/s3.sh           # an interactive shell
#
# Exports:
#   SIGHTLINE_TEST_S3_URL       http://127.0.0.1:PORT (path-style addressing)
#   SIGHTLINE_TEST_S3_PORT      the TCP port on 127.0.0.1
#   SIGHTLINE_TEST_S3_BUCKET    the bucket, created at start (empty)
#   SIGHTLINE_TEST_S3_LOG       one line per request: "<time> <METHOD> <path?query> <user-agent>"
#   AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY   s3rver's fixed test credentials (S3RVER/S3RVER);
#                               s3rver checks SigV4 signatures made with them.

_sightline_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=cleanup.sh
source "$_sightline_lib_dir/cleanup.sh"
# shellcheck source=ports.sh
source "$_sightline_lib_dir/ports.sh"

_sightline_s3_repo="$(cd "$_sightline_lib_dir/../.." && pwd)"
# Project-local and ignored by git (.gitignore: /.cache/).
SIGHTLINE_S3RVER_DIR="${SIGHTLINE_S3RVER_DIR:-$_sightline_s3_repo/.cache/s3rver}"

# npm ci from the committed lock file, again only when the lock file changed.
sightline_s3_install() {
    local src="$_sightline_s3_repo/scripts/s3rver"
    if [[ -x "$SIGHTLINE_S3RVER_DIR/node_modules/.bin/s3rver" ]] &&
        cmp -s "$src/package-lock.json" "$SIGHTLINE_S3RVER_DIR/package-lock.json"; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        echo "s3.sh: npm not found; run scripts/install-deps" >&2
        return 1
    fi
    mkdir -p "$SIGHTLINE_S3RVER_DIR"
    cp "$src/package.json" "$src/package-lock.json" "$SIGHTLINE_S3RVER_DIR/"
    if ! (cd "$SIGHTLINE_S3RVER_DIR" && npm ci --no-audit --no-fund --loglevel=error >npm.log 2>&1); then
        echo "s3.sh: npm ci failed in $SIGHTLINE_S3RVER_DIR:" >&2
        cat "$SIGHTLINE_S3RVER_DIR/npm.log" >&2
        return 1
    fi
}

sightline_s3_stop() {
    if [[ -n "${_sightline_s3_pid:-}" ]]; then
        kill "$_sightline_s3_pid" 2>/dev/null || true
        wait "$_sightline_s3_pid" 2>/dev/null || true
    fi
    _sightline_s3_pid=
    if [[ -n "${_sightline_s3_dir:-}" && -d "$_sightline_s3_dir" ]]; then
        rm -rf "$_sightline_s3_dir"
    fi
    _sightline_s3_dir=
}

sightline_s3_start() {
    local bucket="${1:-sightline-test}"
    sightline_s3_install || return 1
    _sightline_s3_dir="$(mktemp -d "${TMPDIR:-/tmp}/sightline-s3.XXXXXX")"
    sightline_at_exit sightline_s3_stop
    local dir="$_sightline_s3_dir"
    mkdir -p "$dir/data"
    : >"$dir/requests.log"

    # Another run may take the port between picking and binding: pick again when the bind fails.
    local attempt port started=
    for ((attempt = 1; attempt <= 8; attempt++)); do
        port="$(sightline_pick_port)"
        : >"$dir/server.out"
        # s3rver makes continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider:
        # without it every truncated listing is an InternalError.
        SIGHTLINE_S3RVER_MODULES="$SIGHTLINE_S3RVER_DIR/node_modules" \
            node --openssl-legacy-provider "$_sightline_s3_repo/scripts/s3rver/server.js" "$port" "$dir/data" "$bucket" \
            "$dir/requests.log" >"$dir/server.out" 2>&1 &
        _sightline_s3_pid=$!
        local waited
        for ((waited = 0; waited < 100; waited++)); do
            if grep -q '^listening' "$dir/server.out" 2>/dev/null; then
                started=1
                break
            fi
            if ! kill -0 "$_sightline_s3_pid" 2>/dev/null; then
                break
            fi
            sleep 0.1
        done
        [[ -n "$started" ]] && break
        kill "$_sightline_s3_pid" 2>/dev/null || true
        wait "$_sightline_s3_pid" 2>/dev/null || true
        _sightline_s3_pid=
        if ! grep -q "EADDRINUSE" "$dir/server.out" 2>/dev/null; then
            break
        fi
        echo "s3.sh: port $port was taken, trying another" >&2
    done
    if [[ -z "$started" ]]; then
        echo "s3.sh: s3rver did not start; its output:" >&2
        cat "$dir/server.out" >&2 || true
        return 1
    fi

    export SIGHTLINE_TEST_S3_PORT="$port"
    export SIGHTLINE_TEST_S3_URL="http://127.0.0.1:$port"
    export SIGHTLINE_TEST_S3_BUCKET="$bucket"
    export SIGHTLINE_TEST_S3_LOG="$dir/requests.log"
    # s3rver's built-in test key pair; it is no secret, and lives only in this environment.
    export AWS_ACCESS_KEY_ID=S3RVER
    export AWS_SECRET_ACCESS_KEY=S3RVER
    echo "s3.sh: s3rver $(node -p "require('$SIGHTLINE_S3RVER_DIR/node_modules/s3rver/package.json').version") on 127.0.0.1:$port, bucket $bucket (data in $dir)"
}

# Executed rather than sourced: run a command (or a shell) beside a fresh server.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    sightline_s3_start
    if (($# == 0)); then
        echo "s3.sh: SIGHTLINE_TEST_S3_* are set in this shell; exit it to stop the server"
        "${SHELL:-bash}" -i || true
    else
        "$@"
    fi
fi
