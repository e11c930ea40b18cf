#!/usr/bin/env bash
# Mutation testing with cargo-mutants: mutates the runtime's lookup, entry,
# endpoint, problem, explain, typed-error, router and generated-code support
# files, and the build crate's validator, schema reader and record maker,
# and runs the fast tests against each mutant. Not in .ci/run: on
# 2 cores the whole set takes hours.
#
#   scripts/mutants.sh                       # every file below
#   scripts/mutants.sh src/problem.rs        # some of them (any of the lists)
#   MUTANTS_ARGS="--shard 1/4" scripts/mutants.sh src/private.rs
#
# Needs `cargo install cargo-mutants --locked`. One build at a time
# (`--jobs 1`), at the lowest priority, in target/mutants (or
# $MUTANTS_TARGET_DIR). Results go to mutants.out/<crate>[-<file>]/
# (git-ignored); the tally printed last is read from its outcomes.json.
#
# The tests run are the fast ones (see runtime_tests below): the build
# crate's whole suite, the root package's library tests, never the errcat
# package's (they run the binary, and build_e2e.rs runs `cargo build` on
# generated crates) nor the docs-toolchain checks
# (scripts/check-docs-toolchains, not a cargo test). Equivalent mutants are excluded in .cargo/mutants.toml,
# each with its reason.
set -euo pipefail
cd "$(dirname "$0")/.."

# A target directory of its own: the mutated copies' crates have the same
# names and paths relative to the workspace as this tree's, so sharing one
# with ordinary builds would leave a mutant's library behind for them.
export CARGO_TARGET_DIR="${MUTANTS_TARGET_DIR:-$PWD/target/mutants}"

# The runtime files.
runtime_files=(
    src/engine.rs src/entry.rs src/endpoint.rs src/problem.rs
    src/explain.rs src/private.rs src/typed.rs src/route.rs src/code.rs src/response.rs
)
build_files=(
    error-catalogue-build/src/validate.rs error-catalogue-build/src/validate/codes.rs
    error-catalogue-build/src/schema.rs error-catalogue-build/src/records.rs
)

# The root package's test targets: the library's unit tests and its
# integration tests, which all call the library (the tests that run the
# errcat binary are the errcat package's, which on 2 cores would double the
# time per mutant). Doc tests are left out (cargo test runs none once
# targets are named).
runtime_tests=(--lib --tests)
# Every feature. (`load` is on: tests/loaded.rs serves a catalogue through
# the engine's generic paths.)
runtime_features=symbl,serde,entry-consts,render,miette,axum,load
# The build crate's tests spawn no cargo: all of them.
build_tests=(--lib --tests)

if (($# > 0)); then
    wanted=("$@")
else
    wanted=("${runtime_files[@]}" "${build_files[@]}")
fi

pick() { # files of $wanted that are in the list "$@"
    local f w
    for w in "${wanted[@]}"; do
        for f in "$@"; do
            [[ $w == "$f" ]] && printf '%s\n' "$w"
        done
    done
}
for w in "${wanted[@]}"; do
    case " ${runtime_files[*]} ${build_files[*]} " in
    *" $w "*) ;;
    *) echo "mutants.sh: $w is not one of the mutated files" >&2; exit 2 ;;
    esac
done
mapfile -t runtime < <(pick "${runtime_files[@]}")
mapfile -t build < <(pick "${build_files[@]}")

extra=()
read -r -a extra <<<"${MUTANTS_ARGS:-}"

# One cargo-mutants run per crate: its files as `--file`s, its tests after `--`.
run() { # name package features test-args... -- files...
    local name=$1 package=$2 features=$3
    shift 3
    local tests=() files=()
    while [[ $1 != -- ]]; do tests+=("$1"); shift; done
    shift
    for f in "$@"; do files+=(--file "$f"); done
    # One file: its own output directory, so runs file by file keep each other's.
    (($# == 1)) && name+=-$(basename "$1" .rs)
    echo "== cargo mutants: $package (${*})"
    mkdir -p "mutants.out/$name"
    # cargo-mutants exits non-zero when a mutant is missed; the tally says so.
    # shellcheck disable=SC2086 # $features is two words or one
    nice -n 19 cargo mutants --jobs 1 $features --package "$package" \
        --test-workspace=false --output "mutants.out/$name" "${files[@]}" \
        ${extra[@]+"${extra[@]}"} -- "${tests[@]}" || true
    tally "mutants.out/$name/mutants.out/outcomes.json"
}

# caught / missed / timeout / unviable per file, and the score
# caught ÷ (caught + missed + timeout).
tally() {
    [[ -f $1 ]] || { echo "no outcomes in $1" >&2; return 1; }
    jq -r '
      [.outcomes[] | select(.scenario | type == "object") |
        {file: .scenario.Mutant.file, s: .summary}]
      | group_by(.file)[] as $g
      | ($g | map(select(.s == "CaughtMutant")) | length) as $c
      | ($g | map(select(.s == "MissedMutant")) | length) as $m
      | ($g | map(select(.s == "Timeout")) | length) as $t
      | ($g | map(select(.s == "Unviable")) | length) as $u
      | "\($g[0].file): \($c) caught, \($m) missed, \($t) timeout, \($u) unviable; score "
        + (if $c + $m + $t == 0 then "n/a"
           else "\((1000 * $c / ($c + $m + $t) | round) / 10) %" end)
    ' "$1"
    echo "missed (see mutants.out/*/mutants.out/missed.txt):"
    jq -r '.outcomes[] | select(.summary == "MissedMutant" or .summary == "Timeout")
           | "  \(.summary): \(.scenario.Mutant.name)"' "$1" || true
}

if ((${#build[@]} > 0)); then
    run build error-catalogue-build --all-features "${build_tests[@]}" -- "${build[@]}"
fi
if ((${#runtime[@]} > 0)); then
    run runtime error-catalogue "--no-default-features --features $runtime_features" \
        "${runtime_tests[@]}" -- "${runtime[@]}"
fi
