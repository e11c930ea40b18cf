//! Fixed workloads shared by the benches: built from whatever catalogue the
//! crate was compiled with, so the same workload shape serves the shipped page
//! and the synthetic catalogues of the scale study.
#![allow(dead_code)]

use std::collections::HashMap;
use std::hint::black_box;

use error_catalogue::engine::{Catalogue, Entry};
use error_catalogue::{CatalogueEndpoint, Endpoint, StatusCode, entries};

/// Operations per benchmark iteration; figures are reported per operation.
pub const BATCH: usize = 1024;

/// Statuses no table lists (a miss for every endpoint of a realistic catalogue).
const MISSES: [u16; 6] = [100, 302, 418, 422, 599, 999];

/// A tiny deterministic generator (SplitMix64), so every run sees the same workload.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `BATCH` (endpoint, status) pairs, a third each: a status in the endpoint's
/// own table, a status only the general table lists (the fallback), and a miss.
pub fn lookup_workload() -> Vec<(Endpoint, StatusCode)> {
    lookup_workload_over(&Endpoint::ALL, BATCH)
}

/// Endpoints a size-independent lookup workload draws from: at every
/// catalogue size the same number of distinct (endpoint, status) pairs, so
/// the same number of cache lines, spread evenly over the whole table.
pub const SPREAD_ENDPOINTS: usize = 8;

/// [`lookup_workload`] over `SPREAD_ENDPOINTS` endpoints spaced evenly
/// through `Endpoint::ALL` (all of them when there are fewer).
pub fn spread_lookup_workload() -> Vec<(Endpoint, StatusCode)> {
    let all = &Endpoint::ALL;
    let picked: Vec<Endpoint> = if all.len() <= SPREAD_ENDPOINTS {
        all.to_vec()
    } else {
        (0..SPREAD_ENDPOINTS)
            .map(|i| all[i * all.len() / SPREAD_ENDPOINTS])
            .collect()
    };
    lookup_workload_over(&picked, BATCH)
}

/// `n` (endpoint, status) pairs over `all`, of any catalogue, a third each:
/// a status in the endpoint's own table, one only the general table lists,
/// and a miss.
pub fn lookup_workload_over<E: CatalogueEndpoint>(all: &[E], n: usize) -> Vec<(E, StatusCode)> {
    let general = Catalogue::<E>::new().general();
    let mut rng = Rng(7);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let ep = all[rng.below(all.len())];
        let own = ep.entries();
        let code = match out.len() % 3 {
            0 if !own.is_empty() => own[rng.below(own.len())].code(),
            1 => {
                let fallback: Vec<u16> = general
                    .iter()
                    .map(|e| e.code())
                    .filter(|c| !own.iter().any(|o| o.code() == *c))
                    .collect();
                if fallback.is_empty() {
                    continue;
                }
                fallback[rng.below(fallback.len())]
            }
            2 => MISSES[rng.below(MISSES.len())],
            _ => continue,
        };
        out.push((ep, StatusCode::from_u16(code).expect("valid status")));
    }
    out
}

/// Every name, slug and identifier as written, and case variants of them.
pub fn endpoint_keys() -> Vec<(String, Endpoint)> {
    Endpoint::ALL
        .iter()
        .flat_map(|&ep| {
            [
                ep.name().to_owned(),
                ep.slug().to_owned(),
                format!("{ep:?}"),
            ]
            .into_iter()
            .map(move |k| (k, ep))
        })
        .collect()
}

/// `BATCH` strings to parse: three quarters hits (names, slugs, identifiers,
/// half of them in another case), a quarter misses (typos, padding, non-ASCII,
/// over-long input).
pub fn parse_workload() -> Vec<String> {
    let keys = endpoint_keys();
    let misses = |rng: &mut Rng| -> String {
        let (k, _) = &keys[rng.below(keys.len())];
        match rng.below(4) {
            0 => k[..k.len() - 1].to_owned(),
            1 => format!(" {k}"),
            2 => format!("{k}é"),
            _ => "x".repeat(80),
        }
    };
    let mut rng = Rng(11);
    (0..BATCH)
        .map(|i| {
            if i % 4 == 3 {
                return misses(&mut rng);
            }
            let (k, _) = &keys[rng.below(keys.len())];
            match rng.below(4) {
                0 => k.to_ascii_uppercase(),
                1 => k.to_ascii_lowercase(),
                _ => k.clone(),
            }
        })
        .collect()
}

/// Entry index in `entries()`, for baselines that store indices.
pub fn entry_index(e: &'static error_catalogue::Entry) -> usize {
    let base = entries().as_ptr() as usize;
    (e as *const _ as usize - base) / std::mem::size_of::<error_catalogue::Entry>()
}

/// Statuses `StatusCode` accepts, 100..=999, as dense-array columns.
const STATUSES: usize = 900;

/// The baseline `lookup` is held to: one cell per (endpoint, status), the
/// general table's fallback filled in.
pub struct Dense<E: CatalogueEndpoint + 'static>(Vec<Option<&'static Entry<E>>>);

impl<E: CatalogueEndpoint> Dense<E> {
    pub fn new() -> Self {
        let mut table = vec![None; E::all().len() * STATUSES];
        for &ep in E::all() {
            for code in 100..1000u16 {
                let status = StatusCode::from_u16(code).unwrap();
                table[ep.index() * STATUSES + usize::from(code) - 100] = ep.lookup(status);
            }
        }
        Dense(table)
    }

    #[inline]
    pub fn get(&self, ep: E, status: StatusCode) -> Option<&'static Entry<E>> {
        self.0
            .get(ep.index() * STATUSES + usize::from(status.as_u16()).wrapping_sub(100))
            .copied()
            .flatten()
    }
}

/// The other baseline: every documented (endpoint, status) in a `HashMap`.
pub fn hash_map<E: CatalogueEndpoint>() -> HashMap<(E, StatusCode), &'static Entry<E>> {
    let mut map = HashMap::new();
    for &ep in E::all() {
        for code in 100..1000u16 {
            let status = StatusCode::from_u16(code).unwrap();
            if let Some(e) = ep.lookup(status) {
                map.insert((ep, status), e);
            }
        }
    }
    map
}

/// Sums the found entries' statuses, as a caller reading them would.
#[inline]
pub fn run<E: CatalogueEndpoint>(
    work: &[(E, StatusCode)],
    f: impl Fn(E, StatusCode) -> Option<&'static Entry<E>>,
) -> u32 {
    let mut sum = 0u32;
    for &(ep, status) in black_box(work) {
        if let Some(e) = f(ep, status) {
            sum = sum.wrapping_add(u32::from(e.code()));
        }
    }
    sum
}
