#!/usr/bin/env bash
# The Zexa SDK benchmarks, in one command: `bash bench/run.sh` (a few minutes) or
# `bash bench/run.sh --quick` (small N, one round: a smoke check of every step), or one section
# alone: `bash bench/run.sh [--quick] --only memory` (its table in bench/RESULTS.md is replaced,
# the other sections are kept as they were).
#
# Sections (each one a loop of interleaved rounds; the report takes medians):
#   1. latency      GET /contacts/{id}, one thread, keep-alive, against nginx returning a fixed
#                   contact: Rust SDK, raw ureq (also with a timeout set, as the SDK does),
#                   C library, Python SDK, requests, httpx, urllib3, and nginx's own
#                   one-connection limit (wrk -t1 -c1).
#   2. concurrency  1, 4, 8 threads sharing one client, sandbox --latency-ms 10 (Python, Rust).
#   3. paginate     every contact of a --seed-contacts 100000 sandbox, per_page=100: time,
#                   peak RSS (/usr/bin/time), RSS growth (Rust, C, Python SDK, requests).
#   4. create       POST /contacts x 10000 from Python (SDK, requests).
#   5. import       `import zexa` vs `import requests`, fresh interpreter, median of 10.
#   6. memory       N clients (100, 1,000) each with one live connection, over plain HTTP (the
#                   sandbox) and TLS (nginx with a private CA made here): resident memory per
#                   client and the time to make a client and its first call (Rust SDK,
#                   Python SDK, requests.Session, httpx.Client).
#   7. slowlink     a network namespace of its own, loopback at MTU 1500 behind a 2 Mbit/s tbf
#                   qdisc, nginx with `gzip on` serving pages of 100 contacts: per-page time and
#                   1,000 creates one by one (Python SDK, requests, httpx, Rust SDK, C library)
#                   against the physical limit. Alone: `bash bench/run.sh --only slowlink`
#                   (writes only its section of bench/RESULTS.md). Skipped, with a line saying
#                   so, where network namespaces are not permitted.
# Results: bench/out/results.jsonl (raw lines) and bench/RESULTS.md (tables, goals; with
# --quick, bench/out/RESULTS-quick.md instead, so a smoke check keeps the committed numbers).
# It fails only when a step breaks, never on a number. Servers listen on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
OUT=$BENCH/out
REL=$ROOT/target/release
export CARGO_TERM_COLOR=never

QUICK=0
ONLY=""
SECTIONS="latency concurrency paginate create import memory slowlink bulk"
usage() { echo "usage: bash bench/run.sh [--quick] [--only SECTION]   (SECTION: ${SECTIONS// /, })" >&2; exit 2; }
while (($#)); do
  case "$1" in
    --quick) QUICK=1 ;;
    --only)
      [[ -n ${2:-} && " $SECTIONS " == *" $2 "* ]] || usage
      ONLY=$2
      shift
      ;;
    *) usage ;;
  esac
  shift
done
# Whether a section runs: every one, or the one given with --only.
want() { [[ -z $ONLY || $ONLY == "$1" ]]; }
SLOW_PAGES=30 SLOW_CREATES=1000 SLOW_ROUNDS=3
if ((QUICK)); then SLOW_PAGES=5 SLOW_CREATES=50 SLOW_ROUNDS=1; fi
if ((QUICK)); then
  ROUNDS=1 LAT_N=300 WRK_SECS=1 CONC_N=20 PAGE_SEED=3000 PAGE_ROUNDS=1 CREATE_N=200 CREATE_ROUNDS=1 IMPORT_REPEAT=3
  MEM_NS="20 50" MEM_ROUNDS=1
else
  ROUNDS=5 LAT_N=5000 WRK_SECS=3 CONC_N=200 PAGE_SEED=100000 PAGE_ROUNDS=7 CREATE_N=10000 CREATE_ROUNDS=3 IMPORT_REPEAT=10
  # Memory does not depend on the load; the 1,000-client rounds are long (httpx.Client loads
  # its CA bundle per client: ~0.1 s each), so they run once.
  MEM_NS="100 1000" MEM_ROUNDS=3
fi

started=$(date +%s)
step() { printf '\n=== %s (%ss)\n' "$*" "$(($(date +%s) - started))" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }

mkdir -p "$OUT"
RESULTS=$OUT/results${ONLY:+-$ONLY}.jsonl
: >"$RESULTS"
TMP=$(mktemp -d /tmp/zexa-bench.XXXXXX)
SERVER_PIDS=()

stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${SERVER_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}
cleanup() {
  stop_servers
  # The slow link's network namespace, if a run stopped inside that section.
  if [[ -n ${SLOW_NS:-} ]]; then ip netns del "$SLOW_NS" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A JSON line saying why a measurement is missing; the report shows it as "n/a".
skip() { printf '{"section": "%s", "client": "%s", "error": "%s"}\n' "$1" "$2" "$3" >>"$RESULTS"; warn "$1/$2: $3"; }
# Runs a benchmark command and keeps its JSON line; a failing command stops the run.
record() { "$@" | tee -a "$RESULTS"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ---------------------------------------------------------------------------------------------
step "build (release: bench, sandbox, ffi)"
if [[ $ONLY == slowlink ]]; then
  cargo build --release -p zexa-bench --bin slowlink
elif [[ $ONLY == bulk ]]; then
  cargo build --release -p zexa-bench --bin bulk
else
  cargo build --release -p zexa-bench -p zexa-sandbox
fi
HAVE_C=0
if ! want latency && ! want paginate && ! want slowlink; then
  : # no section of this run uses the C library
elif cargo build --release -p zexa-ffi; then
  if [[ -f $ROOT/include/zexa.h && -f $REL/libzexa.so ]]; then
    mkdir -p "$OUT/c"
    HAVE_C=1
    for prog in latency paginate slowlink; do
      gcc -O2 -std=c11 -Wall -Wextra -I"$ROOT/include" -o "$OUT/c/$prog" "$BENCH/c/$prog.c" \
        -L"$REL" -lzexa -Wl,-rpath,"$REL" || HAVE_C=0
    done
    ((HAVE_C)) || warn "bench/c does not compile against include/zexa.h: the C rows are n/a"
  else
    warn "no include/zexa.h or libzexa.so yet: the C rows are n/a"
  fi
else
  warn "zexa-ffi does not build: the C rows are n/a"
fi

# ---------------------------------------------------------------------------------------------
# 8. Bulk sends: the bench embeds its own sandboxes (50 ms latency; then a 100/s rate limit)
# and prints its section of RESULTS.md, which replaces the one there.
BULK_N=2000 BULK_SERIAL_N=200
if ((QUICK)); then BULK_N=200 BULK_SERIAL_N=40; fi
bulk_report() {
  python3 - "$OUT/bulk.md" "$1" <<'PY'
import sys
sys.path.insert(0, "bench")
from report import replace_block
block = open(sys.argv[1]).read().strip()
doc = replace_block(sys.argv[2], block, "bulk")
open(sys.argv[2], "w").write(doc)
PY
}
if want bulk; then
  step "8. bulk sends: send_many vs one by one ($BULK_N messages, 50 ms sandbox; 100/s rate limit)"
  "$REL/bulk" --n "$BULK_N" --serial-n "$BULK_SERIAL_N" | tee "$OUT/bulk.md"
fi
if [[ $ONLY == bulk ]]; then
  step "report (bulk section only)"
  if ((QUICK)); then bulk_report "$OUT/RESULTS-quick.md"; else bulk_report "$BENCH/RESULTS.md"; fi
  step "done"
  exit 0
fi

step "tools (nginx, wrk)"
need_apt=()
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need_apt+=(nginx-light)
if want latency; then command -v wrk >/dev/null || need_apt+=(wrk); fi
command -v openssl >/dev/null || need_apt+=(openssl)
if ((${#need_apt[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

step "Python venv (bench/.venv: requests httpx urllib3 + the SDK from ./python)"
VENV=$BENCH/.venv
[[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
PY=$VENV/bin/python
"$PY" -m pip install -q --disable-pip-version-check requests httpx urllib3
PY_SDK=""
if [[ -f $ROOT/python/pyproject.toml ]]; then
  # --force-reinstall: the version number does not change between builds of this tree.
  if "$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$ROOT/python" >"$OUT/pip-sdk.log" 2>&1; then
    PY_SDK=$PY
  else
    warn "pip install ./python failed (see bench/out/pip-sdk.log)"
  fi
fi
if [[ -z $PY_SDK && -x $ROOT/python/.venv/bin/python ]] &&
  (cd "$BENCH" && "$ROOT/python/.venv/bin/python" -c 'import zexa') 2>/dev/null; then
  PY_SDK=$ROOT/python/.venv/bin/python
  warn "using the SDK of python/.venv"
fi
if [[ -n $PY_SDK ]] && ! (cd "$BENCH" && "$PY_SDK" -c 'import zexa; zexa.Client') 2>/dev/null; then
  warn "the installed zexa package has no Client"
  PY_SDK=""
fi
[[ -n $PY_SDK ]] || warn "no Python SDK: its rows are n/a"

# ---------------------------------------------------------------------------------------------
# nginx in the foreground with its own config, one worker, a fixed documented contact.
start_nginx() {
  local port=$1 dir=$TMP/nginx
  mkdir -p "$dir/logs"
  cat >"$dir/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  keepalive_requests 10000000;
  keepalive_timeout 300s;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  server {
    listen 127.0.0.1:$port;
    location /v1/contacts/ {
      default_type application/json;
      return 200 '{"id": "cnt_def456", "name": "Maria Santos", "phone": "+244912345678", "email": "maria@example.com", "lists": ["lst_abc123"], "created_at": "2026-06-24T10:00:00Z"}';
    }
  }
}
EOF
  "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" &
  SERVER_PIDS+=($!)
  wait_port "$port"
}

wait_port() {
  local i
  for ((i = 0; i < 300; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1 after 30 s" >&2
  return 1
}

# Starts a sandbox with extra flags (run under "${SANDBOX_PREFIX[@]}", e.g. taskset); sets
# SANDBOX_URL once it prints its base URL.
SANDBOX_PREFIX=()
start_sandbox() {
  local port log i
  port=$(free_port)
  log=$TMP/sandbox-$port.out
  "${SANDBOX_PREFIX[@]}" "$REL/zexa-sandbox" --addr "127.0.0.1:$port" "$@" >"$log" 2>"$log.err" &
  SERVER_PIDS+=($!)
  for ((i = 0; i < 1200; i++)); do
    SANDBOX_URL=$(head -n1 "$log")
    [[ $SANDBOX_URL == http* ]] && return 0
    sleep 0.1
  done
  echo "the sandbox did not start in 120 s: $(cat "$log.err")" >&2
  return 1
}

# ---------------------------------------------------------------------------------------------
# 7. The slow link. Its own network namespace: the tbf qdisc shapes only that namespace's
# loopback, nothing else of the machine, and `ip netns del` takes it all away.
SLOW_NS=""
slowlink_cleanup() {
  if [[ -n $SLOW_NS ]]; then ip netns del "$SLOW_NS" 2>/dev/null || true; SLOW_NS=""; fi
}
SLOW_RATE_BPS=2000000 SLOW_BURST=1600 SLOW_GZIP_LEVEL=1
slowlink_section() {
  local ns=zexa-slow-$$ dir=$TMP/slow port=8080 r url log i
  step "7. slow link: 2 Mbit/s tbf in a network namespace, nginx gzip ($SLOW_ROUNDS rounds x $SLOW_PAGES pages, $SLOW_CREATES creates)"
  if ! ip netns add "$ns" 2>"$TMP/netns.err"; then
    skip slowlink all "network namespaces are not permitted here: $(head -c 120 "$TMP/netns.err" | tr -d '"\n')"
    return 0
  fi
  SLOW_NS=$ns
  if ! { ip netns exec "$ns" ip link set lo mtu 1500 up &&
    ip netns exec "$ns" tc qdisc add dev lo root tbf rate 2mbit burst "$SLOW_BURST" latency 200ms; } 2>"$TMP/netns.err"; then
    skip slowlink all "cannot shape the namespace's loopback with tbf: $(head -c 120 "$TMP/netns.err" | tr -d '"\n')"
    slowlink_cleanup
    return 0
  fi
  mkdir -p "$dir/www/pages" "$dir/logs"
  python3 "$BENCH/slowlink_pages.py" "$dir/www/pages" "$((SLOW_PAGES + 1))"
  # nginx's worker runs as nobody: the pages must be readable by it.
  chmod 755 "$TMP" && chmod -R a+rX "$dir/www"
  log=$dir/logs/access.log
  cat >"$dir/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 64; }
http {
  log_format wire '\$request_method \$status \$bytes_sent \$request_length \$gzip_ratio \$http_accept_encoding';
  access_log $log wire;
  keepalive_requests 1000000;
  keepalive_timeout 300s;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  gzip on;
  gzip_comp_level $SLOW_GZIP_LEVEL;
  gzip_types application/json;
  server {
    listen 127.0.0.1:$port;
    root $dir/www;
    default_type application/json;
    location = /v1/contacts {
      if (\$request_method = POST) {
        return 201 '{"id": "cnt_def456", "name": "Maria Santos", "phone": "+244912345678", "email": "maria@example.com", "lists": ["lst_abc123"], "created_at": "2026-06-24T10:00:00Z"}';
      }
      try_files /pages/\$arg_page.json =404;
    }
  }
}
EOF
  ip netns exec "$ns" "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" &
  SERVER_PIDS+=($!)
  for ((i = 0; i < 100; i++)); do
    ip netns exec "$ns" bash -c "(exec 3<>/dev/tcp/127.0.0.1/$port)" 2>/dev/null && break
    sleep 0.1
  done
  url=http://127.0.0.1:$port/v1
  local in_ns=(ip netns exec "$ns")
  [[ -n $PY_SDK ]] || skip slowlink py-sdk "Python SDK not installed"
  ((HAVE_C)) || skip slowlink c-sdk "C library not built"
  : >"$log" # only the measured calls count for the bytes on the wire
  for ((r = 1; r <= SLOW_ROUNDS; r++)); do
    if [[ -n $PY_SDK ]]; then
      record "${in_ns[@]}" "$PY_SDK" "$BENCH/python/slowlink.py" --client sdk --url "$url" --pages "$SLOW_PAGES" --creates "$SLOW_CREATES"
    fi
    for peer in requests httpx requests-identity; do
      record "${in_ns[@]}" "$PY" "$BENCH/python/slowlink.py" --client "$peer" --url "$url" --pages "$SLOW_PAGES" --creates "$SLOW_CREATES"
    done
    record "${in_ns[@]}" "$REL/slowlink" --url "$url" --pages "$SLOW_PAGES" --creates "$SLOW_CREATES"
    if ((HAVE_C)); then record "${in_ns[@]}" "$OUT/c/slowlink" "$url" "$SLOW_PAGES" "$SLOW_CREATES"; fi
  done
  stop_servers
  cp "$log" "$OUT/slowlink-access.log"
  slowlink_cleanup
}
slowlink_report() {
  [[ -f $OUT/slowlink-access.log ]] || : >"$OUT/slowlink-access.log"
  python3 "$BENCH/slowlink_report.py" --results "$RESULTS" --access-log "$OUT/slowlink-access.log" \
    --rate-bps "$SLOW_RATE_BPS" --burst-bytes "$SLOW_BURST" --gzip-level "$SLOW_GZIP_LEVEL" --out "$1"
}
if want slowlink; then slowlink_section; fi
if [[ $ONLY == slowlink ]]; then
  step "report (slowlink section only)"
  if ((QUICK)); then slowlink_report "$OUT/RESULTS-quick.md"; else slowlink_report "$BENCH/RESULTS.md"; fi
  step "done"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
if want latency; then
step "1. latency against nginx ($ROUNDS rounds x $LAT_N calls)"
NGINX_PORT=$(free_port)
start_nginx "$NGINX_PORT"
NGINX_URL=http://127.0.0.1:$NGINX_PORT/v1
[[ -n $PY_SDK ]] || skip latency py-sdk "Python SDK not installed"
((HAVE_C)) || skip latency c-sdk "C library not built"
for ((r = 1; r <= ROUNDS; r++)); do
  record "$REL/latency" --client sdk --url "$NGINX_URL" --n "$LAT_N"
  record "$REL/latency" --client ureq --url "$NGINX_URL" --n "$LAT_N"
  record "$REL/latency" --client ureq-timeout --url "$NGINX_URL" --n "$LAT_N"
  if ((HAVE_C)); then record "$OUT/c/latency" "$NGINX_URL" "$LAT_N"; fi
  if [[ -n $PY_SDK ]]; then record "$PY_SDK" "$BENCH/python/latency.py" --client sdk --url "$NGINX_URL" --n "$LAT_N"; fi
  for peer in requests httpx urllib3; do
    record "$PY" "$BENCH/python/latency.py" --client "$peer" --url "$NGINX_URL" --n "$LAT_N"
  done
  wrk -t1 -c1 -d"${WRK_SECS}s" "$NGINX_URL/contacts/cnt_def456" >"$TMP/wrk.txt"
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$TMP/wrk.txt")
  [[ -n $rps ]] || { cat "$TMP/wrk.txt" >&2; exit 1; }
  echo "{\"section\": \"latency\", \"client\": \"wrk\", \"secs\": $WRK_SECS, \"calls_per_s\": $rps}" |
    tee -a "$RESULTS"
done
stop_servers

fi
# ---------------------------------------------------------------------------------------------
if want concurrency; then
step "2. concurrency against the sandbox --latency-ms 10 (1, 4, 8 threads x $CONC_N calls)"
start_sandbox --seed-contacts 10 --latency-ms 10
[[ -n $PY_SDK ]] || skip concurrency py-sdk "Python SDK not installed"
for ((r = 1; r <= ROUNDS && r <= 3; r++)); do
  for t in 1 4 8; do
    record "$REL/concurrency" --url "$SANDBOX_URL" --threads "$t" --n-per-thread "$CONC_N"
    if [[ -n $PY_SDK ]]; then
      record "$PY_SDK" "$BENCH/python/concurrency.py" --url "$SANDBOX_URL" --threads "$t" --n-per-thread "$CONC_N"
    fi
  done
  # zexa.AsyncClient: 64 awaits vs 64 threads, and the event loop's timer lag (issue 15).
  if [[ -n $PY_SDK ]]; then record "$PY_SDK" "$BENCH/python/async_concurrency.py" --url "$SANDBOX_URL" --tasks 64 --n-per-task "$CONC_N"; fi
done
stop_servers

fi
# ---------------------------------------------------------------------------------------------
if want paginate; then
step "3. pagination of $PAGE_SEED contacts, per_page=100 ($PAGE_ROUNDS rounds)"
# Placement: the sandbox on CPU 0 and every client on CPU 1, as if on separate hosts. Left to
# the scheduler, some client processes share the server's CPU and others do not, and that
# alone moved the Python/Rust ratio by 0.1 between runs (bench/PROFILES.md). The Rust and
# Python SDK rounds are then repeated unpinned, as a check ("-unpinned" rows).
PIN_CLIENT=()
if (($(nproc) >= 2)) && command -v taskset >/dev/null; then
  SANDBOX_PREFIX=(taskset -c 0)
  PIN_CLIENT=(taskset -c 1)
fi
start_sandbox --seed-contacts "$PAGE_SEED"
SANDBOX_PREFIX=()
# Runs a paginate command under /usr/bin/time and adds its "Maximum resident set size"; with
# CLIENT_SUFFIX set, the suffix is added to the line's client name.
record_rss() {
  local line
  line=$(/usr/bin/time -f '%M' -o "$TMP/maxrss" "$@")
  line=${line%\}}
  if [[ -n ${CLIENT_SUFFIX:-} ]]; then
    line=$(sed -E "s/(\"client\": *\"[a-z-]+)\"/\1$CLIENT_SUFFIX\"/" <<<"$line")
  fi
  echo "$line, \"max_rss_mb\": $(awk '{printf "%.3f", $1 / 1024}' "$TMP/maxrss")}" | tee -a "$RESULTS"
}
[[ -n $PY_SDK ]] || skip paginate py-sdk "Python SDK not installed"
((HAVE_C)) || skip paginate c-sdk "C library not built"
for ((r = 1; r <= PAGE_ROUNDS; r++)); do
  record_rss "${PIN_CLIENT[@]}" "$REL/paginate" --url "$SANDBOX_URL" --per-page 100 --expect "$PAGE_SEED"
  if ((HAVE_C)); then record_rss "${PIN_CLIENT[@]}" "$OUT/c/paginate" "$SANDBOX_URL" 100 "$PAGE_SEED"; fi
  if [[ -n $PY_SDK ]]; then
    record_rss "${PIN_CLIENT[@]}" "$PY_SDK" "$BENCH/python/paginate.py" --client sdk --url "$SANDBOX_URL" \
      --per-page 100 --expect "$PAGE_SEED"
  fi
  record_rss "${PIN_CLIENT[@]}" "$PY" "$BENCH/python/paginate.py" --client requests --url "$SANDBOX_URL" \
    --per-page 100 --expect "$PAGE_SEED"
done
stop_servers
if ((${#PIN_CLIENT[@]})); then
  start_sandbox --seed-contacts "$PAGE_SEED"
  for ((r = 1; r <= PAGE_ROUNDS; r++)); do
    CLIENT_SUFFIX=-unpinned record_rss "$REL/paginate" --url "$SANDBOX_URL" --per-page 100 --expect "$PAGE_SEED"
    if [[ -n $PY_SDK ]]; then
      CLIENT_SUFFIX=-unpinned record_rss "$PY_SDK" "$BENCH/python/paginate.py" --client sdk --url "$SANDBOX_URL" \
        --per-page 100 --expect "$PAGE_SEED"
    fi
  done
  stop_servers
fi
echo "{\"section\": \"paginate-placement\", \"client\": \"all\", \"pinned\": $((${#PIN_CLIENT[@]} > 0))}" >>"$RESULTS"

fi
# ---------------------------------------------------------------------------------------------
if want create; then
step "4. create throughput: POST /contacts x $CREATE_N from Python ($CREATE_ROUNDS rounds)"
start_sandbox
[[ -n $PY_SDK ]] || skip create py-sdk "Python SDK not installed"
for ((r = 1; r <= CREATE_ROUNDS; r++)); do
  # Phone prefixes keep every run's numbers distinct on the one sandbox.
  if [[ -n $PY_SDK ]]; then
    record "$PY_SDK" "$BENCH/python/create.py" --client sdk --url "$SANDBOX_URL" --n "$CREATE_N" --prefix "$((2 * r))"
  fi
  record "$PY" "$BENCH/python/create.py" --client requests --url "$SANDBOX_URL" --n "$CREATE_N" --prefix "$((2 * r + 1))"
done
stop_servers

fi
# ---------------------------------------------------------------------------------------------
if want import; then
step "5. import time (median of $IMPORT_REPEAT fresh interpreters)"
if [[ -n $PY_SDK && $PY_SDK != "$PY" ]]; then
  record "$PY_SDK" "$BENCH/python/import_time.py" --python "$PY_SDK" --modules zexa --repeat "$IMPORT_REPEAT"
  record "$PY" "$BENCH/python/import_time.py" --python "$PY" --modules requests --repeat "$IMPORT_REPEAT"
elif [[ -n $PY_SDK ]]; then
  record "$PY" "$BENCH/python/import_time.py" --python "$PY" --modules zexa,requests --repeat "$IMPORT_REPEAT"
else
  skip import zexa "Python SDK not installed"
  record "$PY" "$BENCH/python/import_time.py" --python "$PY" --modules requests --repeat "$IMPORT_REPEAT"
fi

fi
# ---------------------------------------------------------------------------------------------
# A private CA and a certificate for 127.0.0.1 and localhost signed by it (EC P-256), in $1.
make_certs() {
  local dir=$1
  mkdir -p "$dir"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/CN=zexa bench CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$dir/leaf.key" -out "$dir/leaf.csr" -subj /CN=localhost 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$dir/leaf.ext"
  openssl x509 -req -in "$dir/leaf.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
    -out "$dir/leaf.pem" -days 2 -extfile "$dir/leaf.ext" 2>/dev/null
}

# nginx over TLS on 127.0.0.1:$1 with the certificate of make_certs in $2, answering
# GET /v1/credits; room for thousands of keep-alive connections.
start_nginx_tls() {
  local port=$1 certs=$2 dir=$TMP/nginx-tls
  mkdir -p "$dir/logs"
  cat >"$dir/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
worker_rlimit_nofile 16384;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 10000000;
  keepalive_timeout 300s;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  server {
    listen 127.0.0.1:$port ssl;
    ssl_certificate $certs/leaf.pem;
    ssl_certificate_key $certs/leaf.key;
    location /v1/credits {
      default_type application/json;
      return 200 '{"balance": 1250.5, "currency": "AOA"}';
    }
  }
}
EOF
  "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" &
  SERVER_PIDS+=($!)
  wait_port "$port"
}

if want memory; then
step "6. memory per client: N in ($MEM_NS) clients with one live connection each, plain HTTP and TLS"
CERTS=$TMP/certs
make_certs "$CERTS"
TLS_PORT=$(free_port)
start_nginx_tls "$TLS_PORT" "$CERTS"
TLS_URL=https://127.0.0.1:$TLS_PORT/v1
start_sandbox
PLAIN_URL=$SANDBOX_URL
# 1,000 live connections in one client process.
if (($(ulimit -n) < 4096)); then
  ulimit -n 4096 2>/dev/null || warn "ulimit -n is $(ulimit -n): the 1,000-client rounds may fail"
fi
[[ -n $PY_SDK ]] || skip memory py-sdk "Python SDK not installed"
for n in $MEM_NS; do
  rounds=$MEM_ROUNDS
  ((n < 1000)) || rounds=1
  for ((r = 1; r <= rounds; r++)); do
    for transport in plain tls; do
      if [[ $transport == plain ]]; then url=$PLAIN_URL ca=(); else url=$TLS_URL ca=(--ca "$CERTS/ca.pem"); fi
      record "$REL/memory" --url "$url" --n "$n" --transport "$transport" "${ca[@]}"
      if [[ -n $PY_SDK ]]; then
        record "$PY_SDK" "$BENCH/python/memory.py" --client sdk --url "$url" --n "$n" --transport "$transport" "${ca[@]}"
      fi
      for peer in requests httpx; do
        record "$PY" "$BENCH/python/memory.py" --client "$peer" --url "$url" --n "$n" --transport "$transport" "${ca[@]}"
      done
    done
  done
done
printf '{"section": "memory-machine", "client": "all", "date": "%s", "load": "%s"}\n' \
  "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"
stop_servers
fi

# ---------------------------------------------------------------------------------------------
step "report"
# A smoke check does not overwrite the committed numbers.
MODE=full REPORT=$BENCH/RESULTS.md
if ((QUICK)); then MODE=quick REPORT=$OUT/RESULTS-quick.md; fi
# With --only, the report replaces that section of the existing file and keeps the others.
python3 "$BENCH/report.py" --results "$RESULTS" --out "$REPORT" --mode "$MODE" \
  --python "$PY" --nginx "$NGINX" ${ONLY:+--only "$ONLY"}
if want slowlink; then slowlink_report "$REPORT" >/dev/null; fi
if want bulk; then bulk_report "$REPORT"; fi
step "done: ${REPORT#"$ROOT"/}"
