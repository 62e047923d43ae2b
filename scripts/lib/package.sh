#!/usr/bin/env bash
# shellcheck shell=bash
# Builds the .deb from a configured and built tree, checks it, installs it with apt on this
# machine and tries the installed program (issue 7).
#
# Sourced (scripts/test does, after the build):
#   source scripts/lib/package.sh
#   sightline_package_check_install build/dev
#
# Run directly:
#   scripts/lib/package.sh build/dev
#
# Steps: cpack -G DEB into <build>/package; the package's files (dpkg-deb -c) and control
# (dpkg-deb -I: the version, Depends with the Qt libraries and the run-time plugins); then
# `apt-get install` of the file (as root, or with sudo like scripts/install-deps; an installed
# sightline is removed first, so the same version is really installed again);
# /usr/bin/sightline --version; a screenshot of the demo workspace by the installed binary under
# a throwaway HOME; desktop-file-validate and appstreamcli on the installed files.
# The screenshot goes to $SIGHTLINE_TEST_OUTPUT_DIR/installed-demo.png, or
# <build>/tests/screenshots/installed-demo.png (as tests/screenshots.h does).
# Each failure names what is missing; the function returns non-zero on the first one.

SIGHTLINE_APP_ID=dev.sightline.Sightline

_sightline_package_fail() {
    echo "package.sh: $*" >&2
    return 1
}

# root, or sudo for the commands that need it (as scripts/install-deps decides).
_sightline_package_as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        _sightline_package_fail "installing the package needs root: run as root or install sudo"
    fi
}

# Prints the path of the .deb made from BUILD (cpack -G DEB into BUILD/package).
sightline_package_build() {
    local build="$1"
    [[ -f "$build/CPackConfig.cmake" ]] ||
        _sightline_package_fail "$build/CPackConfig.cmake is missing: configure the tree first (cmake --preset dev)" || return 1
    [[ -x "$build/src/app/sightline" ]] ||
        _sightline_package_fail "$build/src/app/sightline is missing: build the tree first" || return 1
    local version
    version="$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")"
    [[ -n "$version" ]] || _sightline_package_fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake" || return 1
    rm -rf "$build/package"
    local started=$SECONDS
    if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$build/package" >"$build/cpack.log" 2>&1; then
        cat "$build/cpack.log" >&2
        _sightline_package_fail "cpack -G DEB failed (log above, also in $build/cpack.log)"
        return 1
    fi
    local debs=("$build/package/sightline_${version}_"*.deb)
    [[ -f "${debs[0]}" && ${#debs[@]} -eq 1 ]] ||
        _sightline_package_fail "cpack made no $build/package/sightline_${version}_<arch>.deb: $(ls "$build/package")" || return 1
    echo "package.sh: cpack made ${debs[0]} ($(du -h "${debs[0]}" | cut -f1)) in $((SECONDS - started)) s" >&2
    echo "${debs[0]}"
}

# Checks the package's files and control fields.
sightline_package_check_deb() {
    local deb="$1" version="$2"
    local contents
    contents="$(dpkg-deb -c "$deb")" || _sightline_package_fail "dpkg-deb -c $deb failed" || return 1
    local expected=(
        ./usr/bin/sightline
        "./usr/share/applications/$SIGHTLINE_APP_ID.desktop"
        "./usr/share/metainfo/$SIGHTLINE_APP_ID.metainfo.xml"
        "./usr/share/icons/hicolor/scalable/apps/$SIGHTLINE_APP_ID.svg"
        ./usr/share/man/man1/sightline.1.gz
        ./usr/share/sightline/grafana/sightline-evaluation.json
    )
    local size
    for size in 16 22 24 32 48 64 128 256; do
        expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/$SIGHTLINE_APP_ID.png")
    done
    local missing=() path
    for path in "${expected[@]}"; do
        # dpkg-deb -c lists "perms owner size date time path": the path is the last field.
        awk -v p="$path" '$NF == p { found = 1 } END { exit !found }' <<<"$contents" || missing+=("$path")
    done
    ((${#missing[@]} == 0)) ||
        _sightline_package_fail "$deb lacks ${missing[*]}" || return 1

    local field
    field="$(dpkg-deb -f "$deb" Package)"
    [[ "$field" == sightline ]] || _sightline_package_fail "Package is '$field', not sightline" || return 1
    field="$(dpkg-deb -f "$deb" Version)"
    [[ "$field" == "$version" ]] || _sightline_package_fail "Version is '$field', not $version" || return 1
    local depends
    depends="$(dpkg-deb -f "$deb" Depends)"
    local needed=(libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6charts6 libpq5 libsqlite3-0
        qt6-qpa-plugins libqt6svg6 fonts-dejavu-core qt6-translations-l10n)
    missing=()
    for field in "${needed[@]}"; do
        [[ ", $depends," == *", $field"[\ ,]* ]] || missing+=("$field")
    done
    ((${#missing[@]} == 0)) ||
        _sightline_package_fail "Depends lacks ${missing[*]} (Depends: $depends)" || return 1
    [[ "$(dpkg-deb -f "$deb" Recommends)" == *gnome-keyring* ]] ||
        _sightline_package_fail "Recommends lacks gnome-keyring" || return 1
    echo "package.sh: $(basename "$deb"): ${#expected[@]} files checked; Depends: $depends"
}

# Installs the .deb with apt (its dependencies too), replacing an installed sightline.
sightline_package_install() {
    local deb
    deb="$(realpath "$1")"
    if [[ "$(dpkg-query -W -f='${db:Status-Status}' sightline 2>/dev/null || true)" == installed ]]; then
        # apt-get install of the version already installed does nothing: remove it first.
        _sightline_package_as_root env DEBIAN_FRONTEND=noninteractive dpkg --remove sightline >/dev/null ||
            _sightline_package_fail "removing the installed sightline failed" || return 1
    fi
    _sightline_package_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" ||
        _sightline_package_fail "apt-get install $deb failed" || return 1
    [[ "$(dpkg-query -W -f='${db:Status-Status} ${Version}' sightline 2>/dev/null)" == "installed $(dpkg-deb -f "$deb" Version)" ]] ||
        _sightline_package_fail "after apt-get install, dpkg does not list sightline $(dpkg-deb -f "$deb" Version) as installed" || return 1
}

# Runs the installed program: --version, a demo screenshot, and validates the installed files.
sightline_package_try_installed() {
    local version="$1" screenshot="$2"
    local bin=/usr/bin/sightline
    [[ -x "$bin" ]] || _sightline_package_fail "$bin is not installed" || return 1
    if readelf -S "$bin" 2>/dev/null | grep -q '\.debug_info'; then
        _sightline_package_fail "$bin is not stripped (CPACK_STRIP_FILES)" || return 1
    fi

    local home
    home="$(mktemp -d "${TMPDIR:-/tmp}/sightline-installed.XXXXXX")"
    mkdir -p "$home/config" "$home/data" "$home/state" "$home/cache" "$home/runtime"
    chmod 700 "$home/runtime"
    local env=(env -i PATH="/usr/bin:/bin" HOME="$home" XDG_CONFIG_HOME="$home/config"
        XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state" XDG_CACHE_HOME="$home/cache"
        XDG_RUNTIME_DIR="$home/runtime" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen)

    local out
    out="$("${env[@]}" "$bin" --version 2>&1)" || {
        rm -rf "$home"
        _sightline_package_fail "$bin --version failed: $out"
        return 1
    }
    if [[ "$out" != *"sightline $version"* ]]; then
        rm -rf "$home"
        _sightline_package_fail "$bin --version printed '$out', not 'sightline $version'"
        return 1
    fi
    echo "package.sh: $bin --version: $(head -1 <<<"$out")"

    mkdir -p "$(dirname "$screenshot")"
    rm -f "$screenshot"
    if ! "${env[@]}" "$bin" --demo --screenshot "$screenshot" --screenshot-timeout 90 \
        </dev/null >"$home/screenshot.log" 2>&1; then
        cat "$home/screenshot.log" >&2
        rm -rf "$home"
        _sightline_package_fail "the installed $bin --demo --screenshot failed (its output above)"
        return 1
    fi
    rm -rf "$home"
    [[ -f "$screenshot" ]] || _sightline_package_fail "the installed binary wrote no screenshot to $screenshot" || return 1
    local bytes
    bytes="$(stat -c %s "$screenshot")"
    ((bytes > 20000)) || _sightline_package_fail "the screenshot $screenshot is only $bytes bytes" || return 1
    [[ "$(head -c 8 "$screenshot" | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] ||
        _sightline_package_fail "$screenshot is not a PNG" || return 1
    echo "package.sh: the installed binary's screenshot: $screenshot ($bytes bytes)"

    command -v desktop-file-validate >/dev/null ||
        _sightline_package_fail "desktop-file-validate not found: install desktop-file-utils (scripts/install-deps)" || return 1
    command -v appstreamcli >/dev/null ||
        _sightline_package_fail "appstreamcli not found: install appstream (scripts/install-deps)" || return 1
    local desktop="/usr/share/applications/$SIGHTLINE_APP_ID.desktop"
    out="$(desktop-file-validate "$desktop" 2>&1)" && [[ -z "$out" ]] ||
        _sightline_package_fail "desktop-file-validate $desktop: $out" || return 1
    local metainfo="/usr/share/metainfo/$SIGHTLINE_APP_ID.metainfo.xml"
    out="$(appstreamcli validate --no-net "$metainfo" 2>&1)" && ! grep -Eq '^[EW]: ' <<<"$out" ||
        _sightline_package_fail "appstreamcli validate --no-net $metainfo: $out" || return 1
    echo "package.sh: the installed desktop file and AppStream metainfo validate"
}

# Everything, for a built tree BUILD.
sightline_package_check_install() {
    local build
    build="$(realpath "${1:?usage: sightline_package_check_install BUILD_DIR}")"
    local deb version
    deb="$(sightline_package_build "$build")" || return 1
    version="$(dpkg-deb -f "$deb" Version)"
    sightline_package_check_deb "$deb" "$version" || return 1
    sightline_package_install "$deb" || return 1
    local screenshot="${SIGHTLINE_TEST_OUTPUT_DIR:-$build/tests/screenshots}/installed-demo.png"
    sightline_package_try_installed "$version" "$screenshot" || return 1
    echo "package.sh: $deb is installed and works"
}

# Executed rather than sourced.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    if (($# != 1)); then
        echo "usage: scripts/lib/package.sh BUILD_DIR   (e.g. build/dev, configured and built)" >&2
        exit 2
    fi
    sightline_package_check_install "$1"
fi
