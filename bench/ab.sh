#!/bin/sh
# A/B throughput of two veto-bench builds on this noisy shared machine:
# alternates them in rounds (A, B, A, B, ...), each round one
# `veto-bench scan-files DIR... --runs 5`, and prints each round's median
# MB per CPU-second per directory, then the median over the rounds. A single
# run varies by ±30% from one minute to the next here; alternating puts both
# builds through the same minutes.
#
#   bench/ab.sh OLD_VETO_BENCH NEW_VETO_BENCH DIR... [-- ROUNDS]
#
# Build the old one in a worktree, e.g.:
#   git worktree add /tmp/old REV && (cd /tmp/old && CARGO_TARGET_DIR=/tmp/old-target \
#     cargo build --release -p veto-bench)
#   bench/ab.sh /tmp/old-target/release/veto-bench target/release/veto-bench /tmp/c/clean
set -eu
a=$1
b=$2
shift 2
rounds=5
dirs=""
while [ $# -gt 0 ]; do
    if [ "$1" = "--" ]; then
        rounds=$2
        break
    fi
    dirs="$dirs $1"
    shift
done
out=$(mktemp)
r=1
while [ "$r" -le "$rounds" ]; do
    for bin in "$a" "$b"; do
        # shellcheck disable=SC2086
        "$bin" scan-files $dirs --runs 5 2>/dev/null | grep median |
            sed "s|^\([^:]*\):.*median \([0-9.]*\).*|$bin \1 \2|" >>"$out"
    done
    r=$((r + 1))
done
awk '{ k = $1 " " $2; v[k] = v[k] " " $3 }
     END { for (k in v) print k ":" v[k] }' "$out" | sort |
    while read -r line; do
        vals=${line#*:}
        med=$(printf '%s\n' $vals | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
        echo "${line%%:*}: rounds$vals -> median $med MB per CPU-second"
    done
rm -f "$out"
