#!/usr/bin/env bash
# Compares the ABI of include/zexa.h with the committed baseline ffi/abi/libzexa.so.0.abi and
# fails on a change ffi/ABI.md does not allow (a removed or changed function, a struct whose
# layout changed other than by fields appended at its end, a changed typedef...).
#
#   bash tests/c/abi.sh                 the check (installs abigail-tools where missing)
#   ZEXA_BLESS=1 bash tests/c/abi.sh    rewrite the baseline: only with a new major version
#                                       (SONAME), or to record additions
#
# How: gcc itself lists every prototype of the header (-aux-info); each becomes a stub in a
# small shared object built with full debug info and the library's version script, and
# abidw/abidiff compare that object's types and symbols with the baseline's. The real
# library is checked against the same header by tests/c/run.sh (same symbols, same version
# nodes) and by cbindgen (the header is generated from the Rust definitions).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BASELINE=ffi/abi/libzexa.so.0.abi

if ! command -v abidiff >/dev/null || ! command -v abidw >/dev/null; then
    echo "installing abigail-tools..."
    (apt-get install -y abigail-tools >/dev/null 2>&1 ||
        (apt-get update >/dev/null && apt-get install -y abigail-tools >/dev/null)) ||
        { echo "abi.sh: abigail-tools is missing and could not be installed" >&2; exit 1; }
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# abi_of DIR OUT: the ABI of DIR/zexa.h, written to OUT (paths are recorded as given, so the
# baseline is made from the relative "include").
abi_of() {
    local dir="$1" out="$2"
    printf '#include "zexa.h"\n' > "$WORK/probe.c"
    gcc -std=c2x -I"$dir" -aux-info "$WORK/prototypes" -c "$WORK/probe.c" -o "$WORK/probe.o"
    {
        echo '#include "zexa.h"'
        grep 'zexa.h:' "$WORK/prototypes" | sed -E 's|^/\* .* \*/ extern (.*);$|\1 { __builtin_trap(); }|'
    } > "$WORK/stubs.c"
    count="$(grep -c '__builtin_trap' "$WORK/stubs.c")"
    gcc -std=c2x -g -O0 -fPIC -shared -I"$dir" "$WORK/stubs.c" -o "$WORK/libzexa.so.0" \
        -Wl,-soname,libzexa.so.0 -Wl,--version-script=ffi/libzexa.map
    abidw --no-corpus-path --headers-dir "$dir" "$WORK/libzexa.so.0" > "$out"
}

compare() {
    abidiff --no-added-syms --suppressions ffi/abi/allowed.suppr "$BASELINE" "$1" > "$WORK/report"
}

abi_of include "$WORK/current.abi"
if [[ -n "${ZEXA_BLESS:-}" ]]; then
    cp "$WORK/current.abi" "$BASELINE"
    echo "abi.sh: wrote $BASELINE ($count functions)"
    exit 0
fi
[[ -f "$BASELINE" ]] || { echo "abi.sh: no $BASELINE (ZEXA_BLESS=1 writes it)" >&2; exit 1; }
# Added functions are compatible (they go in a new version node, see ffi/libzexa.map).
if compare "$WORK/current.abi"; then
    echo "abi.sh: the ABI of $count functions is compatible with $BASELINE"
else
    status=$?
    cat "$WORK/report"
    echo "abi.sh: incompatible with $BASELINE (abidiff status $status; see ffi/ABI.md)" >&2
    exit 1
fi

# The check itself can fail: a field inserted at the start of a result struct (what an old
# binary would then misread) and a removed function are both reported.
mkdir -p "$WORK/mutated"
sed 's/^typedef struct ZexaContact {$/&\n  int inserted;/' include/zexa.h > "$WORK/mutated/zexa.h"
abi_of "$WORK/mutated" "$WORK/inserted.abi"
if compare "$WORK/inserted.abi"; then
    echo "abi.sh: a field inserted into ZexaContact was not reported" >&2
    exit 1
fi
sed 's/zexa_credits_get(/zexa_credits_get_renamed(/' include/zexa.h > "$WORK/mutated/zexa.h"
abi_of "$WORK/mutated" "$WORK/removed.abi"
if compare "$WORK/removed.abi"; then
    echo "abi.sh: a removed function was not reported" >&2
    exit 1
fi
echo "abi.sh: an inserted field and a removed function are both reported"
