//! `lookup_code` (phf over the codes as sent) against a `HashMap<&str,
//! &Entry>` built from the same codes, as a user would write it, over
//! registries of Stripe's size (170 codes) and Twilio's (2,000, strings and
//! integers as sent in decimal); and `Code::from_str`, the same index
//! answering the variant. The workloads are `common/codes.rs`'s, `BATCH`
//! inputs each; figures are per batch. `examples/code_probe.rs` races the
//! same sides in alternating rounds.
//!
//! `cargo bench -p error-catalogue-bench --bench codes`; BENCHMARKS.md has the figures.

#[path = "common/codes.rs"]
mod codes;
mod common;

use codes::run;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// One registry's group: `lookup_code`, `Code::from_str` and the HashMap.
macro_rules! group {
    ($c:expr, $m:ident, $name:literal) => {{
        use codes::$m::{Code, lookup_code};
        let sides = crate::sides!(codes::$m);
        let (work, hash) = (&sides.work, &sides.hash);
        let by_hash = |s: &str| hash.get(s).copied();
        let mut g = $c.benchmark_group(concat!("lookup_code/", $name));
        g.throughput(Throughput::Elements(work.len() as u64));
        g.bench_function("lookup_code", |b| b.iter(|| run(work, lookup_code)));
        g.bench_function("Code::from_str", |b| {
            b.iter(|| run(work, |s| s.parse::<Code>().ok()))
        });
        g.bench_function("HashMap<&str, &Entry>", |b| b.iter(|| run(work, by_hash)));
        g.finish();
    }};
}

fn benches(c: &mut Criterion) {
    group!(c, codes_170, "170");
    group!(c, codes_2000, "2000");
    group!(c, codes_int_2000, "2000_integer");
}

criterion_group!(code_lookups, benches);
criterion_main!(code_lookups);
