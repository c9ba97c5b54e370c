#!/usr/bin/env bash
# Builds libzexa in release mode and installs it as a C library:
#
#   bash ffi/install.sh --prefix DIR        (default /usr/local; DESTDIR is honoured)
#
#   DIR/lib/libzexa.so.X.Y.Z      SONAME libzexa.so.X, exports only zexa_* (ffi/libzexa.map)
#   DIR/lib/libzexa.so.X, libzexa.so    the links
#   DIR/lib/libzexa.a
#   DIR/lib/debug/libzexa.so.X.Y.Z.debug  the debug info, linked from the stripped library
#   DIR/include/zexa.h, DIR/include/zexa.hpp
#   DIR/lib/pkgconfig/zexa.pc, zexa-static.pc
#   DIR/lib/cmake/zexa/zexaConfig.cmake, zexaConfigVersion.cmake   (target zexa::zexa)
#
# Options: --prefix DIR, --no-build (install what target/release holds), --help.
# Needs cargo, a C compiler (cc), strip and objcopy (binutils).
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX=/usr/local
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) PREFIX="${2:?--prefix needs a directory}"; shift 2 ;;
        --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$PREFIX" in /*) ;; *) PREFIX="$PWD/$PREFIX" ;; esac
PREFIX="${PREFIX%/}"
DEST="${DESTDIR:-}$PREFIX"

for tool in cargo cc strip objcopy; do
    command -v "$tool" >/dev/null || { echo "install.sh: $tool is required" >&2; exit 1; }
done

VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n1)"
MAJOR="${VERSION%%.*}"
# What the Rust standard library inside libzexa.a needs from the system (as rustc's
# --print native-static-libs says on Linux): the static link's Libs.private.
PRIVATE_LIBS="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"

if [[ $BUILD -eq 1 ]]; then
    (cd "$ROOT" && cargo build --release -p zexa-ffi)
fi
ARCHIVE="$ROOT/target/release/libzexa.a"
[[ -f "$ARCHIVE" ]] || { echo "install.sh: $ARCHIVE is missing (drop --no-build)" >&2; exit 1; }

# The shared library is linked here from the static one rather than taken from cargo, so that
# it gets its SONAME and our version script (rustc gives a cdylib its own, unversioned one).
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
REAL="libzexa.so.$VERSION"
cc -shared -o "$WORK/$REAL" \
    -Wl,--whole-archive "$ARCHIVE" -Wl,--no-whole-archive \
    -Wl,-soname,"libzexa.so.$MAJOR" -Wl,--version-script="$ROOT/ffi/libzexa.map" \
    -Wl,--gc-sections -Wl,-z,relro,-z,now -Wl,-z,noexecstack $PRIVATE_LIBS
objcopy --only-keep-debug "$WORK/$REAL" "$WORK/$REAL.debug"
strip --strip-unneeded "$WORK/$REAL"
(cd "$WORK" && objcopy --add-gnu-debuglink="$REAL.debug" "$REAL")
cp "$ARCHIVE" "$WORK/libzexa.a"
strip --strip-debug "$WORK/libzexa.a"

install -d "$DEST/lib/debug" "$DEST/include" "$DEST/lib/pkgconfig" "$DEST/lib/cmake/zexa"
install -m 755 "$WORK/$REAL" "$DEST/lib/$REAL"
install -m 644 "$WORK/$REAL.debug" "$DEST/lib/debug/$REAL.debug"
ln -sf "$REAL" "$DEST/lib/libzexa.so.$MAJOR"
ln -sf "libzexa.so.$MAJOR" "$DEST/lib/libzexa.so"
install -m 644 "$WORK/libzexa.a" "$DEST/lib/libzexa.a"
install -m 644 "$ROOT/include/zexa.h" "$ROOT/include/zexa.hpp" "$DEST/include/"

# The files name the final prefix (without DESTDIR): that is where they are used.
fill() {
    sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@LIBDIR@|\${prefix}/lib|g" \
        -e "s|@INCLUDEDIR@|\${prefix}/include|g" -e "s|@VERSION@|$VERSION|g" \
        -e "s|@MAJOR@|$MAJOR|g" -e "s|@PRIVATE_LIBS@|$PRIVATE_LIBS|g" \
        -e "s|@POINTER_BYTES@|$(($(getconf LONG_BIT) / 8))|g" -e "s|@POINTER_BITS@|$(getconf LONG_BIT)|g" \
        "$1" > "$2"
    chmod 644 "$2"
}
fill "$ROOT/ffi/zexa.pc.in" "$DEST/lib/pkgconfig/zexa.pc"
fill "$ROOT/ffi/zexa-static.pc.in" "$DEST/lib/pkgconfig/zexa-static.pc"
fill "$ROOT/ffi/cmake/zexaConfig.cmake.in" "$DEST/lib/cmake/zexa/zexaConfig.cmake"
fill "$ROOT/ffi/cmake/zexaConfigVersion.cmake.in" "$DEST/lib/cmake/zexa/zexaConfigVersion.cmake"

echo "installed libzexa $VERSION in $DEST"
