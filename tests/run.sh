#!/usr/bin/env bash
# Every test of the project, in one command: formatting and lints, the Rust crates (core,
# sandbox, ffi), the quickstart, the C and C++ programs under valgrind, the Python package,
# the sandbox's inbox page in headless Chromium.
# On a fresh machine this is all the set-up: each step installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

started=$(date +%s)
step() { printf '\n=== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }

step "rustfmt"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests (core, sandbox, ffi, bench helpers)"
# The Python extension crate links against the interpreter at import time, so it is tested
# from Python below, not by cargo; the reliability suite runs in release mode further down.
cargo test --workspace --exclude zexa-python --exclude zexa-reliability
# The optional `time` feature (conversions for `scheduled_at`).
cargo test -p zexa --features time --lib timestamp
# The optional `native-roots` feature (the OS trust store by default).
cargo test -p zexa --features native-roots --lib feature_tests

step "Publishable crates (cargo publish --dry-run; the packaged crates build and pass their doctests)"
bash tests/publish/run.sh

step "quickstart (Rust, embedded sandbox)"
env -u ZEXA_BASE_URL -u ZEXA_API_KEY cargo run -q --example quickstart

step "CLI in a terminal (the campaign progress bar in a pseudo-terminal)"
# Every command's end-to-end tests run with the Rust tests above (cargo test -p zexa-cli).
bash tests/cli/run.sh

step "C and C++ (valgrind)"
bash tests/c/run.sh

step "Python"
bash python/run_tests.sh

step "Inbox page in headless Chromium"
bash tests/browser/run.sh

step "Real networks (squid, nginx with TLS and gzip, the OS trust store)"
bash tests/network/run.sh

step "Reliability and security (faults, bad input, fuzzing, load)"
bash tests/reliability/run.sh

step "done"
# Every step above stops the run on failure (set -e), so reaching here means all passed.
echo "suites: 10 passed, 0 failed"
