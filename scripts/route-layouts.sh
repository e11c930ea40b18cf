#!/usr/bin/env bash
# Races `route` against matchit (examples/route_probe.rs) over many placements
# of the same code in the binary, because one placement alone moves either
# side's time by up to 10 % on this machine (BENCHMARKS.md, "Routing").
#
# Builds the probe once, then links its objects again once per seed with
# lld's --shuffle-sections, which orders the functions' sections at random:
# the code is the same, only where it lands differs. Each layout is raced
# ROUNDS rounds per run, RUNS runs, the layouts taking turns so that drift in
# the machine's load spreads over all of them. Prints, per workload, the
# median over layouts of each layout's median ratio (route ÷ matchit), its
# quartiles and range, and how many layouts read below 1.
#
# Usage: scripts/route-layouts.sh [LAYOUTS [RUNS [ROUNDS]]]   (default 25 3 1000)
# Needs rustc's default linker on x86_64 Linux (rust-lld, Rust 1.90 on).
#
# A change against its base, in one study: studies a few hours apart differ by
# about 0.03 on the shipped templates, more than most changes to the walk, so
# race both at once. At the base, `scripts/route-layouts.sh 25 0` links the
# layouts without racing them; move target/route-layouts to another directory
# and name it in BASE_PROBES at the change. Each of the change's layouts is
# then raced beside the base's of the same seed, and each base row is
# printed under its change's as `bench, base` (`alike, base`, …).
set -euo pipefail
cd "$(dirname "$0")/.."
layouts=${1:-25} runs=${2:-3} rounds=${3:-1000}
base=${BASE_PROBES:-}
out=target/route-layouts
mkdir -p "$out"
if [ -n "$base" ] && [ ! -x "$base/probe-$((layouts - 1))" ]; then
  echo "route-layouts: BASE_PROBES=$base holds no probe-$((layouts - 1)) (link the base's first)" >&2
  exit 2
fi

touch examples/route_probe.rs # so that cargo runs rustc, which prints the link line
link=$(cargo rustc --locked --release --example route_probe -- -C save-temps --print link-args 2>/dev/null |
  grep -m1 '^LC_ALL=')
grep -q -- '-fuse-ld=lld' <<<"$link" || {
  echo "route-layouts: the probe is not linked by lld, which --shuffle-sections needs" >&2
  exit 1
}
for ((seed = 0; seed < layouts; seed++)); do
  # Seed 0 keeps the linker's own order.
  shuffle=$([ "$seed" = 0 ] || echo "\"-Wl,--shuffle-sections=.text*=$seed\"")
  eval "$(sed -e "s#\"-o\" \"[^\"]*\"#\"-o\" \"$out/probe-$seed\" $shuffle#" <<<"$link")"
done

ratio() { "$@" 2>&1 >/dev/null | sed -n 's/.*median ratio \([0-9.]*\).*/\1/p'; }
# One layout's races, each row labelled with `$2`'s prefix.
races() {
  local probe=$1 label=$2 run=$3 seed=$4
  echo "${label}bench $seed $(ratio "$probe" race _ _ "$rounds")"
  echo "${label}alike $seed $(ratio "$probe" alike-race _ _ "$rounds")"
  echo "${label}catalogue $seed $(ratio "$probe" catalogue-race _ _ "$rounds")"
  # Docker's pass is 42 times the bench's: fewer rounds, one run.
  [ "$run" = 1 ] && echo "${label}docker $seed $(ratio "$probe" docker-race _ _ $((rounds / 50 + 1)))"
  return 0
}
for ((run = 1; run <= runs; run++)); do
  for ((seed = 0; seed < layouts; seed++)); do
    races "$out/probe-$seed" "" "$run" "$seed"
    [ -z "$base" ] || races "$base/probe-$seed" base- "$run" "$seed"
  done
done >"$out/ratios.txt"

echo "| workload (route ÷ matchit) | layouts | median | quartiles | range | below 1 |"
echo "|---|---|---|---|---|---|"
# The rows sorted by workload, so that a base's stands beside its change's.
sort -k1,1 -k2,2n -k3,3g "$out/ratios.txt" | awk '
  function median(v, n) { return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2 }
  # Per layout: the median of its runs.
  { key = $1 " " $2; if (key != last) { flush(); last = key; wl = $1; n = 0 } r[++n] = $3 }
  function flush() { if (n) { m[wl, ++count[wl]] = median(r, n); names[wl] = 1 } }
  END {
    flush()
    for (w in names) {
      k = count[w]; for (i = 1; i <= k; i++) v[i] = m[w, i]
      # insertion sort of the layout medians
      for (i = 2; i <= k; i++) { x = v[i]; for (j = i - 1; j > 0 && v[j] > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
      below = 0; for (i = 1; i <= k; i++) below += v[i] < 1
      printf "| %s | %d | %.3f | %.3f–%.3f | %.3f–%.3f | %d |\n", w, k, median(v, k),
        v[int((k + 3) / 4)], v[int((3 * k + 3) / 4)], v[1], v[k], below
    }
  }' | sed 's/^| base-\([a-z]*\)/| \1, base/' | sort -t'|' -k2,2
