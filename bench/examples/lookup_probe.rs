//! Runs the lookup bench's workload N times with `lookup` or with the dense
//! `[endpoint][status]` array it is held to, for instruction counts under
//! valgrind, which are repeatable where timings on a shared machine are not:
//!
//! ```sh
//! cargo build -p error-catalogue-bench --release --example lookup_probe
//! B=target/release/examples/lookup_probe
//! for n in 100 200; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null $B symbl lookup 4096 $n
//! done   # instructions per lookup: the difference of the two totals / (100 × 4096)
//! ```
//!
//! CATALOGUE is `symbl` (the shipped one) or `docker`; MODE `lookup`, `dense`
//! or `none` (the loop and the reads of the workload alone); PAIRS the
//! workload's size (`benches/common`'s mixed workload: a third own statuses,
//! a third general fallbacks, a third misses).
//!
//! MODE `race` times instead: N rounds, each timing 2,048 passes of `lookup`
//! then 2,048 of the dense array over the same pairs, and prints the medians
//! of ns per lookup and of the rounds' ratios. Each ratio compares two runs
//! milliseconds apart, so load that comes and goes on a shared
//! machine moves both sides of it alike:
//!
//! ```sh
//! $B symbl race 4096 2000
//! ```

use error_catalogue::CatalogueEndpoint;

#[path = "../benches/common/mod.rs"]
mod common;

use common::{Dense, run};

#[path = "../benches/common/race.rs"]
mod race;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let parsed = match args.as_slice() {
        [_, catalogue, mode, pairs, n] => pairs
            .parse()
            .ok()
            .zip(n.parse().ok())
            .map(|p| (catalogue, mode, p)),
        _ => None,
    };
    let Some((catalogue, mode, (pairs, n))) = parsed else {
        eprintln!("usage: lookup_probe symbl|docker lookup|dense|none|race PAIRS N");
        std::process::exit(2);
    };
    let sum = match catalogue.as_str() {
        "symbl" => probe::<error_catalogue::Endpoint>(mode, pairs, n),
        "docker" => probe::<docker_engine_errors::docker::Endpoint>(mode, pairs, n),
        other => {
            eprintln!("lookup_probe: no catalogue {other:?} (symbl or docker)");
            std::process::exit(2);
        }
    };
    println!("{sum}");
}

fn probe<E: CatalogueEndpoint>(mode: &str, pairs: usize, n: usize) -> u32 {
    let work = common::lookup_workload_over(E::all(), pairs);
    let dense = Dense::<E>::new();
    if mode == "race" {
        return race(&work, &dense, n);
    }
    let mut sum = 0u32;
    for _ in 0..n {
        sum = sum.wrapping_add(match mode {
            "lookup" => run(&work, E::lookup),
            "dense" => run(&work, |ep, s| dense.get(ep, s)),
            _ => run(&work, |_, _| None),
        });
    }
    sum
}

/// `rounds` rounds of `lookup` against the dense array; prints the medians
/// (see the module docs).
fn race<E: CatalogueEndpoint>(
    work: &[(E, error_catalogue::StatusCode)],
    dense: &Dense<E>,
    rounds: usize,
) -> u32 {
    let mut sink = 0u64;
    let [ours, theirs, ratio] = race::race(
        rounds,
        work.len(),
        &mut sink,
        &|| u64::from(run(work, E::lookup)),
        &|| u64::from(run(work, |ep, s| dense.get(ep, s))),
    );
    eprintln!(
        "{} pairs, {rounds} rounds: lookup {ours:.3} ns, dense {theirs:.3} ns per lookup \
         (medians); median ratio {ratio:.3}",
        work.len(),
    );
    sink as u32
}
