//! `lookup_code` (phf over the codes as sent) against a `HashMap<&str,
//! &Entry>` built from the same codes, as a user would write it, over
//! registries of Stripe's size (170 codes) and Twilio's (2,000); and
//! `Code::from_str`, the same index answering the variant. Each workload is
//! `common::BATCH` codes, three in four of the registry and one in four
//! not (one letter's case changed, or a code it lacks). Figures are per batch.
//!
//! `cargo bench -p error-catalogue-bench --bench codes`; BENCHMARKS.md has the figures.

mod common;

use std::collections::HashMap;
use std::hint::black_box;

use common::{BATCH, Rng};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The registries `build.rs` generates (a bench uses a part of each API).
#[allow(dead_code)]
mod codes_170 {
    error_catalogue::include_catalogue!("codes_170");
}
#[allow(dead_code)]
mod codes_2000 {
    error_catalogue::include_catalogue!("codes_2000");
}

/// `BATCH` inputs over `codes`: three in four a code of it, one in four a
/// miss.
fn workload(codes: &[&'static str]) -> Vec<String> {
    let mut rng = Rng(0x5EED_C0DE);
    (0..BATCH)
        .map(|i| {
            let code = codes[rng.below(codes.len())];
            match i % 4 {
                3 if i % 8 == 3 => code.to_ascii_uppercase(),
                3 => format!("{code}x"),
                _ => code.to_owned(),
            }
        })
        .collect()
}

/// How many of `work` `f` finds, summing what it answers so nothing is
/// optimised away.
fn run<T>(work: &[String], f: impl Fn(&str) -> Option<T>) -> usize {
    black_box(work).iter().filter(|s| f(s).is_some()).count()
}

/// One registry's group: `lookup_code`, `Code::from_str` and the HashMap.
macro_rules! group {
    ($c:expr, $m:ident, $name:literal) => {{
        use $m::{Code, Entry, lookup_code};
        let all: Vec<&'static Entry> = Code::ALL.iter().map(|c| c.entry()).collect();
        let sent: Vec<&'static str> = all.iter().map(|e| e.app_code().unwrap()).collect();
        let hash: HashMap<&'static str, &'static Entry> =
            sent.iter().copied().zip(all.iter().copied()).collect();
        let work = workload(&sent);
        let by_hash = |s: &str| hash.get(s).copied();
        // Both answer every input alike, and a quarter miss.
        for s in &work {
            assert_eq!(lookup_code(s), by_hash(s), "{s:?}");
        }
        assert_eq!(run(&work, lookup_code), BATCH * 3 / 4);

        let mut g = $c.benchmark_group(concat!("lookup_code/", $name));
        g.throughput(Throughput::Elements(work.len() as u64));
        g.bench_function("lookup_code", |b| b.iter(|| run(&work, lookup_code)));
        g.bench_function("Code::from_str", |b| {
            b.iter(|| run(&work, |s| s.parse::<Code>().ok()))
        });
        g.bench_function("HashMap<&str, &Entry>", |b| b.iter(|| run(&work, by_hash)));
        g.finish();
    }};
}

fn benches(c: &mut Criterion) {
    group!(c, codes_170, "170");
    group!(c, codes_2000, "2000");
}

criterion_group!(code_lookups, benches);
criterion_main!(code_lookups);
