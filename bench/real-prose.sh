#!/bin/sh
# False mentions in real prose: assembles English text this machine already
# has (the READMEs and changelogs of the crates in the cargo registry, the
# Debian package docs, the Rust toolchain's docs), scans it with `veto scan`
# and prints the mentions per 100 KB, then the mentions by entity and text.
# None of this text names a sanctioned party on purpose: a mention is a false
# one, or a homonym (a contributor who shares a listed person's full name).
#
#   cargo build --release -p veto && bench/real-prose.sh [DIR]
#
# The corpus depends on the machine (which crates, which packages); the
# record in bench/records says which one was measured.
set -eu
dir=${1:-/tmp/veto-real-prose}
veto=${VETO:-target/release/veto}
mkdir -p "$dir"
find "${CARGO_HOME:-$HOME/.cargo}/registry/src" /usr/share/doc "${RUSTUP_HOME:-$HOME/.rustup}" -xdev \
    \( -iname 'README*' -o -iname '*.md' -o -iname 'changelog*' -o -iname copyright \) \
    -size +2k ! -name '*.gz' 2>/dev/null | sort | head -3000 |
    while read -r f; do
        cp "$f" "$dir/$(printf %s "$f" | md5sum | cut -c1-10).txt" 2>/dev/null || true
    done
files=$(ls "$dir" | wc -l)
bytes=$(cat "$dir"/* | wc -c)
out=$(mktemp)
"$veto" scan "$dir" --format jsonl >"$out" || true
n=$(wc -l <"$out")
awk -v n="$n" -v b="$bytes" -v f="$files" 'BEGIN {
    printf "real prose: %d files, %.1f MB: %d mentions = %.2f per 100 KB\n", f, b / 1e6, n, n / (b / 1e5) }'
sed -E 's/.*"entity_id":"([^"]*)".*"text":"([^"]*)".*/\1 | \2/' "$out" | sort | uniq -c | sort -rn
rm -f "$out"
