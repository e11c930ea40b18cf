//! `lookup(Endpoint, StatusCode)` side by side with what a user would write
//! instead, over one fixed mixed workload (own-table hits, general fallbacks,
//! misses). Figures are per batch of `common::BATCH` lookups.
//!
//! `cargo bench -p error-catalogue-bench --bench lookup`; BENCHMARKS.md has the figures.

mod common;

use std::collections::HashMap;

use common::{Dense, run};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use error_catalogue::{Endpoint, Entry, StatusCode, entries, general, lookup};

type Lookup = fn(Endpoint, StatusCode) -> Option<&'static Entry>;

/// Every (endpoint, status) pair's answer, general fallback included, as the
/// baselines' tables are built: from the catalogue's own entries.
fn answers() -> Vec<((Endpoint, u16), &'static Entry)> {
    let mut out = Vec::new();
    for &ep in &Endpoint::ALL {
        for g in general() {
            if !ep.entries().iter().any(|e| e.code() == g.code()) {
                out.push(((ep, g.code()), g));
            }
        }
        out.extend(ep.entries().iter().map(|e| ((ep, e.code()), e)));
    }
    out
}

/// A hand-written `match`, as code over the shipped page would have it.
fn by_match(ep: Endpoint, status: StatusCode) -> Option<&'static Entry> {
    use error_catalogue::codes::*;
    let own = match (ep, status.as_u16()) {
        (Endpoint::AsyncTextApi, 429) => Some(ASYNC_TEXT_API_429),
        (Endpoint::CreateTrackers, 409) => Some(CREATE_TRACKERS_409),
        (Endpoint::CreateTrackers, 429) => Some(CREATE_TRACKERS_429),
        (Endpoint::CreateTrackers, 400) => Some(CREATE_TRACKERS_400),
        (Endpoint::CreateTrackers, 413) => Some(CREATE_TRACKERS_413),
        (Endpoint::CreateTrackers, 500) => Some(CREATE_TRACKERS_500),
        (Endpoint::CreateTrackers, 502) => Some(CREATE_TRACKERS_502),
        (Endpoint::CreateTrackers, 504) => Some(CREATE_TRACKERS_504),
        (Endpoint::GetTracker, 404) => Some(GET_TRACKER_404),
        _ => None,
    };
    own.or(match status.as_u16() {
        200 => Some(HTTP_CODES_200),
        201 => Some(HTTP_CODES_201),
        400 => Some(HTTP_CODES_400),
        401 => Some(HTTP_CODES_401),
        403 => Some(HTTP_CODES_403),
        404 => Some(HTTP_CODES_404),
        405 => Some(HTTP_CODES_405),
        429 => Some(HTTP_CODES_429),
        500 => Some(HTTP_CODES_500),
        _ => None,
    })
}

/// phf keyed on (endpoint index, status), fallback filled in, built as
/// `phf_map!` would build it.
fn phf_map() -> phf::Map<(u16, u16), &'static Entry> {
    let pairs: Vec<((u16, u16), &'static Entry)> = answers()
        .into_iter()
        .map(|((ep, code), e)| ((ep as u16, code), e))
        .collect();
    let keys: Vec<(u16, u16)> = pairs.iter().map(|p| p.0).collect();
    let state = phf_generator::generate_hash(&keys);
    let slots: Vec<_> = state.map.iter().map(|&i| pairs[i]).collect();
    phf::Map {
        key: state.key,
        disps: Vec::leak(state.disps),
        entries: Vec::leak(slots),
    }
}

/// A full scan of the entries: the endpoint's own, else the general table's.
fn linear(ep: Endpoint, status: StatusCode) -> Option<&'static Entry> {
    let code = status.as_u16();
    entries()
        .iter()
        .find(|e| e.code() == code && e.endpoint() == Some(ep))
        .or_else(|| general().iter().find(|e| e.code() == code))
}

fn benches(c: &mut Criterion) {
    let work = common::lookup_workload();
    let dense = Dense::<Endpoint>::new();
    let phf = phf_map();
    let hash: HashMap<(Endpoint, StatusCode), &'static Entry> = answers()
        .into_iter()
        .map(|((ep, code), e)| ((ep, StatusCode::from_u16(code).unwrap()), e))
        .collect();

    // Every baseline answers the workload exactly as `lookup` does.
    let expected = run(&work, lookup);
    let by_dense = |ep: Endpoint, s: StatusCode| dense.get(ep, s);
    let by_phf = |ep: Endpoint, s: StatusCode| phf.get(&(ep as u16, s.as_u16())).copied();
    let by_hash = |ep: Endpoint, s: StatusCode| hash.get(&(ep, s)).copied();
    assert_eq!(run(&work, by_dense), expected);
    assert_eq!(run(&work, by_match as Lookup), expected);
    assert_eq!(run(&work, by_phf), expected);
    assert_eq!(run(&work, by_hash), expected);
    assert_eq!(run(&work, linear as Lookup), expected);

    let mut g = c.benchmark_group("lookup");
    g.throughput(Throughput::Elements(work.len() as u64));
    g.bench_function("error_catalogue::lookup", |b| b.iter(|| run(&work, lookup)));
    g.bench_function("dense array", |b| b.iter(|| run(&work, by_dense)));
    g.bench_function("match", |b| b.iter(|| run(&work, by_match)));
    g.bench_function("phf (endpoint, status)", |b| b.iter(|| run(&work, by_phf)));
    g.bench_function("HashMap (Endpoint, StatusCode)", |b| {
        b.iter(|| run(&work, by_hash))
    });
    g.bench_function("linear scan", |b| b.iter(|| run(&work, linear)));
    g.finish();
}

criterion_group!(lookups, benches);
criterion_main!(lookups);
