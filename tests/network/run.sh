#!/usr/bin/env bash
# Real-network tests with real servers, all on 127.0.0.1: squid as the proxy (CONNECT to an
# https API, NO_PROXY, loopback never proxied from the environment), nginx with TLS from a
# private CA and `gzip on` as the API, and the OS trust store. Python and C clients.
# squid's log (request headers included) must show the CONNECTs and never the API key.
#
#   bash tests/network/run.sh        (root: installs squid/nginx when missing; uses
#                                     `unshare -m` to give the clients an /etc/hosts and a CA
#                                     bundle of the test's own, the machine's files untouched)
# Output, logs included, in target/network-tests/.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="$ROOT/target/network-tests"
rm -rf "$OUT" && mkdir -p "$OUT"
KEY="zx_test_Sup3rS3cretKey9"
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   - $1"; }
ko() { failed=$((failed + 1)); echo "FAIL - $1"; }
die() { echo "tests/network/run.sh: $*" >&2; exit 1; }
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; }
trap cleanup EXIT INT TERM

if ! command -v squid >/dev/null || ! command -v nginx >/dev/null; then
    echo "installing squid and nginx..."
    export DEBIAN_FRONTEND=noninteractive
    (apt-get install -y squid nginx-light >/dev/null 2>&1 ||
        (apt-get update >/dev/null && apt-get install -y squid nginx-light >/dev/null)) || die "cannot install squid/nginx"
fi
command -v openssl >/dev/null || die "openssl is required"
unshare -m true 2>/dev/null || die "unshare -m is not permitted here (needs root)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

# --- A private CA and a certificate for api.zexa.test -------------------------------------
(cd "$OUT" &&
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 1 -subj "/CN=zexa network test CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" &&
    openssl req -newkey rsa:2048 -nodes -keyout api.key -out api.csr -subj "/CN=api.zexa.test" &&
    printf 'subjectAltName=DNS:api.zexa.test,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > api.ext &&
    openssl x509 -req -in api.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out api.pem -days 1 -extfile api.ext
) >"$OUT/openssl.log" 2>&1 || die "openssl failed (see $OUT/openssl.log)"
printf '127.0.0.1 localhost\n::1 localhost\n127.0.0.1 api.zexa.test\n' > "$OUT/hosts"

# --- nginx: the API, TLS and gzip ----------------------------------------------------------
API_PORT="$(free_port)"
mkdir -p "$OUT/www/v1"
printf '{"balance": 5, "currency": "AOA"}' > "$OUT/www/v1/credits.json"
cat > "$OUT/nginx.conf" <<CONF
daemon off;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events {}
http {
    log_format api '\$request_method \$uri \$status ae="\$http_accept_encoding" gzip=\$gzip_ratio bytes=\$bytes_sent';
    access_log $OUT/nginx-access.log api;
    client_body_temp_path $OUT/tmp; proxy_temp_path $OUT/tmp; fastcgi_temp_path $OUT/tmp;
    uwsgi_temp_path $OUT/tmp; scgi_temp_path $OUT/tmp;
    gzip on; gzip_types application/json; gzip_min_length 1;
    server {
        listen 127.0.0.1:$API_PORT ssl;
        ssl_certificate $OUT/api.pem; ssl_certificate_key $OUT/api.key;
        root $OUT/www; default_type application/json;
        location /v1/ { try_files \$uri.json =404; }
    }
}
CONF
mkdir -p "$OUT/tmp"
nginx -c "$OUT/nginx.conf" & PIDS+=($!)
wait_port "$API_PORT" || die "nginx did not start (see $OUT/nginx-error.log)"

# --- squid on 127.0.0.1 only, request headers logged ---------------------------------------
PROXY_PORT="$(free_port)"
mkdir -p "$OUT/squid"
chown proxy "$OUT/squid" 2>/dev/null || chmod 777 "$OUT/squid"
cat > "$OUT/squid.conf" <<CONF
http_port 127.0.0.1:$PROXY_PORT
acl localnet src 127.0.0.0/8
acl api_port port $API_PORT
acl CONNECT method CONNECT
http_access deny CONNECT !api_port
http_access allow localnet
http_access deny all
hosts_file $OUT/hosts
cache deny all
log_mime_hdrs on
access_log stdio:$OUT/squid/access.log
cache_log $OUT/squid/cache.log
pid_filename $OUT/squid/squid.pid
coredump_dir $OUT/squid
shutdown_lifetime 0 seconds
CONF
squid -N -f "$OUT/squid.conf" >"$OUT/squid/stdout.log" 2>&1 & PIDS+=($!)
wait_port "$PROXY_PORT" || die "squid did not start (see $OUT/squid/cache.log)"
PROXY="http://127.0.0.1:$PROXY_PORT"
BASE="https://api.zexa.test:$API_PORT/v1"
squid_lines() { grep -c "CONNECT api.zexa.test:$API_PORT" "$OUT/squid/access.log" 2>/dev/null || true; }
# squid writes its log when a tunnel closes; give it the time to (bounded).
squid_settle() { for _ in $(seq 1 50); do [[ "$(squid_lines)" -ge "$1" ]] && return 0; sleep 0.1; done; return 1; }

# --- Clients: Python (the venv of python/run_tests.sh) and C --------------------------------
PY="$ROOT/python/.venv/bin/python"
if ! "$PY" -c 'import zexa' 2>/dev/null; then
    [ -x "$PY" ] || python3 -m venv "$ROOT/python/.venv" || die "no venv"
    "$PY" -m pip install -q "maturin>=1.9,<2" >/dev/null || die "pip failed"
    (cd python && "$ROOT/python/.venv/bin/maturin" develop --release -q) || die "maturin develop failed"
fi
cargo build -q -p zexa-ffi --release || die "cargo build -p zexa-ffi --release failed"
gcc -std=c99 -Wall -Wextra -Werror -I include tests/network/through_proxy.c -o "$OUT/through_proxy" \
    -L target/release -Wl,-rpath,"$ROOT/target/release" -lzexa || die "cannot build through_proxy.c"
# Clients see api.zexa.test through a private /etc/hosts (a mount namespace of their own).
cat > "$OUT/in_ns" <<'SH'
#!/bin/sh
# in_ns COMMAND...: runs COMMAND with the test's hosts file as /etc/hosts.
exec unshare -m sh -c 'mount --bind "$0" /etc/hosts && exec "$@"' "$(dirname "$0")/hosts" "$@"
SH
chmod +x "$OUT/in_ns"
in_ns="$OUT/in_ns"
py() { env -u HTTPS_PROXY -u HTTP_PROXY -u ALL_PROXY -u NO_PROXY -u https_proxy -u http_proxy -u all_proxy \
    -u no_proxy -u SSL_CERT_FILE -u SSL_CERT_DIR "$@"; }

check() { local name="$1"; shift; if "$@" >"$OUT/$(echo "$name" | tr -c 'a-z0-9' _).log" 2>&1; then ok "$name"; else
    cat "$OUT/$(echo "$name" | tr -c 'a-z0-9' _).log"; ko "$name"; fi; }

check "python: explicit proxy, https API through squid's CONNECT, gzip decoded" py "$in_ns" "$PY" -c "
import zexa
c = zexa.Client('$KEY', base_url='$BASE', proxy='$PROXY', ca_cert='$OUT/ca.pem', trust_env=False)
assert c.credits.get().balance == 5
"
squid_settle 1 && ok "squid logged the CONNECT" || ko "squid logged the CONNECT"

check "python: HTTPS_PROXY from the environment goes through squid" py env HTTPS_PROXY="$PROXY" "$in_ns" "$PY" -c "
import zexa
assert zexa.Client('$KEY', base_url='$BASE', ca_cert='$OUT/ca.pem').credits.get().balance == 5
"
squid_settle 2 && ok "squid logged the second CONNECT" || ko "squid logged the second CONNECT"

before="$(squid_lines)"
check "python: NO_PROXY (spaces, domain suffix) goes direct" py env HTTPS_PROXY="$PROXY" \
    NO_PROXY="example.org, .zexa.test" "$in_ns" "$PY" -c "
import zexa
assert zexa.Client('$KEY', base_url='$BASE', ca_cert='$OUT/ca.pem').credits.get().balance == 5
"
check "python: a loopback API is never proxied from the environment" py env HTTPS_PROXY="$PROXY" "$PY" -c "
import zexa
assert zexa.Client('$KEY', base_url='https://127.0.0.1:$API_PORT/v1', ca_cert='$OUT/ca.pem').credits.get().balance == 5
"
sleep 0.3  # nothing to wait for: give a wrongly proxied call the time squid needs to log it
[[ "$(squid_lines)" == "$before" ]] && ok "squid saw neither" || ko "squid saw neither (NO_PROXY, loopback)"

check "C: explicit proxy, https API through squid's CONNECT" py "$in_ns" "$OUT/through_proxy" "$BASE" "$PROXY" "$OUT/ca.pem"
squid_settle $((before + 1)) && ok "squid logged the C client's CONNECT" || ko "squid logged the C client's CONNECT"

check "python: a refused CONNECT names the proxy" py "$PY" -c "
import zexa
try:
    zexa.Client('$KEY', base_url='https://127.0.0.1:1/v1', proxy='$PROXY', max_retries=0).credits.get()
except zexa.APIConnectionError as e:
    assert 'proxy 127.0.0.1:$PROXY_PORT refused CONNECT with 403' in str(e), str(e)
else:
    raise SystemExit('no error')
"

# The OS trust store: a CA bundle of the test's own in place of the machine's (mount
# namespace), found by os_trust_store=True; the bundled roots do not know the CA.
BUNDLE=/etc/ssl/certs/ca-certificates.crt
if [ -f "$BUNDLE" ]; then
    cat "$BUNDLE" "$OUT/ca.pem" > "$OUT/os-bundle.crt"
    check "python: os_trust_store=True trusts a CA installed in the OS store" py unshare -m sh -c "
        mount --bind '$OUT/os-bundle.crt' '$BUNDLE' && exec '$PY' -c \"
import zexa
url = 'https://127.0.0.1:$API_PORT/v1'
assert zexa.Client('$KEY', base_url=url, os_trust_store=True).credits.get().balance == 5
try:
    zexa.Client('$KEY', base_url=url, max_retries=0).credits.get()
except zexa.APIConnectionError as e:
    assert 'certificate' in str(e).lower(), str(e)
else:
    raise SystemExit('the bundled roots trusted a private CA')
\""
else
    echo "skip - OS trust store test: no $BUNDLE on this machine"
fi

# gzip on the wire, and the key never in squid's log (which holds every request header).
grep -q 'ae="gzip" gzip=[0-9]' "$OUT/nginx-access.log" && ok "nginx sent the SDK's answers gzip-compressed" ||
    { cat "$OUT/nginx-access.log"; ko "nginx sent the SDK's answers gzip-compressed"; }
# A control: a key sent in clear through squid (plain http, as the SDK refuses to) is in its log,
# so the check below would see a leak.
curl -s -o /dev/null -x "$PROXY" -H "Authorization: Bearer zx_control_InClearKey" "http://127.0.0.1:1/v1/credits" || true
kill "${PIDS[1]}" 2>/dev/null; wait "${PIDS[1]}" 2>/dev/null  # squid flushes its log
grep -q "zx_control_InClearKey" "$OUT/squid/access.log" && ok "control: a key sent in clear shows in squid's log" ||
    ko "control: a key sent in clear shows in squid's log"
if grep -q "$KEY" "$OUT/squid/access.log"; then ko "the API key never appears in squid's log"; else
    ok "the API key never appears in squid's log ($(wc -l < "$OUT/squid/access.log") lines, headers included)"; fi

echo "network: $passed passed, $failed failed (logs in $OUT)"
[[ $failed -eq 0 ]]
