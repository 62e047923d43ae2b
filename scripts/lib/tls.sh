#!/usr/bin/env bash
# shellcheck shell=bash
# A throwaway test CA and a server certificate for the TLS tests, made with openssl, gone when the
# script exits. The servers started afterwards (postgres.sh, redis.sh, storageservice.sh) see
# SIGHTLINE_TEST_TLS_CERT and open a TLS port too.
#
# The server certificate names only IP:127.0.0.1 (no DNS name): connecting by "localhost", which
# resolves to the same server, is a certificate that does not match the host name, the mismatch
# the tests must see refused.
#
# Sourced:
#   source scripts/lib/tls.sh
#   sightline_tls_start               # makes the files, exports the variables below
#
# Run directly, it makes the files, runs a command with the variables set, and removes them:
#   scripts/lib/tls.sh scripts/lib/postgres.sh scripts/lib/redis.sh ctest --test-dir build/dev -R tst_tls
#
# Exports:
#   SIGHTLINE_TEST_CA_FILE         the test CA's certificate (PEM): what clients trust
#   SIGHTLINE_TEST_TLS_CERT        the server certificate (PEM), signed by that CA, SAN IP:127.0.0.1 only
#   SIGHTLINE_TEST_TLS_KEY         its private key (PEM, unencrypted, mode 0600)
#   SIGHTLINE_TEST_WRONG_CA_FILE   another CA's certificate, which did not sign the server's
#   SIGHTLINE_TEST_TLS_DIR         the folder holding them

_sightline_lib_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=cleanup.sh
source "$_sightline_lib_dir/cleanup.sh"

sightline_tls_stop() {
    if [[ -n "${_sightline_tls_dir:-}" && -d "$_sightline_tls_dir" ]]; then
        rm -rf "$_sightline_tls_dir"
    fi
    _sightline_tls_dir=
}

_sightline_tls_ca() {
    local dir="$1" name="$2" subject="$3"
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 \
        -keyout "$dir/$name.key" -out "$dir/$name.crt" -subj "$subject" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" >>"$dir/openssl.log" 2>&1
}

sightline_tls_start() {
    if ! command -v openssl >/dev/null 2>&1; then
        echo "tls.sh: openssl not found; run scripts/install-deps" >&2
        return 1
    fi
    _sightline_tls_dir="$(mktemp -d "${TMPDIR:-/tmp}/sightline-tls.XXXXXX")"
    sightline_at_exit sightline_tls_stop
    local dir="$_sightline_tls_dir"
    chmod 0755 "$dir"
    : >"$dir/openssl.log"

    if ! _sightline_tls_ca "$dir" ca "/CN=Sightline test CA" ||
        ! _sightline_tls_ca "$dir" wrong-ca "/CN=Sightline wrong test CA"; then
        echo "tls.sh: making the test CAs failed:" >&2
        cat "$dir/openssl.log" >&2
        return 1
    fi
    cat >"$dir/server.ext" <<'EXT'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
EXT
    if ! openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$dir/server.key" -out "$dir/server.csr" \
        -subj "/CN=127.0.0.1" >>"$dir/openssl.log" 2>&1 ||
        ! openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
            -days 2 -sha256 -extfile "$dir/server.ext" -out "$dir/server.crt" >>"$dir/openssl.log" 2>&1; then
        echo "tls.sh: making the server certificate failed:" >&2
        cat "$dir/openssl.log" >&2
        return 1
    fi
    chmod 0600 "$dir/server.key" "$dir/ca.key" "$dir/wrong-ca.key"
    chmod 0644 "$dir/ca.crt" "$dir/wrong-ca.crt" "$dir/server.crt"

    export SIGHTLINE_TEST_TLS_DIR="$dir"
    export SIGHTLINE_TEST_CA_FILE="$dir/ca.crt"
    export SIGHTLINE_TEST_WRONG_CA_FILE="$dir/wrong-ca.crt"
    export SIGHTLINE_TEST_TLS_CERT="$dir/server.crt"
    export SIGHTLINE_TEST_TLS_KEY="$dir/server.key"
    echo "tls.sh: test CA and a server certificate for IP:127.0.0.1 in $dir"
}

# Executed rather than sourced: run a command (or a shell) with the files in place.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    sightline_tls_start
    if (($# == 0)); then
        echo "tls.sh: SIGHTLINE_TEST_TLS_* are set in this shell; exit it to remove the files"
        "${SHELL:-bash}" -i || true
    else
        "$@"
    fi
fi
