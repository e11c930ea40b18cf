//! `Endpoint::from_str` (phf over the lower-cased names, slugs and
//! identifiers, the input lower-cased on the stack) against an exact-case
//! `HashMap<String, Endpoint>` over the same keys.
//!
//! `cargo bench -p error-catalogue-bench --bench parse`; BENCHMARKS.md has the figures.

mod common;

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use error_catalogue::Endpoint;

fn run<T>(work: &[String], f: impl Fn(&str) -> Option<T>) -> usize {
    black_box(work).iter().filter(|s| f(s).is_some()).count()
}

fn benches(c: &mut Criterion) {
    let work = common::parse_workload();
    let exact: HashMap<String, Endpoint> = common::endpoint_keys().into_iter().collect();
    let lib = |s: &str| s.parse::<Endpoint>().ok();
    let by_hash = |s: &str| exact.get(s).copied();
    // On the keys as written, both answer alike.
    for s in &work {
        if let Some(e) = by_hash(s) {
            assert_eq!(lib(s), Some(e), "{s:?}");
        }
    }

    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(work.len() as u64));
    g.bench_function("Endpoint::from_str", |b| b.iter(|| run(&work, lib)));
    g.bench_function("HashMap<String, Endpoint> exact case", |b| {
        b.iter(|| run(&work, by_hash))
    });
    g.finish();
}

criterion_group!(parses, benches);
criterion_main!(parses);
