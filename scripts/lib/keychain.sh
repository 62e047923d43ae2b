#!/usr/bin/env bash
# shellcheck shell=bash
# A throwaway OS keychain for tests: a private D-Bus session bus with gnome-keyring-daemon's Secret
# Service on it, its keyring unlocked and kept in a temp folder, gone when the script exits.
# QtKeychain (service "Sightline") talks to it like to a desktop's keychain.
#
# Sourced:
#   source scripts/lib/keychain.sh
#   sightline_keychain_start          # starts it, exports the variables below, stops it on exit
#
# Run directly, it starts a keychain, runs a command with the variables set, and stops it:
#   scripts/lib/keychain.sh ctest --test-dir build/dev -L keychain
#   scripts/lib/keychain.sh           # an interactive shell
#
# Exports:
#   DBUS_SESSION_BUS_ADDRESS          the private bus (unix:path=…): every D-Bus client of the run uses it
#   SIGHTLINE_TEST_KEYCHAIN           1: tests that need a keychain run against this one
#   SIGHTLINE_TEST_KEYCHAIN_DIR       the temp folder (keyring files under data/keyrings, logs *.log)
#
# Why a private bus and not dbus-run-session or the user's own: the tests must not read or write the
# developer's real keychain, and a keyring on a plain X/xvfb session without a session bus silently
# loses entries (DESIGN.md §7). XDG_DATA_HOME and XDG_RUNTIME_DIR point into the temp folder for the
# daemon only; the caller's own are left alone.

_sightline_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=cleanup.sh
source "$_sightline_lib_dir/cleanup.sh"

# The keyring's unlock password: a test keyring in a temp folder, not a secret.
SIGHTLINE_KEYCHAIN_PASSWORD="${SIGHTLINE_KEYCHAIN_PASSWORD:-sightline-test-keyring}"

_sightline_keychain_wait_gone() {
    local pid="$1"
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
}

sightline_keychain_stop() {
    if [[ -n "${_sightline_keychain_dir:-}" && -d "$_sightline_keychain_dir" ]]; then
        local dir="$_sightline_keychain_dir"
        [[ -f "$dir/keyring.pid" ]] && _sightline_keychain_wait_gone "$(cat "$dir/keyring.pid")"
        [[ -f "$dir/dbus.pid" ]] && _sightline_keychain_wait_gone "$(cat "$dir/dbus.pid")"
        rm -rf "$dir"
    fi
    _sightline_keychain_dir=
}

sightline_keychain_start() {
    local tool
    for tool in dbus-daemon dbus-send gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "keychain.sh: $tool not found; run scripts/install-deps (dbus, gnome-keyring)" >&2
            return 1
        fi
    done
    _sightline_keychain_dir="$(mktemp -d "${TMPDIR:-/tmp}/sightline-keychain.XXXXXX")"
    sightline_at_exit sightline_keychain_stop
    local dir="$_sightline_keychain_dir"
    mkdir -p "$dir/data" "$dir/runtime" "$dir/config"
    chmod 700 "$dir/runtime"

    # The bus: its own socket in the temp folder, so two runs never share one.
    local address="unix:path=$dir/bus"
    if ! dbus-daemon --session --fork --nopidfile --address="$address" --print-pid=1 \
        >"$dir/dbus.pid" 2>"$dir/dbus.log"; then
        echo "keychain.sh: dbus-daemon did not start:" >&2
        cat "$dir/dbus.log" >&2 || true
        return 1
    fi

    # The keyring daemon: --unlock reads the password on stdin and creates the "login" keyring
    # (the default collection) in XDG_DATA_HOME/keyrings when there is none. It prints its control
    # variables, which nothing here needs: the Secret Service is found on the bus.
    if ! printf '%s' "$SIGHTLINE_KEYCHAIN_PASSWORD" |
        env DBUS_SESSION_BUS_ADDRESS="$address" XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/runtime" \
            XDG_CONFIG_HOME="$dir/config" gnome-keyring-daemon --unlock --components=secrets \
            >"$dir/keyring.env" 2>"$dir/keyring.log"; then
        echo "keychain.sh: gnome-keyring-daemon did not start:" >&2
        cat "$dir/keyring.log" >&2 || true
        return 1
    fi

    # Ready when org.freedesktop.secrets has an owner on the bus; its pid is how it is stopped.
    local pid=
    for _ in $(seq 100); do
        pid="$(DBUS_SESSION_BUS_ADDRESS="$address" dbus-send --session --print-reply \
            --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetConnectionUnixProcessID \
            string:org.freedesktop.secrets 2>/dev/null | awk '/uint32/ {print $2}')" || true
        [[ -n "$pid" ]] && break
        sleep 0.05
    done
    if [[ -z "$pid" ]]; then
        echo "keychain.sh: the Secret Service did not appear on the bus; gnome-keyring-daemon said:" >&2
        cat "$dir/keyring.log" >&2 || true
        return 1
    fi
    echo "$pid" >"$dir/keyring.pid"

    export DBUS_SESSION_BUS_ADDRESS="$address"
    export SIGHTLINE_TEST_KEYCHAIN=1
    export SIGHTLINE_TEST_KEYCHAIN_DIR="$dir"
    echo "keychain.sh: gnome-keyring $(gnome-keyring-daemon --version 2>/dev/null | head -1 | awk "{print \$2}")" \
        "Secret Service on a private D-Bus session bus ($address)"
}

# Executed rather than sourced: run a command (or a shell) beside a fresh keychain.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    sightline_keychain_start
    if (($# == 0)); then
        echo "keychain.sh: DBUS_SESSION_BUS_ADDRESS and SIGHTLINE_TEST_KEYCHAIN are set in this shell; exit it to stop the keychain"
        "${SHELL:-bash}" -i || true
    else
        "$@"
    fi
fi
