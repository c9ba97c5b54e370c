#!/usr/bin/env bash
# Builds the Python package and runs its checks: pytest against the sandbox, mypy --strict on
# the examples, stubtest on the package, and the quickstart. Works from a fresh clone: the
# venv (python/.venv) is created when missing. Exits non-zero when any step fails.
set -uo pipefail

PY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PY_DIR/.." && pwd)"
VENV="$PY_DIR/.venv"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }
die() { echo "python/run_tests.sh: $*" >&2; exit 1; }

if [ ! -x "$VENV/bin/python" ]; then
    step "creating $VENV"
    python3 -m venv "$VENV" || die "cannot create the venv"
fi
PY="$VENV/bin/python"
export VIRTUAL_ENV="$VENV"
export PATH="$VENV/bin:$PATH"

step "installing maturin, pytest, mypy, pyright, fastapi (the example's)"
"$PY" -m pip install -q --disable-pip-version-check "maturin>=1.9,<2" pytest mypy pyright gunicorn fastapi httpx typing_extensions \
    || die "pip install failed"

step "building the sandbox"
cargo build -q -p zexa-sandbox || die "cargo build -p zexa-sandbox failed"

step "building and installing zexa (maturin develop --release)"
(cd "$PY_DIR" && "$VENV/bin/maturin" develop --release -q) || die "maturin develop failed"

failed=()

step "pytest"
"$PY" -X dev -m pytest "$PY_DIR/tests" -q || failed+=("pytest")

step "pytest examples/python (zexa.testing and the zexa_sandbox fixture)"
"$PY" -X dev -m pytest "$ROOT/examples/python" -q -p no:cacheprovider || failed+=("pytest examples")

step "mypy --strict examples/python"
"$PY" -m mypy --strict "$ROOT"/examples/python/*.py || failed+=("mypy examples")
(cd "$PY_DIR" && "$PY" -m mypy --strict zexa) || failed+=("mypy zexa")

step "pyright --strict (the package and the examples)"
(cd "$PY_DIR" && "$VENV/bin/pyright" --pythonpath "$PY" -p pyrightconfig.json) || failed+=("pyright")

step "generated stubs up to date (python/gen_stubs.py --check)"
"$PY" "$PY_DIR/gen_stubs.py" --check || failed+=("gen_stubs")

step "stubtest"
(cd "$PY_DIR" && "$PY" -m mypy.stubtest zexa --allowlist stubtest-allowlist.txt) || failed+=("stubtest")

step "pyright --strict (the models, their stubs and the examples; pytest checks the stubs are up to date)"
# pyright (PyPI) runs on the system's node, fetching its npm package on first use.
if "$PY" -m pip install -q --disable-pip-version-check pyright && command -v node >/dev/null; then
    (cd "$PY_DIR" && "$VENV/bin/pyright" zexa/_models.pyi zexa/_models.py zexa/_sms.py "$ROOT"/examples/python/*.py) || failed+=("pyright")
else
    echo "python/run_tests.sh: pyright or node missing: pyright skipped" >&2
fi

step "quickstart (on its own sandbox)"
env -u ZEXA_BASE_URL -u ZEXA_API_KEY "$PY" -X dev "$ROOT/examples/python/quickstart.py" || failed+=("quickstart")

if [ "${#failed[@]}" -ne 0 ]; then
    echo "python/run_tests.sh: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "python/run_tests.sh: all checks passed"
