# shellcheck shell=bash
# Sourced. One EXIT trap for every script and library, so that each service library can add
# its own stop step without replacing another's trap. Steps run last-registered first.
#
#   sightline_at_exit 'command …'
#
# The exit status the script is leaving with is in SIGHTLINE_EXIT_STATUS while steps run.

if [[ -z "${_sightline_cleanup_loaded:-}" ]]; then
    _sightline_cleanup_loaded=1
    _sightline_cleanups=()

    sightline_at_exit() {
        _sightline_cleanups+=("$1")
    }

    _sightline_run_cleanups() {
        SIGHTLINE_EXIT_STATUS=$?
        trap - EXIT
        set +e
        local i
        for ((i = ${#_sightline_cleanups[@]} - 1; i >= 0; i--)); do
            eval "${_sightline_cleanups[i]}"
        done
        _sightline_cleanups=()
        exit "$SIGHTLINE_EXIT_STATUS"
    }

    trap _sightline_run_cleanups EXIT
    # A signal must leave through the EXIT trap too, or the servers outlive the script.
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM
fi
