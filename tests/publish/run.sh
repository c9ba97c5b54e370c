#!/usr/bin/env bash
# The publish check: `zexa` and `zexa-sandbox` pass `cargo publish --dry-run` (packaging and
# crates.io's metadata checks), and the packages, unpacked outside the workspace, build as a
# crates.io user would get them: the sandbox with its binary, and `zexa` with its examples
# and doctests, with `zexa-sandbox` taken from its own package, not from the repository.
# (The dry run's own verify build is skipped: the builds below do the same and more, on the
# workspace's already-built dependencies.)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
VERSION="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)"

echo "== cargo publish --dry-run (zexa-sandbox, zexa)"
cargo publish --dry-run --no-verify --allow-dirty -p zexa-sandbox -p zexa 2>&1 | grep -E "^ *(Packaging|Packaged|Verifying|Uploading|warning|error)" || true
test "${PIPESTATUS[0]}" -eq 0

# The packages themselves, at target/package/NAME-VERSION.crate (the dry run keeps its own in
# a temporary place).
cargo package --no-verify --allow-dirty --quiet -p zexa-sandbox -p zexa

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# -m: the files get the time of unpacking, so no build of an earlier check looks fresh.
tar -xzmf "target/package/zexa-sandbox-$VERSION.crate" -C "$WORK"
tar -xzmf "target/package/zexa-$VERSION.crate" -C "$WORK"
PACKAGE="$WORK/zexa-$VERSION"
test -f "$PACKAGE/README.md" || { echo "the packaged zexa has no README.md"; exit 1; }
if grep -q 'publish = false' "$WORK/zexa-sandbox-$VERSION/Cargo.toml"; then
    echo "zexa-sandbox is not publishable"; exit 1
fi

SANDBOX_PACKAGE="$WORK/zexa-sandbox-$VERSION"
# Registry dependencies come from the workspace's builds; the crates themselves are built from
# the unpacked packages.
export CARGO_TARGET_DIR="$ROOT/target"
echo "== packaged zexa-sandbox: library and binary"
(cd "$SANDBOX_PACKAGE" && cargo build --quiet --bins --lib)

cd "$PACKAGE"
PATCH="patch.crates-io.zexa-sandbox.path=\"$WORK/zexa-sandbox-$VERSION\""
echo "== packaged zexa: examples"
cargo build --quiet --config "$PATCH" --examples
echo "== packaged zexa: quickstart on the packaged sandbox"
cargo run --quiet --config "$PATCH" --example quickstart > "$WORK/quickstart.out"
grep -q "Contacts" "$WORK/quickstart.out"
echo "== packaged zexa: doctests"
cargo test --quiet --config "$PATCH" --doc
echo "publish check passed"
