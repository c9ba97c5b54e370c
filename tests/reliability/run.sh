#!/usr/bin/env bash
# The reliability and security suite: the Rust tests of zexa-reliability (faults, bad input,
# fuzzing, load, security; release build so the load test is fast), then, when their layers
# are built, the Python bad-input tests and the C bad-input program under valgrind.
# Called by tests/run.sh after the C and Python suites built their artifacts. Exits non-zero
# on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TERM_COLOR=never

echo "--- reliability: Rust (release)"
cargo test -q -p zexa-reliability --release
if [ -f target/reliability/faults.md ]; then
    echo "--- fault table (target/reliability/faults.md)"
    cat target/reliability/faults.md
fi

if [ -x python/.venv/bin/python ]; then
    echo "--- reliability: Python"
    python/.venv/bin/python -X dev -m pytest tests/reliability -q -p no:cacheprovider
else
    echo "--- reliability: Python skipped (python/.venv not built; run python/run_tests.sh first)"
fi

if [ -f target/release/libzexa.so ] && [ -f include/zexa.h ]; then
    echo "--- reliability: C (valgrind)"
    command -v valgrind >/dev/null || { echo "valgrind is required" >&2; exit 1; }
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
    for src in tests/reliability/*.c; do
        bin="$out/$(basename "$src" .c)"
        gcc -std=c99 -Wall -Wextra -Werror -pedantic -Iinclude "$src" -Ltarget/release -lzexa -o "$bin"
        LD_LIBRARY_PATH=target/release valgrind -q --error-exitcode=1 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect "$bin"
    done
else
    echo "--- reliability: C skipped (target/release/libzexa.so not built; run tests/c/run.sh first)"
fi
echo "--- reliability: ok"
