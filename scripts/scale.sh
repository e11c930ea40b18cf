#!/usr/bin/env bash
# The scale study (issue 7): for each catalogue size N (default 10^2..10^5),
# generate a synthetic catalogue (bench/examples/synth.rs) and measure
#   - clean build time of this crate alone (dependencies prebuilt), release
#     and debug, with the catalogue and nothing else (`--no-default-features
#     --features symbl`: http + phf_shared + the build crate for the build
#     script), and release with the default-on `entry-consts` feature too;
#   - the size of the generated source;
#   - what linking the catalogue adds to a stripped release binary
#     (bench/examples/scale_probe vs scale_base);
#   - lookup and parse time at that size (medians, bench/examples/scale_probe);
#     lookup twice: over the benches' workload, whose distinct pairs grow
#     with the catalogue, and over a fixed 8-endpoint spread (spread_ns).
# Usage: scripts/scale.sh [N ...]. Prints one line per N, and records them in
# docs/scale.csv (or $SCALE_CSV), drawn as docs/scale.svg (or $SCALE_SVG) by
# scripts/scale_plot.py (Python 3, standard library only); BENCHMARKS.md
# explains the columns and shows the plot. SCALE_CODES=C gives every
# catalogue a registry of C application codes too (synth's `--codes C`; for
# BENCHMARKS.md's "Application codes", `SCALE_CODES=5000 scripts/scale.sh
# 10000`). Uses its own target dir, target/scale.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000 100000)
csv=${SCALE_CSV:-docs/scale.csv}
svg=${SCALE_SVG:-docs/scale.svg}
mkdir -p "$(dirname "$csv")" "$(dirname "$svg")"
work=$PWD/target/scale
export CARGO_TARGET_DIR=$work/target CARGO_INCREMENTAL=0
mkdir -p "$work"

# Seconds a clean build of this crate takes: `timed PROFILE_FLAG FEATURES...`.
# Its CPU seconds (user + sys) and the load before it go to stderr: on a
# shared machine the wall time moves with the load, the CPU time much less.
timed() {
  local profile=$1; shift
  cargo clean -q -p error-catalogue $profile
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local TIMEFORMAT='%R %U %S' t
  t=$({ time cargo build -q $profile --lib --no-default-features --features symbl "$@" 2>/dev/null; } 2>&1)
  read -r wall user sys <<<"$t"
  echo "  clean build ${profile:---debug} $*: wall ${wall} s, CPU $(echo "$user + $sys" | bc) s, load $load" >&2
  echo "$wall"
}

# Dependencies (and the build crate) once, for both profiles. The generator
# and the probes are examples of the bench package.
cargo build -q --release -p error-catalogue-bench --example synth 2>/dev/null
synth=$CARGO_TARGET_DIR/release/examples/synth
cargo build -q --release --no-default-features --features symbl --lib 2>/dev/null
cargo build -q --release -p error-catalogue-bench --example scale_probe --example scale_base 2>/dev/null
cargo build -q --no-default-features --features symbl --lib 2>/dev/null
cargo build -q --release --no-default-features --features entry-consts --lib 2>/dev/null

printf '%-8s %-9s %-9s %-9s %-11s %-11s %-11s %-11s %-9s %-9s %-9s\n' \
  entries release debug consts gen_bytes added_bytes text_bytes distinct lookup_ns spread_ns parse_ns
# The CSV is written whole at the end, so an interrupted run leaves the last one.
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
echo entries,release_s,debug_s,consts_s,gen_bytes,added_bytes,text_bytes,distinct_text_bytes,lookup_ns,spread_ns,parse_ns >"$rows"
for n in "${sizes[@]}"; do
  toml=$work/synth-$n.toml
  "$synth" "$n" "$toml" ${SCALE_CODES:+--codes "$SCALE_CODES"}
  export ERROR_CATALOGUE_TOML=$toml
  # The 10⁵ catalogue is 37 MB, over the default 8 MiB limit.
  export ERROR_CATALOGUE_MAX_BYTES=$((64 * 1024 * 1024))
  consts=$(timed --release --features entry-consts)
  debug=$(timed "")
  release=$(timed --release)
  generated=$(ls -t "$CARGO_TARGET_DIR"/release/build/error-catalogue-*/out/error_catalogue.rs | head -1)
  gen_bytes=$(stat -c %s "$generated")
  cargo build -q --release -p error-catalogue-bench --example scale_probe --example scale_base 2>/dev/null
  strip -o "$work/probe" "$CARGO_TARGET_DIR/release/examples/scale_probe"
  strip -o "$work/base" "$CARGO_TARGET_DIR/release/examples/scale_base"
  added=$(( $(stat -c %s "$work/probe") - $(stat -c %s "$work/base") ))
  probe=$("$CARGO_TARGET_DIR/release/examples/scale_probe")
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $probe"; }
  printf '%-8s %-9.1f %-9.1f %-9.1f %-11s %-11s %-11s %-11s %-9s %-9s %-9s\n' \
    "$n" "$release" "$debug" "$consts" "$gen_bytes" "$added" \
    "$(field entry_text_bytes)" "$(field distinct_text_bytes)" "$(field lookup_ns)" "$(field spread_lookup_ns)" "$(field parse_ns)"
  printf '%s,%.1f,%.1f,%.1f,%s,%s,%s,%s,%s,%s,%s\n' \
    "$n" "$release" "$debug" "$consts" "$gen_bytes" "$added" \
    "$(field entry_text_bytes)" "$(field distinct_text_bytes)" "$(field lookup_ns)" "$(field spread_lookup_ns)" "$(field parse_ns)" >>"$rows"
done
cat "$rows" >"$csv"
python3 scripts/scale_plot.py "$csv" "$svg"
echo "wrote $csv and $svg"
