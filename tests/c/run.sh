#!/usr/bin/env bash
# Builds libzexa, checks the header and the exported symbols, and runs the C/C++ tests and
# the C quickstart under valgrind against fresh sandboxes. Exits non-zero on any failure.
#
#   tests/c/run.sh            (from anywhere; needs cargo, gcc, g++, nm; installs valgrind)
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BUILD="$ROOT/target/c-tests"
RELEASE="$ROOT/target/release"
mkdir -p "$BUILD"

passed=0
failed=0
failures=()
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
}
trap cleanup EXIT INT TERM

ok() { passed=$((passed + 1)); echo "ok   - $1"; }
ko() { failed=$((failed + 1)); failures+=("$1"); echo "FAIL - $1"; }
die() { echo "run.sh: $*" >&2; exit 1; }

# --- Tools and builds ---------------------------------------------------------------------
for tool in cargo gcc g++ nm; do command -v "$tool" >/dev/null || die "$tool is required"; done
if ! command -v valgrind >/dev/null; then
    echo "installing valgrind..."
    (apt-get install -y valgrind >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y valgrind >/dev/null)) \
        || die "valgrind is missing and could not be installed"
fi
cargo build -q -p zexa-ffi --release || die "cargo build -p zexa-ffi --release failed"
cargo build -q -p zexa-sandbox || die "cargo build -p zexa-sandbox failed"
SANDBOX="$ROOT/target/debug/zexa-sandbox"

# pkg-config file pointing at this tree (an installed copy would use /usr/local paths).
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
sed -e "s|@PREFIX@|$ROOT|" -e "s|@INCLUDEDIR@|$ROOT/include|" -e "s|@LIBDIR@|$RELEASE|" \
    -e "s|@VERSION@|$VERSION|" ffi/zexa.pc.in > "$RELEASE/zexa.pc"
export PKG_CONFIG_PATH="$RELEASE${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
if command -v pkg-config >/dev/null; then
    ZEXA_CFLAGS="$(pkg-config --cflags zexa)"
    ZEXA_LIBS="$(pkg-config --libs zexa)"
else
    ZEXA_CFLAGS="-I$ROOT/include"
    ZEXA_LIBS="-L$RELEASE -Wl,-rpath,$RELEASE -lzexa"
fi
CFLAGS=(-std=c99 -Wall -Wextra -Werror -pedantic -g)
CXXFLAGS=(-std=c++17 -Wall -Wextra -Werror -g)

# --- The header ---------------------------------------------------------------------------
if cargo test -q -p zexa-ffi --test header >"$BUILD/header.log" 2>&1; then
    ok "include/zexa.h is what cbindgen generates"
else
    cat "$BUILD/header.log"; ko "include/zexa.h is what cbindgen generates"
fi
printf '#include "zexa.h"\nint main(void) { return zexa_version() == 0; }\n' > "$BUILD/header.c"
cp "$BUILD/header.c" "$BUILD/header.cpp"
if gcc "${CFLAGS[@]}" $ZEXA_CFLAGS -c "$BUILD/header.c" -o "$BUILD/header_c.o" &&
    g++ "${CXXFLAGS[@]}" $ZEXA_CFLAGS -c "$BUILD/header.cpp" -o "$BUILD/header_cpp.o"; then
    ok "zexa.h compiles as C99 and C++17 without warnings"
else
    ko "zexa.h compiles as C99 and C++17 without warnings"
fi

# --- Exported symbols ---------------------------------------------------------------------
# Every exported zexa_ symbol is declared in the header, every declared function is
# exported, and nothing else is exported but Rust's unwinding personality routine.
exported="$(nm -D --defined-only "$RELEASE/libzexa.so" | awk '{print $3}' | sort -u)"
declared="$(grep -o '\bzexa_[a-z0-9_]*(' include/zexa.h | tr -d '(' | sort -u)"
missing="$(comm -23 <(grep '^zexa_' <<<"$exported") <(echo "$declared"))"
unexported="$(comm -13 <(grep '^zexa_' <<<"$exported") <(echo "$declared"))"
foreign="$(grep -v '^zexa_' <<<"$exported" | grep -v -x -e 'rust_eh_personality' || true)"
if [[ -z "$missing" && -z "$unexported" && -z "$foreign" ]]; then
    ok "libzexa.so exports exactly the $(grep -c '^zexa_' <<<"$exported") zexa_ functions of the header"
else
    echo "exported but not declared: $missing"
    echo "declared but not exported: $unexported"
    echo "exported without the zexa_ prefix: $foreign"
    ko "libzexa.so exports exactly the functions of the header"
fi

# --- Programs -----------------------------------------------------------------------------
build_c() { gcc "${CFLAGS[@]}" -pthread $ZEXA_CFLAGS "$1" -o "$2" $ZEXA_LIBS; }
build_c tests/c/test_args.c "$BUILD/test_args" || ko "build test_args"
build_c tests/c/test_endpoints.c "$BUILD/test_endpoints" || ko "build test_endpoints"
build_c tests/c/test_errors.c "$BUILD/test_errors" || ko "build test_errors"
build_c tests/c/test_iter.c "$BUILD/test_iter" || ko "build test_iter"
build_c tests/c/test_threads.c "$BUILD/test_threads" || ko "build test_threads"
build_c tests/c/test_fork.c "$BUILD/test_fork" || ko "build test_fork"
build_c tests/c/test_log.c "$BUILD/test_log" || ko "build test_log"
build_c tests/c/test_sms.c "$BUILD/test_sms" || ko "build test_sms"
build_c tests/c/test_network.c "$BUILD/test_network" || ko "build test_network"
build_c examples/c/quickstart.c "$BUILD/quickstart" || ko "build examples/c/quickstart.c"
g++ "${CXXFLAGS[@]}" $ZEXA_CFLAGS tests/cpp/roundtrip.cpp -o "$BUILD/roundtrip" $ZEXA_LIBS || ko "build roundtrip.cpp"

# Also link the static library, as a C user without the .so would.
if gcc "${CFLAGS[@]}" -pthread $ZEXA_CFLAGS tests/c/test_args.c -o "$BUILD/test_args_static" \
    "$RELEASE/libzexa.a" -lpthread -ldl -lm && "$BUILD/test_args_static" >/dev/null; then
    ok "test_args linked with libzexa.a"
else
    ko "test_args linked with libzexa.a"
fi

# Starts a fresh sandbox with extra arguments; sets URL to its base URL.
start_sandbox() {
    local out
    out="$(mktemp "$BUILD/sandbox.XXXXXX")"
    "$SANDBOX" --addr 127.0.0.1:0 "$@" >"$out" 2>"$out.err" &
    PIDS+=($!)
    for _ in $(seq 1 100); do
        URL="$(head -n1 "$out")"
        [[ "$URL" == http* ]] && return 0
        sleep 0.1
    done
    cat "$out.err" >&2
    die "the sandbox did not start"
}

VALGRIND=(valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect)

# run_test NAME COMMAND...: runs under valgrind, zero errors and leaks required.
run_test() {
    local name="$1"
    shift
    if "${VALGRIND[@]}" "$@" >"$BUILD/$name.log" 2>&1; then
        ok "$name ($(tail -n1 "$BUILD/$name.log"))"
    else
        cat "$BUILD/$name.log"
        ko "$name"
    fi
}

run_test test_args "$BUILD/test_args"
# Its own server on 127.0.0.1 (compressed answers, a refusing proxy); no sandbox needed.
run_test test_network "$BUILD/test_network"
start_sandbox --delivery-ms 50
run_test test_endpoints "$BUILD/test_endpoints" "$URL"
start_sandbox --delivery-ms 50
main_url="$URL"
start_sandbox --credits 0
run_test test_errors "$BUILD/test_errors" "$main_url" "$URL"
start_sandbox --seed-contacts 250
run_test test_iter "$BUILD/test_iter" "$URL"
start_sandbox
run_test test_threads "$BUILD/test_threads" "$URL"
start_sandbox
run_test test_log "$BUILD/test_log" "$URL"
# Forked children under valgrind would take minutes: this one checks behaviour, natively.
start_sandbox
if "$BUILD/test_fork" "$URL" >"$BUILD/test_fork.log" 2>&1; then
    ok "test_fork ($(tail -n1 "$BUILD/test_fork.log"))"
else
    cat "$BUILD/test_fork.log"
    ko "test_fork"
fi
start_sandbox
run_test test_sms "$BUILD/test_sms" "$URL"
start_sandbox
run_test roundtrip.cpp "$BUILD/roundtrip" "$URL"
start_sandbox --delivery-ms 100
ZEXA_BASE_URL="$URL" ZEXA_API_KEY=zx_sandbox_key run_test quickstart "$BUILD/quickstart"

for f in "${failures[@]}"; do echo "failed: $f"; done
echo "c: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
