#!/usr/bin/env bash
# Browser test of the sandbox's inbox page: headless Chromium (Debian's package) driven by
# playwright-core loads the page, sees a message sent through the Rust SDK appear within
# 2 s, a campaign's progress reach completed, and the reset button empty the view.
# Screenshots go to tests/browser/out/ (git-ignored). Installs what is missing: chromium
# (apt-get) and playwright-core (npm, into tests/browser/node_modules, git-ignored).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$HERE/out"
cd "$ROOT"

die() { echo "tests/browser/run.sh: $*" >&2; exit 1; }

CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
    echo "installing chromium..."
    (apt-get install -y chromium >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y chromium >/dev/null)) \
        || die "chromium is missing and could not be installed"
fi
command -v node >/dev/null || die "node is required"
# Pinned: the version this test was written against (it drives any recent Chromium).
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
    echo "installing playwright-core..."
    (cd "$HERE" && npm install --no-audit --no-fund --silent --no-save playwright-core@1.65.1 >/dev/null) \
        || die "npm install playwright-core failed"
fi

cargo build -q -p zexa-sandbox || die "cargo build -p zexa-sandbox failed"
cargo build -q -p zexa --example inbox_demo || die "cargo build --example inbox_demo failed"

rm -rf "$OUT"
mkdir -p "$OUT"
SANDBOX_LOG="$OUT/sandbox.out"
"$ROOT/target/debug/zexa-sandbox" --addr 127.0.0.1:0 --delivery-ms 3000 --failure-rate 0.25 --seed 7 \
    >"$SANDBOX_LOG" 2>"$OUT/sandbox.err" &
SANDBOX_PID=$!
trap 'kill "$SANDBOX_PID" 2>/dev/null || true; wait "$SANDBOX_PID" 2>/dev/null || true' EXIT
BASE_URL=""
for _ in $(seq 1 100); do
    BASE_URL="$(head -n1 "$SANDBOX_LOG" 2>/dev/null || true)"
    [[ $BASE_URL == http* ]] && break
    kill -0 "$SANDBOX_PID" 2>/dev/null || die "the sandbox exited: $(cat "$OUT/sandbox.err")"
    sleep 0.1
done
[[ $BASE_URL == http* ]] || die "the sandbox did not print its address"
INBOX_URL="$(sed -n 's/^inbox: //p' "$SANDBOX_LOG")"
[[ $INBOX_URL == http://127.0.0.1:*/ ]] || die "no inbox address next to the API's: $(cat "$SANDBOX_LOG")"

ZEXA_BASE_URL="$BASE_URL" ZEXA_API_KEY=zx_sandbox_key INBOX_URL="$INBOX_URL" OUT="$OUT" \
    DEMO="$ROOT/target/debug/examples/inbox_demo" CHROMIUM="$CHROMIUM" \
    node "$HERE/inbox.test.mjs"
