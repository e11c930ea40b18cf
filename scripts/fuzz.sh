#!/usr/bin/env bash
# Fuzzes every target in fuzz/ for SECONDS each (default 60), on the stable
# toolchain (RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags): libFuzzer
# with its default memory limit and 1 s per input. Exits non-zero if any target
# crashes, times out or runs out of memory, after running all of them; each
# failing input is kept in fuzz/artifacts/TARGET/ (reproduce it with
# `RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/FILE`).
#
# Starts from the committed seeds in fuzz/corpus/TARGET/ but fuzzes a copy in
# a temporary directory, so the corpus the run grows is not left in the tree.
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`).
# Usage: bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
case $seconds in '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz is not installed: cargo install cargo-fuzz --locked" >&2
    exit 2
fi
# The targets build against fuzz/Cargo.lock as committed, like the rest of CI.
if ! cargo metadata --locked --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null; then
    echo "fuzz/Cargo.lock is out of date: cargo update --manifest-path fuzz/Cargo.toml --workspace" >&2
    exit 2
fi

targets=$(cargo fuzz list)
# Every target once, in one cargo invocation; `cargo fuzz run` below then finds
# them up to date (same profile and flags) and only runs them.
cargo fuzz build

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
for target in $targets; do
    printf '\n== fuzz %s (%ss)\n' "$target" "$seconds"
    mkdir -p "$work/$target"
    if [ -d "fuzz/corpus/$target" ]; then
        cp -R "fuzz/corpus/$target/." "$work/$target/"
    fi
    if ! cargo fuzz run "$target" "$work/$target" -- \
        -max_total_time="$seconds" -timeout=1 -print_final_stats=1; then
        failed+=("$target")
    fi
done

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: FAILED: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz: $(echo $targets | wc -w) targets, ${seconds}s each, no crash, timeout or OOM"
