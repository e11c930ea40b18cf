#!/usr/bin/env bash
# Prints criterion's medians from the last `cargo bench` run as ns per
# operation (each bench iteration is one batch of 1024 operations), with the
# ratios BENCHMARKS.md quotes. Usage: scripts/bench-table.sh [GROUP BASELINE...]
# e.g. scripts/bench-table.sh lookup "dense array" "HashMap (Endpoint, StatusCode)"
set -euo pipefail
cd "$(dirname "$0")/.."
group=${1:-lookup}; shift || true
dir=target/criterion/$group
[ -d "$dir" ] || { echo "no criterion results for '$group'; run cargo bench first" >&2; exit 1; }
for d in "$dir"/*/new; do
  name=$(jq -r .title "$d/benchmark.json" | sed "s|^$group/||")
  jq -r --arg n "$name" '"\(.median.point_estimate / 1024)\t\($n)"' "$d/estimates.json"
done | sort -g | awk -F'\t' -v bases="$(printf '%s\n' "$@")" '
  BEGIN { nb = split(bases, base, "\n") }
  { ns[NR] = $1; name[NR] = $2; idx[$2] = NR }
  END {
    printf "| %s | ns/op (median)", "bench"
    for (b = 1; b <= nb; b++) if (base[b] != "") printf " | ÷ %s", base[b]
    print " |"
    for (i = 1; i <= NR; i++) {
      printf "| %s | %.2f", name[i], ns[i]
      for (b = 1; b <= nb; b++) if (base[b] != "") printf " | %.2f×", ns[i] / ns[idx[base[b]]]
      print " |"
    }
  }'
