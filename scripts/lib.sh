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

# make_test_tls DIR CA_NAME: a test CA (DIR/ca.crt), a server certificate for localhost and
# 127.0.0.1 (server.crt/.key) and a client certificate (client.crt/.key), EC P-256 with PKCS#8
# keys, 30 days, all signed by that CA. Fails (returns non-zero) when openssl cannot make them.
make_test_tls() {
    local dir="$1" ca_name="$2"
    rm -rf -- "$dir"
    mkdir -p "$dir"
    (
        cd "$dir"
        umask 077
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key 2>/dev/null
        openssl req -x509 -new -key ca.key -days 30 -subj "/CN=$ca_name" -out ca.crt \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out server.key 2>/dev/null
        openssl req -new -key server.key -subj "/CN=localhost" -out server.csr 2>/dev/null
        printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' >server.cnf
        openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
            -extfile server.cnf -out server.crt 2>/dev/null
        openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out client.key 2>/dev/null
        openssl req -new -key client.key -subj "/CN=evctl test client" -out client.csr 2>/dev/null
        printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n' >client.cnf
        openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
            -extfile client.cnf -out client.crt 2>/dev/null
        openssl verify -CAfile ca.crt server.crt client.crt >/dev/null 2>&1
        rm -f server.csr server.cnf client.csr client.cnf ca.srl
        chmod 644 ca.crt server.crt client.crt
    )
}
