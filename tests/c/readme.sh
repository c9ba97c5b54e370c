#!/usr/bin/env bash
# Runs the README's "C and C++" section as written: every ```sh block, in order, as one
# script (verbatim), then every ```c and ```cpp program, built with the pkg-config the sh
# block set up and run against the sandbox it started. Everything runs in a private network
# namespace (so the README's fixed port 127.0.0.1:8787 is free) with HOME set to a fresh
# directory (so "$HOME/.local" is a throwaway prefix), from a directory that links to the
# repository's files (so cargo and ffi/install.sh work on the real tree).
#
#   tests/c/readme.sh WORKDIR      (called by tests/c/run.sh; needs unshare and ip)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:?usage: readme.sh WORKDIR}"
rm -rf "$WORK"
mkdir -p "$WORK/home" "$WORK/programs"
WORK="$(cd "$WORK" && pwd)"
for entry in "$ROOT"/*; do ln -s "$entry" "$WORK/$(basename "$entry")"; done

# The section, from its heading to the next one.
section="$(awk '/^## C and C\+\+$/ {on = 1; next} on && /^## / {exit} on' "$ROOT/README.md")"
[[ -n "$section" ]] || { echo "readme.sh: no '## C and C++' section in README.md" >&2; exit 1; }
# blocks LANG: the fenced blocks of that language, each followed by a line "\x1e".
blocks() { awk -v lang="$1" '$0 == "```" lang {on = 1; next} on && $0 == "```" {on = 0; print "\x1e"; next} on' <<<"$section"; }
blocks sh | grep -v $'^\x1e$' > "$WORK/commands.sh"
[[ -s "$WORK/commands.sh" ]] || { echo "readme.sh: no sh block in the section" >&2; exit 1; }

# Each C and C++ block as its own program.
n=0
for lang in c cpp; do
    current=""
    while IFS= read -r line; do
        if [[ "$line" == $'\x1e' ]]; then
            n=$((n + 1))
            printf '%s\n' "$current" > "$WORK/programs/readme_$n.$lang"
            current=""
        else
            current+="$line"$'\n'
        fi
    done < <(blocks "$lang")
done
[[ $n -gt 0 ]] || { echo "readme.sh: no C or C++ program in the section" >&2; exit 1; }

# The sh commands verbatim, then the programs, inside the namespace.
cat > "$WORK/run.sh" <<'EOF'
set -euo pipefail
# Whatever the README started in the background (the sandbox) ends with this script.
trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT
ip link set lo up
cd "$WORK"
echo "--- the README's commands"
source ./commands.sh
echo "--- the README's programs"
for program in programs/*.c programs/*.cpp; do
    [[ -e "$program" ]] || continue
    case "$program" in
        *.c) cc -std=c99 -Wall -Wextra -Werror -pedantic "$program" $(pkg-config --cflags --libs zexa) -o "$program.bin" ;;
        *.cpp) c++ -std=c++17 -Wall -Wextra -Werror -pedantic "$program" $(pkg-config --cflags --libs zexa) -o "$program.bin" ;;
    esac
    "./$program.bin" > "$program.out" || { cat "$program.out"; echo "readme.sh: $program failed" >&2; exit 1; }
done
EOF
# cargo and rustup keep their state under the real HOME unless told otherwise.
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
# A network namespace needs root, or a user namespace (-r) where unprivileged ones are allowed.
if [[ $(id -u) -eq 0 ]]; then isolate=(unshare -n); else isolate=(unshare -rn); fi
WORK="$WORK" HOME="$WORK/home" "${isolate[@]}" bash "$WORK/run.sh"
echo "readme.sh: $(grep -c . "$WORK/commands.sh") command lines and $n programs ran"
