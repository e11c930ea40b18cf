#!/usr/bin/env bash
# Build times of a catalogue crate outside this workspace, built only through
# the public path (README "Your own catalogue"), and of the runtime alone.
#
#  1. A third-party crate in a temp dir (its own `[workspace]`, this repo's
#     Cargo.lock copied in, path dependencies on the runtime and on
#     error-catalogue-build, error-catalogue with default-features = false)
#     whose build.rs runs `Builder::new().file("errors.toml")
#     .max_file_bytes(100_000_000)` with `.typed_errors(true)` ("on") or
#     `(false)` ("off"), and whose lib.rs is
#     `pub mod api { error_catalogue::include_catalogue!(); }`, over the
#     synthetic catalogues of bench/examples/synth.rs (10^4 and 10^5 entries).
#     `cargo build --release --lib`. CLEAN here means `cargo clean -p
#     thirdparty-catalogue --release` before each build: the crate's build
#     script is recompiled and rerun and its lib recompiled; its dependencies
#     (the runtime, error-catalogue-build, syn, ...) stay built from a
#     warm-up build, so the figure is what the catalogue itself costs.
#     "on" says `.typed_errors(true)`: since cabd25c the builder's default is
#     off beyond 2,000 entries. The crate has no profile section, as the
#     README's recipe has none, so its build script and error-catalogue-build
#     run unoptimised (this workspace's `build-override` opt-level 3 applies
#     to its own builds only).
#  2. A crate depending on error-catalogue (default-features = false; plus
#     http = "1", which the runtime already depends on, so its lib can say
#     `http::StatusCode`) with `error_catalogue::lookup(Endpoint::GetTracker,
#     ..)` in its lib, against a crate depending only on http = "1". Where the
#     runtime has the `symbl` feature (the shipped catalogue, since fea67c1),
#     the lookup crate turns it on (lookup and Endpoint are the shipped
#     catalogue's) and a third crate, the engine alone (default-features =
#     false, no feature), is measured too. CLEAN here means a fresh, empty
#     target dir for every build: everything is compiled, dependencies and
#     build scripts included. Debug profile.
#
# Each measurement is repeated (--reps, default 2), variants alternating;
# the table gives medians of wall-clock seconds, with CPU seconds (user +
# sys) beside them, the 1-minute load average (`uptime`) before each run, and
# from `cargo build --timings` the crate's build-script run and its lib's
# rustc time (front end / codegen). A variant whose run takes longer than
# --repeat-under seconds (default 180) is not repeated; a run over --cap
# seconds (default 660) is stopped and reported as such.
#
# The synthetic catalogues come from bench/examples/synth.rs itself, compiled
# as the binary of a small temp crate (http + error-catalogue-build): the
# workspace's `cargo run -p error-catalogue-bench --release --example synth`
# would first compile every bench dependency (several minutes on 2 cores) and
# writes the same bytes.
#
# Usage (from anywhere; measures the repo this script is in):
#   scripts/thirdparty-build.sh [--rev REV] [--reps N] [--sizes "10000 100000"] [--typed "on off"] [--no-consts]
#                               [--cap S] [--repeat-under S] [--work DIR] [--keep]
#   --typed V   the typed-error variants of part 1 to build, "on", "off" or both.
#   --no-consts part 1's builds without the `codes::` constants (`.entry_consts(false)`).
#   --rev REV   measure a commit (`git archive REV` into the work dir) instead
#               of the work tree, e.g. while the tree is being edited.
#   --work DIR  work dir (default: a new /tmp/thirdparty-build.XXXXXX, removed
#               at the end unless --keep). Target dirs live there, never in
#               the repo's target/.
# Needs network once (`cargo fetch`); every build runs --offline.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

rev="" reps=2 sizes="10000 100000" variants="on off" consts=true cap=660 repeat_under=180 work="" keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --rev) rev=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --sizes) sizes=$2; shift 2 ;;
    --typed) variants=$2; shift 2 ;;
    --no-consts) consts=false; shift ;;
    --cap) cap=$2; shift 2 ;;
    --repeat-under) repeat_under=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done

if [ -z "$work" ]; then
  work=$(mktemp -d /tmp/thirdparty-build.XXXXXX)
  [ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR

# The sources measured: the work tree, or a commit exported into the work dir.
if [ -n "$rev" ]; then
  src=$work/src
  rm -rf "$src" && mkdir -p "$src"
  git -C "$root" archive "$rev" | tar -x -C "$src"
  what="$(git -C "$root" rev-parse --short "$rev") (git archive $rev)"
else
  src=$root
  what="work tree at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
  [ -z "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ] || what="$what, with uncommitted changes"
fi

log=$work/log
mkdir -p "$log"
runs=$work/runs.tsv
: >"$runs"
load1() { uptime | sed 's/.*load average: *//; s/,.*//'; }
calc() { awk "BEGIN { printf \"%.2f\", $* }"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) printf "%.2f\n", v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# `unit FILE LABEL`: total, front end and codegen seconds of LABEL's row in a
# `cargo build --timings` report (front end and codegen empty for a build
# script run).
unit() {
  awk -v u="<td>$2</td>" '
    $0 == u { for (i = 1; i <= 3; i++) { getline x; gsub(/<\/?td>/, "", x); sub(/s.*/, "", x); f[i] = x }
              printf "%s %s %s\n", f[1], (f[2] == "" ? "-" : f[2]), (f[3] == "" ? "-" : f[3]); found = 1; exit }
    END { if (!found) print "- - -" }' "$1"
}
# `top FILE N`: the N slowest units of a `--timings` report, "name secs".
top() {
  awk -v n="$2" '/^<td>[0-9]+\.<\/td>$/ { getline u; getline t; gsub(/<\/?td>/, "", u); gsub(/<\/?td>/, "", t); sub(/s$/, "", t)
    sub(/ v[0-9][^ ]*/, "", u); printf "%s%s %s", (c ? ", " : ""), u, t "s"; if (++c == n) exit } END { print "" }' "$1"
}

new_crate() { # DIR NAME: a package with its own workspace and the repo's lock file
  mkdir -p "$1/src"
  cp "$src/Cargo.lock" "$1/Cargo.lock"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n' "$2" >"$1/Cargo.toml"
}

echo "thirdparty-build: measuring $what; work dir $work"
echo "  $(nproc) cores, $(cargo --version), $(rustc --version)"
[ -z "${RUSTFLAGS:-}${CARGO_ENCODED_RUSTFLAGS:-}" ] || echo "  note: RUSTFLAGS is set: ${RUSTFLAGS:-}${CARGO_ENCODED_RUSTFLAGS:-}"

# Fetch once (network only if the cache lacks something), then offline.
cargo fetch --offline --manifest-path "$src/Cargo.toml" >/dev/null 2>&1 ||
  cargo fetch --manifest-path "$src/Cargo.toml"

# ---- synthetic catalogues ------------------------------------------------
synth_rs=$src/bench/examples/synth.rs
[ -f "$synth_rs" ] || synth_rs=$src/examples/synth.rs # a --rev from before bench/
new_crate "$work/synth" synth
cat >>"$work/synth/Cargo.toml" <<EOF
[[bin]]
name = "synth"
path = "$synth_rs"

[dependencies]
http = "1"
error-catalogue-build = { path = "$src/error-catalogue-build" }

[workspace]
EOF
echo "  building ${synth_rs#"$src"/} ..."
CARGO_TARGET_DIR=$work/target-synth cargo build -q --release --offline \
  --manifest-path "$work/synth/Cargo.toml" 2>"$log/synth.err" || { cat "$log/synth.err" >&2; exit 1; }
for n in $sizes; do "$work/target-synth/release/synth" "$n" "$work/synth-$n.toml"; done

# ---- 1. third-party catalogue crate, release ------------------------------
tp=$work/tp
new_crate "$tp" thirdparty-catalogue
cat >>"$tp/Cargo.toml" <<EOF
[dependencies]
error-catalogue = { path = "$src", default-features = false }
http = "1"

[build-dependencies]
error-catalogue-build = { path = "$src/error-catalogue-build" }

[workspace]
EOF
echo 'pub mod api { error_catalogue::include_catalogue!(); }' >"$tp/src/lib.rs"
build_rs() { # on|off
  cat >"$tp/build.rs" <<EOF
fn main() {
    error_catalogue_build::Builder::new()
        .file("errors.toml")
        .max_file_bytes(100_000_000)
        .typed_errors($([ "$1" = on ] && echo true || echo false))
        .entry_consts($consts)
        .run_build_script();
}
EOF
}
tpcargo() { CARGO_TARGET_DIR=$work/target-tp "$@" --manifest-path "$tp/Cargo.toml"; }

# Warm-up (not measured): every dependency, over the shipped errors.toml.
echo "  warm-up: the third-party crate's dependencies (release) ..."
build_rs on
cp "$src/errors.toml" "$tp/errors.toml"
tpcargo cargo build -q --release --lib --offline 2>"$log/warmup.err" || { cat "$log/warmup.err" >&2; exit 1; }

TIMEFORMAT='%R %U %S'
declare -A skip=()
for n in $sizes; do
  cp "$work/synth-$n.toml" "$tp/errors.toml"
  for ((r = 1; r <= reps; r++)); do
    order=$variants
    ((r % 2)) || order=$(echo "$variants" | awk '{ for (i = NF; i > 0; i--) printf "%s%s", $i, (i > 1 ? " " : "") }')
    for v in $order; do
      [ -z "${skip[$n.$v]:-}" ] || continue
      build_rs "$v"
      tpcargo cargo clean -q -p thirdparty-catalogue --release --offline
      load=$(load1)
      echo "  1. ${n} entries, typed errors $v, run $r (load $load) ..."
      rc=0
      { time timeout "$cap" env CARGO_TARGET_DIR="$work/target-tp" cargo build --release --lib --offline --timings \
          --manifest-path "$tp/Cargo.toml" >"$log/tp-$n-$v-$r.out" 2>"$log/tp-$n-$v-$r.err"; } 2>"$log/time" || rc=$?
      read -r wall user sys <"$log/time"
      cpu=$(calc "$user + $sys")
      if [ "$rc" = 124 ]; then
        echo "1	$n	$v	$r	$load	$wall	-	-	-	-	-	-	-	capped" >>"$runs"
        skip[$n.$v]=1
        continue
      elif [ "$rc" != 0 ]; then
        tail -30 "$log/tp-$n-$v-$r.err" >&2; exit 1
      fi
      html=$work/target-tp/cargo-timings/cargo-timing.html
      read -r bs _ _ < <(unit "$html" "thirdparty-catalogue v0.0.0 build-script (run)")
      read -r lib front codegen < <(unit "$html" "thirdparty-catalogue v0.0.0")
      gen=$(stat -c %s "$work"/target-tp/release/build/thirdparty-catalogue-*/out/error_catalogue.rs)
      warns=$(sed -n 's/.*generated \([0-9]*\) warning.*/\1/p' "$log/tp-$n-$v-$r.err" | head -1)
      echo "1	$n	$v	$r	$load	$wall	$cpu	$bs	$lib	$front	$codegen	$(calc "$gen / 1000000")	${warns:-0}	ok" >>"$runs"
      awk -v w="$wall" -v c="$repeat_under" 'BEGIN { exit !(w > c) }' && skip[$n.$v]=1
    done
  done
done

# ---- 2. the runtime vs http alone, clean debug --------------------------------
# `lookup` and `Endpoint` at the crate root are the shipped catalogue's: since
# fea67c1 they need the runtime's `symbl` feature (default, so off here).
symbl=""
grep -q '^symbl *=' "$src/Cargo.toml" && symbl=', features = ["symbl"]'
rt=$work/rt base=$work/base eng=$work/eng
new_crate "$rt" runtime-lookup
cat >>"$rt/Cargo.toml" <<EOF
[dependencies]
error-catalogue = { path = "$src", default-features = false$symbl }
http = "1"

[workspace]
EOF
cat >"$rt/src/lib.rs" <<'EOF'
pub fn f() -> Option<&'static error_catalogue::Entry> {
    error_catalogue::lookup(error_catalogue::Endpoint::GetTracker, http::StatusCode::NOT_FOUND)
}
EOF
crates="rt base"
if [ -n "$symbl" ]; then # the engine alone: no feature at all
  crates="rt eng base"
  new_crate "$eng" runtime-engine
  printf '[dependencies]\nerror-catalogue = { path = "%s", default-features = false }\nhttp = "1"\n\n[workspace]\n' "$src" >>"$eng/Cargo.toml"
  echo 'pub fn f() -> Option<error_catalogue::StatusCode> { Some(http::StatusCode::NOT_FOUND) }' >"$eng/src/lib.rs"
fi
new_crate "$base" http-only
printf '[dependencies]\nhttp = "1"\n\n[workspace]\n' >>"$base/Cargo.toml"
echo 'pub fn f() -> Option<http::StatusCode> { Some(http::StatusCode::NOT_FOUND) }' >"$base/src/lib.rs"

for ((r = 1; r <= reps; r++)); do
  if ((r % 2)); then order=$crates; else order=$(echo "$crates" | awk '{ for (i = NF; i; i--) printf "%s ", $i }'); fi
  for c in $order; do
    dir=${!c}
    rm -rf "$work/target-$c"
    load=$(load1)
    echo "  2. $c (clean debug, fresh target dir), run $r (load $load) ..."
    { time env CARGO_TARGET_DIR="$work/target-$c" cargo build --lib --offline --timings \
        --manifest-path "$dir/Cargo.toml" >"$log/$c-$r.out" 2>"$log/$c-$r.err"; } 2>"$log/time" ||
      { tail -30 "$log/$c-$r.err" >&2; exit 1; }
    read -r wall user sys <"$log/time"
    echo "2	$c	debug	$r	$load	$wall	$(calc "$user + $sys")	-	-	-	-	-	-	ok" >>"$runs"
  done
done
slowest_rt=$(top "$work/target-rt/cargo-timings/cargo-timing.html" 8)

# ---- results ------------------------------------------------------------------
col() { # PART KEY VARIANT FIELD: the values of FIELD over the matching ok runs
  awk -F'\t' -v p="$1" -v k="$2" -v v="$3" -v f="$4" '$1 == p && $2 == k && $3 == v && $14 == "ok" { print $f }' "$runs"
}
capped() { awk -F'\t' -v p="$1" -v k="$2" -v v="$3" '$1 == p && $2 == k && $3 == v && $14 == "capped"' "$runs" | wc -l; }
ratio() { if [ "$1" = - ] || [ "$2" = - ]; then echo -; else calc "$1 / $2"; fi; }

echo
echo "Runs ($what; wall and CPU s; load = 1-min load average before the run):"
printf '%-4s %-8s %-6s %-3s %-6s %-8s %-8s %-9s %-8s %-8s %-8s %-7s %-5s %s\n' \
  part case variant run load wall cpu bs_run lib front codegen gen_MB warn status
awk -F'\t' '{ printf "%-4s %-8s %-6s %-3s %-6s %-8s %-8s %-9s %-8s %-8s %-8s %-7s %-5s %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 }' "$runs"

echo
echo "1. Third-party catalogue crate, clean release build (cargo clean -p, dependencies prebuilt); medians:"
echo "| entries | typed errors | runs | wall s | CPU s | build script run s | lib rustc s (front end / codegen) | generated MB | load before |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in $sizes; do
  for v in on off; do
    k=$(col 1 "$n" "$v" 6 | wc -l) c=$(capped 1 "$n" "$v")
    runs_s=$k; [ "$c" = 0 ] || runs_s="$k (+$c stopped at ${cap} s)"
    echo "| $n | $v | $runs_s | $(col 1 "$n" "$v" 6 | median) | $(col 1 "$n" "$v" 7 | median) | $(col 1 "$n" "$v" 8 | median) | $(col 1 "$n" "$v" 9 | median) ($(col 1 "$n" "$v" 10 | median) / $(col 1 "$n" "$v" 11 | median)) | $(col 1 "$n" "$v" 12 | median) | $(awk -F'\t' -v k="$n" -v v="$v" '$1 == 1 && $2 == k && $3 == v { printf "%s%s", s, $5; s = ", " }' "$runs") |"
  done
done
echo
echo "| entries | on / off wall | on / off CPU | on / off lib rustc | floor |"
echo "|---|---|---|---|---|"
for n in $sizes; do
  on_w=$(col 1 "$n" on 6 | median) off_w=$(col 1 "$n" off 6 | median)
  if [ "$on_w" = - ] && [ "$(capped 1 "$n" on)" != 0 ] && [ "$off_w" != - ]; then on_w="> $(ratio "$cap" "$off_w")"; else on_w=$(ratio "$on_w" "$off_w"); fi
  echo "| $n | $on_w | $(ratio "$(col 1 "$n" on 7 | median)" "$(col 1 "$n" off 7 | median)") | $(ratio "$(col 1 "$n" on 9 | median)" "$(col 1 "$n" off 9 | median)") | $([ "$n" = 10000 ] && echo '10⁴ build < 30 s' || echo 'none') |"
done

echo
echo "2. Clean debug build, fresh target dir; medians:"
echo "| crate | runs | wall s | CPU s | load before |"
echo "|---|---|---|---|---|"
for c in $crates; do
  case $c in
    rt) name="error-catalogue (default-features = false${symbl:+, symbl}) + lookup" ;;
    eng) name='error-catalogue (default-features = false): the engine alone' ;;
    base) name='http = "1" only' ;;
  esac
  echo "| $name | $(col 2 $c debug 6 | wc -l) | $(col 2 $c debug 6 | median) | $(col 2 $c debug 7 | median) | $(awk -F'\t' -v k=$c '$1 == 2 && $2 == k { printf "%s%s", s, $5; s = ", " }' "$runs") |"
done
for c in $crates; do
  [ $c != base ] || continue
  echo "| $c − http only | | $(calc "$(col 2 $c debug 6 | median) - $(col 2 base debug 6 | median)") | $(calc "$(col 2 $c debug 7 | median) - $(col 2 base debug 7 | median)") | floor ≤ 3 s on 2 cores |"
done
echo
echo "Slowest units of the last error-catalogue debug build (cargo --timings): $slowest_rt"
[ "$keep" = 0 ] || echo "Logs and timing reports kept in $work"
