#!/usr/bin/env bash
# shellcheck shell=bash
# The storage-service fixture (tests/fixtures/storage-service.js, node) on a free loopback port,
# gone when the script exits.
#
# Sourced:
#   source scripts/lib/storageservice.sh
#   sightline_storageservice_start FILE   # serves FILE as GET /storage/memory; no FILE: a small sample
#
# Run directly, it starts the fixture, runs a command with the variables set, and stops it:
#   scripts/lib/storageservice.sh [--data FILE] ctest --test-dir build/dev -R memorysource
#
# Exports:
#   SIGHTLINE_TEST_MEMORY_URL    http://127.0.0.1:PORT
#   SIGHTLINE_TEST_MEMORY_LOG    the fixture's request log, one "METHOD PATH" a line
#   SIGHTLINE_TEST_MEMORY_DATA   the JSON file it serves as /storage/memory
#   SIGHTLINE_TEST_MEMORY_HTTPS_URL  https://127.0.0.1:PORT2, the same routes over HTTPS (the test certificate),
#                                only when SIGHTLINE_TEST_TLS_CERT/_KEY are set (scripts/lib/tls.sh)

_sightline_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=cleanup.sh
source "$_sightline_lib_dir/cleanup.sh"
# shellcheck source=ports.sh
source "$_sightline_lib_dir/ports.sh"

_sightline_ss_fixture="$_sightline_lib_dir/../../tests/fixtures/storage-service.js"

sightline_storageservice_stop() {
    if [[ -n "${_sightline_ss_pid:-}" ]]; then
        kill "$_sightline_ss_pid" 2>/dev/null || true
        wait "$_sightline_ss_pid" 2>/dev/null || true
    fi
    _sightline_ss_pid=
    if [[ -n "${_sightline_ss_dir:-}" && -d "$_sightline_ss_dir" ]]; then
        rm -rf "$_sightline_ss_dir"
    fi
    _sightline_ss_dir=
}

_sightline_ss_sample() {
    cat <<'JSON'
{"entries":[
 {"key":"eval:ev-000000000001:result","evaluation_id":"ev-000000000001","kind":"result","size_bytes":2048,"age_seconds":30,"ttl_seconds":270},
 {"key":"eval:ev-000000000001:output","evaluation_id":"ev-000000000001","kind":"output","size_bytes":250000,"age_seconds":30,"ttl_seconds":270},
 {"key":"eval:ev-000000000002:code","evaluation_id":"ev-000000000002","kind":"code","size_bytes":900,"age_seconds":600,"ttl_seconds":null}
],"stats":{"entries":3,"bytes":252948,"hits":40,"misses":10,"evictions":2}}
JSON
}

sightline_storageservice_start() {
    local data="${1:-}"
    if ! command -v node >/dev/null 2>&1; then
        echo "storageservice.sh: node not found; run scripts/install-deps (package nodejs)" >&2
        return 1
    fi
    _sightline_ss_dir="$(mktemp -d "${TMPDIR:-/tmp}/sightline-memory.XXXXXX")"
    sightline_at_exit sightline_storageservice_stop
    if [[ -z "$data" ]]; then
        data="$_sightline_ss_dir/memory.json"
        _sightline_ss_sample >"$data"
    fi
    local log="$_sightline_ss_dir/requests.log"
    : >"$log"

    local https_port=""
    local attempt port started= i
    local https_args=()
    for ((attempt = 1; attempt <= 8; attempt++)); do
        port="$(sightline_pick_port)"
        if [[ -n "${SIGHTLINE_TEST_TLS_CERT:-}" && -n "${SIGHTLINE_TEST_TLS_KEY:-}" ]]; then
            https_port="$(sightline_pick_port)"
            [[ "$https_port" == "$port" ]] && https_port="$(sightline_pick_port)"
            https_args=(--https-port "$https_port" --cert "$SIGHTLINE_TEST_TLS_CERT" --key "$SIGHTLINE_TEST_TLS_KEY")
        fi
        node "$_sightline_ss_fixture" --port "$port" --data "$data" --log "$log" "${https_args[@]}" \
            >"$_sightline_ss_dir/server.log" 2>&1 &
        _sightline_ss_pid=$!
        for ((i = 0; i < 100; i++)); do
            if grep -q "listening on" "$_sightline_ss_dir/server.log" 2>/dev/null; then
                started=1
                break
            fi
            if ! kill -0 "$_sightline_ss_pid" 2>/dev/null; then
                break
            fi
            sleep 0.05
        done
        [[ -n "$started" ]] && break
        wait "$_sightline_ss_pid" 2>/dev/null || true
        _sightline_ss_pid=
        if ! grep -q "EADDRINUSE" "$_sightline_ss_dir/server.log" 2>/dev/null; then
            break
        fi
        echo "storageservice.sh: port $port was taken, trying another" >&2
    done
    if [[ -z "$started" ]]; then
        echo "storageservice.sh: the storage-service fixture did not start; its output:" >&2
        cat "$_sightline_ss_dir/server.log" >&2 || true
        return 1
    fi
    export SIGHTLINE_TEST_MEMORY_URL="http://127.0.0.1:$port"
    if [[ -n "$https_port" ]]; then
        export SIGHTLINE_TEST_MEMORY_HTTPS_URL="https://127.0.0.1:$https_port"
    fi
    export SIGHTLINE_TEST_MEMORY_LOG="$log"
    export SIGHTLINE_TEST_MEMORY_DATA="$data"
    echo "storageservice.sh: storage-service fixture on 127.0.0.1:$port${https_port:+ (HTTPS on $https_port)} serving $data"
}

# Executed rather than sourced: run a command (or a shell) beside a fresh fixture.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    data_arg=
    if [[ "${1:-}" == "--data" ]]; then
        data_arg="$2"
        shift 2
    fi
    sightline_storageservice_start "$data_arg"
    if (($# == 0)); then
        echo "storageservice.sh: SIGHTLINE_TEST_MEMORY_* are set in this shell; exit it to stop the fixture"
        "${SHELL:-bash}" -i || true
    else
        "$@"
    fi
fi
