//! The engine's targets over two catalogues, the shipped one and the
//! third-party Docker Engine one, measured side by side in one run:
//!
//! - `lookup` against a dense `[endpoint][status]` array and a
//!   `HashMap<(Endpoint, StatusCode), &Entry>`, over mixed workloads of
//!   1,024 and 4,096 (endpoint, status) pairs (a third own statuses, a third
//!   general fallbacks, a third misses), reading the found entry's status;
//! - status → typed error (`Error::from_status`) against `lookup`, pairs
//!   sorted by endpoint (a client converts one endpoint's responses);
//! - `route` against matchit over the Docker templates and real-shaped
//!   requests (hits, queries, misses, wrong methods).
//!
//! `cargo bench -p error-catalogue-bench --bench catalogues`; BENCHMARKS.md has the figures.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use error_catalogue::{CatalogueEndpoint, EndpointError, StatusCode, TypedErrors};

mod common;
#[path = "common/route.rs"]
mod route_work;

use common::{Dense, run};
use route_work::Matchit;

fn lookups<E: CatalogueEndpoint + TypedErrors>(c: &mut Criterion, name: &str) {
    let dense = Dense::<E>::new();
    let map = common::hash_map::<E>();
    let by_dense = |ep: E, s: StatusCode| dense.get(ep, s);
    let by_hash = |ep: E, s: StatusCode| map.get(&(ep, s)).copied();
    let mut g = c.benchmark_group(format!("{name}/lookup"));
    for n in [1024, 4096] {
        let work = common::lookup_workload_over(E::all(), n);
        let expected = run(&work, E::lookup);
        assert_eq!(run(&work, by_dense), expected);
        assert_eq!(run(&work, by_hash), expected);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("lookup", n), &work, |b, w| {
            b.iter(|| run(w, E::lookup))
        });
        g.bench_with_input(BenchmarkId::new("dense array", n), &work, |b, w| {
            b.iter(|| run(w, by_dense))
        });
        g.bench_with_input(BenchmarkId::new("HashMap", n), &work, |b, w| {
            b.iter(|| run(w, by_hash))
        });
    }
    g.finish();
    typed_errors::<E>(c, name);
}

/// Status → typed error against `lookup`, for each of the first endpoints
/// in turn over its own mixed statuses (a third its own rows, a third the
/// general table's, a third misses), reading the status.
fn typed_errors<E: CatalogueEndpoint + TypedErrors>(c: &mut Criterion, name: &str) {
    // Errors only: a typed error is a 4xx or 5xx.
    let work: Vec<(E, StatusCode)> = {
        let mut all: Vec<_> = common::lookup_workload_over(E::all(), 4096)
            .into_iter()
            .filter(|(_, s)| (400..=599).contains(&s.as_u16()))
            .collect();
        all.sort_by_key(|(e, _)| e.index());
        all
    };
    let mut g = c.benchmark_group(format!("{name}/typed error"));
    g.throughput(Throughput::Elements(work.len() as u64));
    let typed = |w: &[(E, StatusCode)]| {
        let mut sum = 0u32;
        for &(ep, status) in black_box(w) {
            if let Some(e) = ep.error(status) {
                sum = sum.wrapping_add(u32::from(e.code()));
            }
        }
        sum
    };
    // Every 4xx/5xx is some variant, documented or not.
    let all: u32 = work.iter().map(|(_, s)| u32::from(s.as_u16())).sum();
    assert_eq!(typed(&work), all);
    g.bench_function("lookup", |b| b.iter(|| run(&work, E::lookup)));
    g.bench_function("Error::from_status", |b| b.iter(|| typed(&work)));
    g.finish();
}

/// Per endpoint: a hit, the hit with a query, a near miss, one segment too
/// deep, and a wrong method. matchit gets the path without the query.
fn routes<E: CatalogueEndpoint>(c: &mut Criterion, name: &str) {
    let requests = route_work::catalogue_workload::<E>(false);
    let matchit = Matchit::<E>::new();
    // Both answer every request alike.
    for (m, target, path) in &requests {
        assert_eq!(E::route(m, target), matchit.route(m, path), "{m} {target}");
    }
    let mut g = c.benchmark_group(format!("{name}/route"));
    g.throughput(Throughput::Elements(requests.len() as u64));
    g.bench_function("route", |b| {
        b.iter(|| {
            black_box(&requests)
                .iter()
                .filter(|(m, t, _)| E::route(m, t).is_some())
                .count()
        })
    });
    g.bench_function("matchit", |b| {
        b.iter(|| {
            black_box(&requests)
                .iter()
                .filter(|(m, _, p)| matchit.route(m, p).is_some())
                .count()
        })
    });
    g.finish();
    // Templates with a `{*name}` before their end, which matchit cannot
    // take: measured on their own.
    let multi = route_work::catalogue_workload::<E>(true);
    if multi.is_empty() {
        return;
    }
    let mut g = c.benchmark_group(format!("{name}/route-multi-segment"));
    g.throughput(Throughput::Elements(multi.len() as u64));
    g.bench_function("route", |b| {
        b.iter(|| {
            black_box(&multi)
                .iter()
                .filter(|(m, t, _)| E::route(m, t).is_some())
                .count()
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    lookups::<error_catalogue::Endpoint>(c, "symbl");
    lookups::<docker_engine_errors::docker::Endpoint>(c, "docker");
    routes::<error_catalogue::Endpoint>(c, "symbl");
    routes::<docker_engine_errors::docker::Endpoint>(c, "docker");
}

criterion_group!(catalogues, benches);
criterion_main!(catalogues);
