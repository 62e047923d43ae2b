#!/usr/bin/env bash
# shellcheck shell=bash
# A throwaway Prometheus (Debian package prometheus) for tests, on a free loopback port, with a
# seeded history backfilled by promtool before it starts; gone when the script exits.
#
# Sourced:
#   source scripts/lib/prometheus.sh
#   sightline_prometheus_start FILE   # FILE: `sightline seed --prometheus-openmetrics FILE`;
#                                     # no FILE: no history, only what it scrapes
#
# Run directly, it starts a server, runs a command with the variables set, and stops it:
#   scripts/lib/prometheus.sh --data FILE build/dev/tests/tst_prometheusseed
#   scripts/lib/prometheus.sh         # seeds with build/dev's sightline if there, then a shell
# Without --data it writes the history itself with $SIGHTLINE_BIN (default build/dev's sightline),
# 100,000 evaluations, seed 42 and the end time now, as scripts/test does, and exports
# SIGHTLINE_TEST_SEED_END_TIME, SIGHTLINE_TEST_SEED_EVALUATIONS and SIGHTLINE_TEST_PROMETHEUS_EVERY.
#
# The server scrapes itself (job "prometheus"), a closed port (job "unreachable": a target that
# is down) and, when SIGHTLINE_TEST_MEMORY_URL is set, the storage-service fixture's /metrics
# (job "storage-service"), every second; it evaluates rules.yml every second: one alert that
# always fires (SightlineTestAlwaysFiring) and one that never does (SightlineTestNeverFiring).
#
# Exports:
#   SIGHTLINE_TEST_PROMETHEUS_URL    http://127.0.0.1:PORT
#   SIGHTLINE_TEST_PROMETHEUS_PORT   the TCP port on 127.0.0.1
#   SIGHTLINE_TEST_PROMETHEUS_DIR    its temp folder: prometheus.yml, rules.yml, data/, prometheus.log
#
# Its targets appear about 5 s after the start; sightline_prometheus_wait_scraped waits until
# each has been scraped once (the direct run does that before the command).

_sightline_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=cleanup.sh
source "$_sightline_lib_dir/cleanup.sh"
# shellcheck source=ports.sh
source "$_sightline_lib_dir/ports.sh"

SIGHTLINE_PROMETHEUS_BIN="${SIGHTLINE_PROMETHEUS_BIN:-prometheus}"
SIGHTLINE_PROMTOOL_BIN="${SIGHTLINE_PROMTOOL_BIN:-promtool}"

# Prints the status line and body of GET http://127.0.0.1:$1$2 (bash's /dev/tcp: no curl needed).
sightline_prometheus_http_get() {
    local port="$1" path="$2"
    (
        exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
        timeout 5 cat <&3
    ) 2>/dev/null
}

# Seconds since $1 (from `date +%s%N`), to a tenth.
_sightline_prometheus_since() {
    local ns=$(($(date +%s%N) - $1))
    printf '%d.%d' $((ns / 1000000000)) $((ns / 100000000 % 10))
}

sightline_prometheus_stop() {
    if [[ -n "${_sightline_prom_pid:-}" ]]; then
        kill "$_sightline_prom_pid" 2>/dev/null || true
        local i
        for ((i = 0; i < 100; i++)); do
            kill -0 "$_sightline_prom_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$_sightline_prom_pid" 2>/dev/null || true
        wait "$_sightline_prom_pid" 2>/dev/null || true
    fi
    _sightline_prom_pid=
    if [[ -n "${_sightline_prom_dir:-}" && -d "$_sightline_prom_dir" ]]; then
        rm -rf "$_sightline_prom_dir"
    fi
    _sightline_prom_dir=
}

_sightline_prometheus_write_config() {
    local dir="$1" port="$2" closed_port="$3"
    cat >"$dir/rules.yml" <<'YAML'
groups:
  - name: sightline-test
    interval: 1s
    rules:
      - alert: SightlineTestAlwaysFiring
        expr: vector(1)
        labels:
          severity: warning
        annotations:
          summary: Always firing, for the tests
      - alert: SightlineTestNeverFiring
        expr: vector(1) < 0
        labels:
          severity: critical
        annotations:
          summary: Never fires, for the tests
YAML
    {
        cat <<YAML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
rule_files:
  - $dir/rules.yml
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ['127.0.0.1:$port']
  - job_name: unreachable
    static_configs:
      - targets: ['127.0.0.1:$closed_port']
YAML
        if [[ -n "${SIGHTLINE_TEST_MEMORY_URL:-}" ]]; then
            local target="${SIGHTLINE_TEST_MEMORY_URL#*://}"
            target="${target%%/*}"
            cat <<YAML
  - job_name: storage-service
    static_configs:
      - targets: ['$target']
YAML
        fi
    } >"$dir/prometheus.yml"
}

sightline_prometheus_start() {
    local data="${1:-}"
    local tool
    for tool in "$SIGHTLINE_PROMETHEUS_BIN" "$SIGHTLINE_PROMTOOL_BIN"; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "prometheus.sh: $tool not found; run scripts/install-deps (package prometheus)" >&2
            return 1
        fi
    done
    if [[ -n "$data" && ! -r "$data" ]]; then
        echo "prometheus.sh: cannot read the history $data" >&2
        return 1
    fi
    _sightline_prom_dir="$(mktemp -d "${TMPDIR:-/tmp}/sightline-prometheus.XXXXXX")"
    sightline_at_exit sightline_prometheus_stop
    local dir="$_sightline_prom_dir"
    mkdir -p "$dir/data"

    # Blocks must be in place before the server starts: one added to a running server shows
    # only after its next block reload (~40 s later). The default 2 h blocks would mean a pass
    # over the whole file per 2 h of history (168 for 14 days): 486 h blocks (a size Prometheus's
    # own compaction uses) need one or two.
    if [[ -n "$data" ]]; then
        local backfill_from
        backfill_from="$(date +%s%N)"
        if ! "$SIGHTLINE_PROMTOOL_BIN" tsdb create-blocks-from openmetrics --max-block-duration=486h \
            "$data" "$dir/data" >"$dir/promtool.log" 2>&1; then
            echo "prometheus.sh: promtool could not backfill $data; its output:" >&2
            tail -20 "$dir/promtool.log" >&2
            return 1
        fi
        echo "prometheus.sh: backfilled $(grep -c '^[0-9A-Z]\{26\} ' "$dir/promtool.log") block(s) from $data in $(_sightline_prometheus_since "$backfill_from") s"
    fi

    # Another run may take the port between picking and binding: pick again when the bind fails.
    local attempt port closed_port started='' i start_from
    start_from="$(date +%s%N)"
    for ((attempt = 1; attempt <= 8; attempt++)); do
        port="$(sightline_pick_port)"
        # A port nothing listens on, for the target that is down.
        closed_port="$(sightline_pick_port)"
        [[ "$closed_port" != "$port" ]] || closed_port=$((port + 1))
        _sightline_prometheus_write_config "$dir" "$port" "$closed_port"
        : >"$dir/prometheus.log"
        "$SIGHTLINE_PROMETHEUS_BIN" --config.file="$dir/prometheus.yml" \
            --web.listen-address="127.0.0.1:$port" \
            --storage.tsdb.path="$dir/data" \
            --storage.tsdb.retention.time=3650d \
            --log.level=info \
            >"$dir/prometheus.log" 2>&1 </dev/null &
        _sightline_prom_pid=$!
        for ((i = 0; i < 600; i++)); do
            if sightline_prometheus_http_get "$port" /-/ready | head -1 | grep -q " 200 "; then
                started=1
                break
            fi
            kill -0 "$_sightline_prom_pid" 2>/dev/null || break
            sleep 0.05
        done
        [[ -n "$started" ]] && break
        kill "$_sightline_prom_pid" 2>/dev/null || true
        wait "$_sightline_prom_pid" 2>/dev/null || true
        _sightline_prom_pid=
        if ! grep -q "address already in use" "$dir/prometheus.log" 2>/dev/null; then
            break
        fi
        echo "prometheus.sh: port $port was taken, trying another" >&2
    done
    if [[ -z "$started" ]]; then
        echo "prometheus.sh: Prometheus did not start (30 s); the end of its log ($dir/prometheus.log):" >&2
        tail -30 "$dir/prometheus.log" >&2 || true
        return 1
    fi

    export SIGHTLINE_TEST_PROMETHEUS_URL="http://127.0.0.1:$port"
    export SIGHTLINE_TEST_PROMETHEUS_PORT="$port"
    export SIGHTLINE_TEST_PROMETHEUS_DIR="$dir"
    echo "prometheus.sh: Prometheus $("$SIGHTLINE_PROMETHEUS_BIN" --version 2>&1 | sed -n '1s/.*version \([^ ]*\).*/\1/p') on 127.0.0.1:$port, ready in $(_sightline_prometheus_since "$start_from") s (in $dir)"
}

# Waits (up to 30 s) until every job's target has been scraped once, so that `up` and the target
# list are complete: Prometheus hands discovered targets to its scrapers only every 5 s.
sightline_prometheus_wait_scraped() {
    local jobs=2 i
    [[ -n "${SIGHTLINE_TEST_MEMORY_URL:-}" ]] && jobs=3
    for ((i = 0; i < 300; i++)); do
        if sightline_prometheus_http_get "$SIGHTLINE_TEST_PROMETHEUS_PORT" '/api/v1/query?query=count%28up%29' |
            grep -q ",\"$jobs\"\]"; then
            return 0
        fi
        sleep 0.1
    done
    echo "prometheus.sh: Prometheus has not scraped its $jobs targets after 30 s; the end of its log:" >&2
    tail -30 "$SIGHTLINE_TEST_PROMETHEUS_DIR/prometheus.log" >&2 || true
    return 1
}

# Executed rather than sourced: run a command (or a shell) beside a fresh server.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    data_arg=
    if [[ "${1:-}" == "--data" ]]; then
        data_arg="$2"
        shift 2
    else
        sightline_bin="${SIGHTLINE_BIN:-$_sightline_lib_dir/../../build/dev/src/app/sightline}"
        if [[ -x "$sightline_bin" ]]; then
            export SIGHTLINE_TEST_SEED_END_TIME="${SIGHTLINE_TEST_SEED_END_TIME:-$(date +%s)}"
            export SIGHTLINE_TEST_SEED_EVALUATIONS="${SIGHTLINE_TEST_SEED_EVALUATIONS:-100000}"
            export SIGHTLINE_TEST_PROMETHEUS_EVERY="${SIGHTLINE_TEST_PROMETHEUS_EVERY:-100}"
            seed_dir="$(mktemp -d "${TMPDIR:-/tmp}/sightline-prometheus-seed.XXXXXX")"
            sightline_at_exit "rm -rf '$seed_dir'"
            data_arg="$seed_dir/history.om"
            QT_QPA_PLATFORM=offscreen "$sightline_bin" seed --prometheus-openmetrics "$data_arg" \
                --evaluations "$SIGHTLINE_TEST_SEED_EVALUATIONS" --seed 42 \
                --end-time "$SIGHTLINE_TEST_SEED_END_TIME" \
                --prometheus-every "$SIGHTLINE_TEST_PROMETHEUS_EVERY" </dev/null
        else
            echo "prometheus.sh: $sightline_bin not built: starting with no history (or give --data FILE)" >&2
        fi
    fi
    sightline_prometheus_start "$data_arg"
    sightline_prometheus_wait_scraped
    if (($# == 0)); then
        echo "prometheus.sh: SIGHTLINE_TEST_PROMETHEUS_* are set in this shell; exit it to stop the server"
        "${SHELL:-bash}" -i || true
    else
        "$@"
    fi
fi
