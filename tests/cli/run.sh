#!/usr/bin/env bash
# The CLI's tests that need more than cargo: the progress bar in a pseudo-terminal. (The
# end-to-end tests of every command are Rust tests: `cargo test -p zexa-cli`.)
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build -q -p zexa-cli
python3 tests/cli/progress_pty.py target/debug/zexa
