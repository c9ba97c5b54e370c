#!/usr/bin/env bash
# The C and C++ API as a user gets it: installs libzexa to a temporary prefix with
# ffi/install.sh (and once more with DESTDIR), checks what was installed (SONAME, links,
# exports, strip, pkg-config, CMake), compares the ABI with its baseline, builds every test
# and example from the prefix with pkg-config and CMake, statically and dynamically, runs
# them against fresh sandboxes under valgrind (and the C++ tests under ASan/UBSan too), and
# runs the README's C and C++ section as written. Exits non-zero on any failure.
#
#   tests/c/run.sh            (from anywhere; needs cargo, gcc, g++; installs valgrind, cmake,
#                              pkg-config and abigail-tools where missing)
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BUILD="$ROOT/target/c-tests"
PREFIX="$BUILD/prefix"
rm -rf "$BUILD"
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
# check NAME COMMAND...: ok when the command succeeds (its output is shown when it fails).
check() {
    local name="$1" log
    shift
    log="$BUILD/check.$passed.$failed.log"
    if "$@" >"$log" 2>&1; then ok "$name"; else cat "$log"; ko "$name"; fi
}

# --- Tools --------------------------------------------------------------------------------
for tool in cargo gcc g++ nm objdump readelf; do command -v "$tool" >/dev/null || die "$tool is required"; done
need=()
command -v valgrind >/dev/null || need+=(valgrind)
command -v cmake >/dev/null || need+=(cmake)
command -v pkg-config >/dev/null || need+=(pkg-config)
if [[ ${#need[@]} -gt 0 ]]; then
    echo "installing ${need[*]}..."
    (apt-get install -y "${need[@]}" >/dev/null 2>&1 ||
        (apt-get update >/dev/null && apt-get install -y "${need[@]}" >/dev/null)) ||
        die "${need[*]} missing and could not be installed"
fi

# --- Install ------------------------------------------------------------------------------
bash ffi/install.sh --prefix "$PREFIX" >"$BUILD/install.log" 2>&1 || { cat "$BUILD/install.log"; die "ffi/install.sh failed"; }
cargo build -q -p zexa-sandbox || die "cargo build -p zexa-sandbox failed"
SANDBOX="$ROOT/target/debug/zexa-sandbox"
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)"
MAJOR="${VERSION%%.*}"
LIB="$PREFIX/lib/libzexa.so.$VERSION"

installed_files() {
    local p="$1"
    [[ -f "$p/lib/libzexa.so.$VERSION" && -f "$p/lib/libzexa.a" && -f "$p/include/zexa.h" &&
        -f "$p/include/zexa.hpp" && -f "$p/lib/pkgconfig/zexa.pc" && -f "$p/lib/pkgconfig/zexa-static.pc" &&
        -f "$p/lib/cmake/zexa/zexaConfig.cmake" && -f "$p/lib/cmake/zexa/zexaConfigVersion.cmake" &&
        "$(readlink "$p/lib/libzexa.so.$MAJOR")" == "libzexa.so.$VERSION" &&
        "$(readlink "$p/lib/libzexa.so")" == "libzexa.so.$MAJOR" ]]
}
check "install.sh --prefix installs the libraries, links, headers, pkg-config and CMake files" installed_files "$PREFIX"

destdir_install() {
    DESTDIR="$BUILD/stage" bash ffi/install.sh --prefix /opt/zexa --no-build &&
        installed_files "$BUILD/stage/opt/zexa" &&
        grep -qx 'prefix=/opt/zexa' "$BUILD/stage/opt/zexa/lib/pkgconfig/zexa.pc" &&
        [[ ! -e /opt/zexa ]]
}
check "DESTDIR stages the install under it, with files naming the final prefix" destdir_install

check "libzexa.so.$VERSION has SONAME libzexa.so.$MAJOR and no RPATH/RUNPATH" \
    bash -c "readelf -d '$LIB' | grep -q 'SONAME.*\[libzexa.so.$MAJOR\]' && ! readelf -d '$LIB' | grep -qE 'RPATH|RUNPATH'"
check "the installed libraries are stripped; the debug info is in lib/debug, linked from the .so" \
    bash -c "! readelf -S '$LIB' | grep -q '\.debug_info' && readelf -S '$LIB' | grep -q '\.gnu_debuglink' &&
             readelf -S '$PREFIX/lib/debug/libzexa.so.$VERSION.debug' | grep -q '\.debug_info' &&
             ! readelf -S '$PREFIX/lib/libzexa.a' 2>/dev/null | grep -q '\.debug_info' &&
             [[ \$(stat -c %s '$LIB') -lt 8000000 ]]"

# Exactly the functions the header declares are exported, each at version ZEXA_0.1, and
# nothing else (not even Rust's personality routine).
exports_match() {
    local exported declared
    exported="$(objdump -T "$LIB" | awk '$2 == "g" && $4 == ".text" {print $6 " " $7}' | sort -u)"
    printf '#include "zexa.h"\n' > "$BUILD/exports.c"
    gcc -std=c99 -Iinclude -aux-info "$BUILD/prototypes" -c "$BUILD/exports.c" -o "$BUILD/exports.o" || return 1
    declared="$(grep 'include/zexa.h:' "$BUILD/prototypes" | sed -E 's/.*[ *](zexa_[a-z0-9_]+) \(.*/ZEXA_0.1 \1/' | sort -u)"
    [[ -n "$declared" ]] || return 1
    diff <(echo "$declared") <(echo "$exported") || return 1
    [[ -z "$(objdump -T "$LIB" | awk '$2 == "g" && $4 != "*UND*" && $4 != "*ABS*"' | grep -v ' zexa_')" ]]
}
check "libzexa.so exports exactly the functions of zexa.h, each at ZEXA_0.1" exports_match

pc_file() {
    PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" pkg-config --libs zexa | grep -qv rpath &&
        [[ "$(PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" pkg-config --variable=prefix zexa)" == "$PREFIX" ]] &&
        PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" pkg-config --static --libs zexa | grep -q -- '-lpthread' &&
        [[ "$(PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" pkg-config --modversion zexa)" == "$VERSION" ]]
}
check "zexa.pc: the right prefix, no rpath, Libs.private for a static link" pc_file

# --- Header and ABI -----------------------------------------------------------------------
check "include/zexa.h is what cbindgen generates" cargo test -q -p zexa-ffi --test header
CFLAGS=(-std=c99 -Wall -Wextra -Werror -pedantic -g)
CXXFLAGS=(-std=c++17 -Wall -Wextra -Werror -pedantic -g)
printf '#include <zexa.h>\nint main(void) { return zexa_version() == 0; }\n' > "$BUILD/header.c"
printf '#include <zexa.hpp>\nint main() { return zexa::version().empty(); }\n' > "$BUILD/header.cpp"
check "zexa.h compiles as C99 and C++17, zexa.hpp as C++17, without warnings" bash -c "
    gcc ${CFLAGS[*]} -I'$PREFIX/include' -c '$BUILD/header.c' -o '$BUILD/header_c.o' &&
    g++ ${CXXFLAGS[*]} -I'$PREFIX/include' -x c++ -c '$BUILD/header.c' -o '$BUILD/header_cc.o' &&
    g++ ${CXXFLAGS[*]} -I'$PREFIX/include' -c '$BUILD/header.cpp' -o '$BUILD/header_cpp.o'"
check "the ABI is compatible with ffi/abi/libzexa.so.0.abi (abidiff)" bash tests/c/abi.sh

# --- Programs, built from the prefix ------------------------------------------------------
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
export LD_LIBRARY_PATH="$PREFIX/lib"   # the installed .so has no rpath, as it should
ZEXA_CFLAGS="$(pkg-config --cflags zexa)"
ZEXA_LIBS="$(pkg-config --libs zexa)"
ZEXA_STATIC_LIBS="$(pkg-config --libs zexa-static)"
build_c() { gcc "${CFLAGS[@]}" -pthread $ZEXA_CFLAGS "$1" -o "$2" $ZEXA_LIBS || ko "build $1"; }
build_cpp() { g++ "${CXXFLAGS[@]}" $ZEXA_CFLAGS "$@" $ZEXA_LIBS || ko "build $1"; }
for t in args abi core_api endpoints errors iter threads fork log sms network; do
    build_c "tests/c/test_$t.c" "$BUILD/test_$t"
done
build_c examples/c/quickstart.c "$BUILD/quickstart"
build_cpp tests/cpp/roundtrip.cpp -o "$BUILD/roundtrip"
build_cpp tests/cpp/test_hpp.cpp -o "$BUILD/test_hpp"
build_cpp examples/cpp/quickstart.cpp -o "$BUILD/quickstart_cpp"
# The C++ test once more with the sanitizers (the library itself is not instrumented).
g++ "${CXXFLAGS[@]}" -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer $ZEXA_CFLAGS \
    tests/cpp/test_hpp.cpp -o "$BUILD/test_hpp_asan" $ZEXA_LIBS || ko "build test_hpp with ASan/UBSan"

# Statically: with zexa-static.pc, and with `pkg-config --static` on zexa.pc.
static_links() {
    gcc "${CFLAGS[@]}" $ZEXA_CFLAGS tests/c/test_args.c -o "$BUILD/test_args_static" $ZEXA_STATIC_LIBS &&
        gcc "${CFLAGS[@]}" $ZEXA_CFLAGS examples/c/quickstart.c -o "$BUILD/quickstart_static" \
            -Wl,-Bstatic $(pkg-config --libs-only-L zexa) -lzexa -Wl,-Bdynamic $(pkg-config --static --libs-only-l zexa | sed 's/-lzexa//') &&
        ! ldd "$BUILD/test_args_static" | grep -q libzexa && ! ldd "$BUILD/quickstart_static" | grep -q libzexa &&
        env -u LD_LIBRARY_PATH "$BUILD/test_args_static"
}
check "linked statically with pkg-config (zexa-static.pc, pkg-config --static zexa): no libzexa.so needed" static_links

# With CMake's find_package(zexa 0.1 REQUIRED), shared and static (ZEXA_STATIC=ON).
cmake_build() {
    local src="$1" out="$2" static="$3"
    cmake -S "$src" -B "$out" -DCMAKE_PREFIX_PATH="$PREFIX" -DZEXA_STATIC="$static" && cmake --build "$out"
}
cmake_shared() {
    cmake_build examples/c "$BUILD/cmake-c" OFF && cmake_build examples/cpp "$BUILD/cmake-cpp" OFF &&
        ldd "$BUILD/cmake-cpp/quickstart-cpp" | grep -q "libzexa.so.$MAJOR"
}
cmake_static() {
    cmake_build examples/c "$BUILD/cmake-c-static" ON && cmake_build examples/cpp "$BUILD/cmake-cpp-static" ON &&
        ! ldd "$BUILD/cmake-cpp-static/quickstart-cpp" | grep -q libzexa &&
        ! ldd "$BUILD/cmake-c-static/quickstart" | grep -q libzexa
}
check "CMake: examples/c and examples/cpp, shared" cmake_shared
check "CMake: examples/c and examples/cpp, static (ZEXA_STATIC=ON)" cmake_static
mkdir -p "$BUILD/cmake-newer"
printf 'cmake_minimum_required(VERSION 3.14)\nproject(p C)\nfind_package(zexa %s.%s REQUIRED)\n' \
    "$((MAJOR + 1))" 0 > "$BUILD/cmake-newer/CMakeLists.txt"
check "CMake: find_package refuses a version this libzexa does not satisfy" \
    bash -c "! cmake -S '$BUILD/cmake-newer' -B '$BUILD/cmake-newer/build' -DCMAKE_PREFIX_PATH='$PREFIX'"

# --- Runs against sandboxes ---------------------------------------------------------------
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
    local name="$1" log
    shift
    log="$BUILD/run.${name//[^a-zA-Z0-9_.]/_}.log"
    if "${VALGRIND[@]}" "$@" >"$log" 2>&1; then
        ok "$name ($(tail -n1 "$log"))"
    else
        cat "$log"
        ko "$name"
    fi
}
# run_native NAME COMMAND...: runs without valgrind.
run_native() {
    local name="$1" log
    shift
    log="$BUILD/run.${name//[^a-zA-Z0-9_.]/_}.log"
    if "$@" >"$log" 2>&1; then
        ok "$name ($(tail -n1 "$log"))"
    else
        cat "$log"
        ko "$name"
    fi
}

run_test test_args "$BUILD/test_args"
# Its own server on 127.0.0.1 (compressed answers, a refusing proxy); no sandbox needed.
run_test test_network "$BUILD/test_network"
start_sandbox
run_test test_abi "$BUILD/test_abi" "$URL"
start_sandbox
run_test test_core_api "$BUILD/test_core_api" "$URL"
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
run_native test_fork "$BUILD/test_fork" "$URL"
start_sandbox
run_test test_sms "$BUILD/test_sms" "$URL"
start_sandbox
run_test roundtrip.cpp "$BUILD/roundtrip" "$URL"
start_sandbox --seed-contacts 120 --delivery-ms 50
run_test test_hpp.cpp "$BUILD/test_hpp" "$URL"
start_sandbox --seed-contacts 120 --delivery-ms 50
# ASan's leak check covers the library's allocations too (it intercepts malloc process-wide).
run_native "test_hpp.cpp (ASan/UBSan)" "$BUILD/test_hpp_asan" "$URL"
start_sandbox --delivery-ms 100
ZEXA_BASE_URL="$URL" ZEXA_API_KEY=zx_sandbox_key run_test quickstart "$BUILD/quickstart"
start_sandbox --delivery-ms 100
ZEXA_BASE_URL="$URL" ZEXA_API_KEY=zx_sandbox_key run_test quickstart.cpp "$BUILD/quickstart_cpp"
start_sandbox --delivery-ms 100
ZEXA_BASE_URL="$URL" ZEXA_API_KEY=zx_sandbox_key run_native "quickstart (static)" env -u LD_LIBRARY_PATH "$BUILD/quickstart_static"
start_sandbox --delivery-ms 100
ZEXA_BASE_URL="$URL" ZEXA_API_KEY=zx_sandbox_key run_native "quickstart.cpp (CMake, static)" \
    env -u LD_LIBRARY_PATH "$BUILD/cmake-cpp-static/quickstart-cpp"

# --- The README's C and C++ section, as written -------------------------------------------
bash tests/c/readme.sh "$BUILD/readme" >"$BUILD/readme.log" 2>&1 &&
    ok "README: every command and program of the C and C++ section ($(tail -n1 "$BUILD/readme.log"))" ||
    { cat "$BUILD/readme.log"; ko "README: the C and C++ section as written"; }

for f in "${failures[@]}"; do echo "failed: $f"; done
echo "c: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
