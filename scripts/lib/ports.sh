# shellcheck shell=bash
# Sourced. Picks loopback ports for test servers at run time.
#
# There is no race-free way to reserve a port for another program, so the caller starts its
# server on the port it gets and, when the bind fails, asks again (see postgres.sh). Ports come
# from 20000-32767: below Linux's ephemeral range, so outgoing connections do not take them.

# True when something accepts connections on 127.0.0.1:$1 (bash's /dev/tcp: no ss/netcat needed).
sightline_port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a port nothing listens on right now.
sightline_pick_port() {
    local port attempt
    for ((attempt = 0; attempt < 100; attempt++)); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 12768))
        if ! sightline_port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    echo "sightline_pick_port: no free port found on 127.0.0.1" >&2
    return 1
}
