# Shared by scripts/brokers.sh and scripts/kafka.sh (sourced, not run).
# shellcheck shell=bash

# A free TCP port on 127.0.0.1.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# True if PID exists and is not a zombie.
is_alive() {
    local state
    state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
    [[ -n "$state" && "$state" != Z ]]
}

# set_env FILE KEY VALUE: sets KEY=VALUE in an env file (replacing an earlier KEY), atomically.
set_env() {
    local file="$1" key="$2" value="$3" tmp
    tmp="$(mktemp "$file.XXXXXX")"
    if [[ -f "$file" ]]; then grep -v "^$key=" "$file" >"$tmp" || true; fi
    printf '%s=%s\n' "$key" "$value" >>"$tmp"
    chmod 644 "$tmp"
    mv "$tmp" "$file"
}
