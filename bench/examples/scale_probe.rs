//! The scale study's probe (`scripts/scale.sh`): times lookup and parse over
//! the benches' fixed workloads against whatever catalogue the crate was built
//! with, and reports the catalogue's text bytes. A small harness rather than
//! criterion, so each catalogue size costs seconds; figures are medians.

#[path = "../benches/common/mod.rs"]
mod common;

use std::collections::HashSet;
use std::hint::black_box;
use std::time::Instant;

use error_catalogue::{Endpoint, entries, lookup};

/// Median ns per operation of `f` over `ops` operations, across 21 samples.
fn median_ns(ops: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut samples: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            let mut sink = 0usize;
            for _ in 0..200 {
                sink = sink.wrapping_add(f());
            }
            black_box(sink);
            t.elapsed().as_nanos() as f64 / (200 * ops) as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let work = common::lookup_workload();
    let spread = common::spread_lookup_workload();
    let strings = common::parse_workload();
    let lookup_ns = median_ns(work.len(), || {
        black_box(&work)
            .iter()
            .filter_map(|&(ep, st)| lookup(ep, st))
            .map(|e| usize::from(e.code()))
            .sum()
    });
    // The same number of distinct pairs at every size (see BENCHMARKS.md):
    // the lookup's own cost, where `lookup_ns` also measures the cache.
    let spread_ns = median_ns(spread.len(), || {
        black_box(&spread)
            .iter()
            .filter_map(|&(ep, st)| lookup(ep, st))
            .map(|e| usize::from(e.code()))
            .sum()
    });
    let parse_ns = median_ns(strings.len(), || {
        black_box(&strings)
            .iter()
            .filter(|s| s.parse::<Endpoint>().is_ok())
            .count()
    });
    // Text each entry carries, and the distinct texts actually stored.
    let mut per_entry = 0usize;
    let mut distinct: HashSet<*const u8> = HashSet::new();
    let mut distinct_bytes = 0usize;
    for e in entries() {
        let texts = [
            Some(e.meaning()),
            e.description(),
            e.resolution(),
            Some(e.anchor()),
        ];
        for t in texts.into_iter().flatten() {
            per_entry += t.len();
            if distinct.insert(t.as_ptr()) {
                distinct_bytes += t.len();
            }
        }
    }
    println!(
        "entries={} endpoints={} lookup_ns={lookup_ns:.2} spread_lookup_ns={spread_ns:.2} parse_ns={parse_ns:.2} entry_text_bytes={per_entry} distinct_text_bytes={distinct_bytes}",
        entries().len(),
        Endpoint::ALL.len()
    );
}
