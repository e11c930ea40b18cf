//! `Endpoint::from_str` (any ASCII case; name, slug or identifier) side by
//! side with an exact-case `HashMap<String, Endpoint>`, a `match` on `&str`,
//! and the perfect-hash variants it was chosen from: phf's SipHash with the
//! key lower-cased into a stack buffer (the first design), phf over
//! `unicase`/`uncased` keys, and ptrhash over SipHash or over the crate's
//! word-at-a-time `keyhash` with a lower-cased copy. `from_str` itself is
//! ptrhash over `keyhash` folding case as it hashes, without the copy.
//!
//! `cargo bench -p error-catalogue-bench --bench parse`; BENCHMARKS.md has the figures.

mod common;

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use error_catalogue::Endpoint;
use error_catalogue_layout::keyhash;
use uncased::UncasedStr;
use unicase::{Ascii, UniCase};

/// The longest key the stack-buffer variants fold.
const MAX: usize = 64;

fn by_match(s: &str) -> Option<Endpoint> {
    match s {
        "Async Text API" | "async-text-api" | "AsyncTextApi" => Some(Endpoint::AsyncTextApi),
        "Create Trackers" | "create-trackers" | "CreateTrackers" => Some(Endpoint::CreateTrackers),
        "Get Tracker" | "get-tracker" | "GetTracker" => Some(Endpoint::GetTracker),
        _ => None,
    }
}

/// Lower-cased keys and their endpoint, as the generated table holds them.
fn folded_keys() -> Vec<(&'static str, u16)> {
    let mut keys: Vec<(&'static str, u16)> = common::endpoint_keys()
        .into_iter()
        .map(|(k, ep)| {
            let i = Endpoint::ALL.iter().position(|&e| e == ep).unwrap() as u16;
            (&*String::leak(k.to_ascii_lowercase()), i)
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

fn phf_map<K: phf_shared::PhfHash + Copy>(keys: &[(K, u16)]) -> phf::Map<K, u16> {
    let ks: Vec<K> = keys.iter().map(|k| k.0).collect();
    let state = phf_generator::generate_hash(&ks);
    phf::Map {
        key: state.key,
        disps: Vec::leak(state.disps),
        entries: Vec::leak(state.map.iter().map(|&i| keys[i]).collect()),
    }
}

/// ptrhash's lookup tables over any 64-bit hash of the folded key.
struct PtrHash {
    seed: u64,
    pilots: Vec<u8>,
    remap: Vec<u32>,
    slots: Vec<(&'static str, u16)>,
    hash: fn(&[u8], u64) -> u64,
}

impl PtrHash {
    fn new(keys: &[(&'static str, u16)], hash: fn(&[u8], u64) -> u64) -> Self {
        let ks: Vec<&str> = keys.iter().map(|k| k.0).collect();
        let state = phf_generator::ptrhash::generate_hash_with_hash_fn(&ks, |k, seed| {
            hash(k.as_bytes(), *seed)
        });
        PtrHash {
            seed: state.seed,
            pilots: state.pilots,
            remap: state.remap,
            slots: state.map.iter().map(|&i| keys[i]).collect(),
            hash,
        }
    }

    #[inline]
    fn slot(&self, folded: &[u8]) -> &(&'static str, u16) {
        let h = (self.hash)(folded, self.seed);
        let i = phf_shared::ptrhash::get_index(
            self.seed,
            h,
            &self.pilots,
            &self.remap,
            self.slots.len(),
        );
        &self.slots[i as usize]
    }

    /// Copies into a stack buffer, lower-cases, hashes, compares exactly.
    #[inline]
    fn get_copy(&self, s: &str) -> Option<u16> {
        let mut buf = [0u8; MAX];
        let key = buf.get_mut(..s.len())?;
        key.copy_from_slice(s.as_bytes());
        key.make_ascii_lowercase();
        let (k, v) = self.slot(key);
        (k.as_bytes() == key).then_some(*v)
    }
}

fn sip64(b: &[u8], seed: u64) -> u64 {
    phf_shared::ptrhash::hash(b, &seed)
}

fn run<T: PartialEq + Copy>(work: &[String], f: impl Fn(&str) -> Option<T>) -> usize {
    black_box(work).iter().filter(|s| f(s).is_some()).count()
}

fn benches(c: &mut Criterion) {
    let work = common::parse_workload();
    let exact: HashMap<String, Endpoint> = common::endpoint_keys().into_iter().collect();
    let keys = folded_keys();
    let lib = |s: &str| s.parse::<Endpoint>().ok();
    let by_hash = |s: &str| exact.get(s).copied();

    let sip = phf_map(&keys);
    let by_sip = |s: &str| {
        let mut buf = [0u8; MAX];
        let key = buf.get_mut(..s.len())?;
        key.copy_from_slice(s.as_bytes());
        key.make_ascii_lowercase();
        sip.get(std::str::from_utf8(key).ok()?).copied()
    };
    let uni_keys: Vec<_> = keys.iter().map(|&(k, v)| (UniCase::new(k), v)).collect();
    let uni = phf_map(&uni_keys);
    let by_unicase = |s: &str| uni.get(&UniCase::new(s)).copied();
    let ascii_keys: Vec<_> = keys.iter().map(|&(k, v)| (Ascii::new(k), v)).collect();
    let ascii = phf_map(&ascii_keys);
    let by_ascii = |s: &str| ascii.get(&Ascii::new(s)).copied();
    let unc_keys: Vec<_> = keys.iter().map(|&(k, v)| (UncasedStr::new(k), v)).collect();
    let unc = phf_map(&unc_keys);
    let by_uncased = |s: &str| unc.get(UncasedStr::new(s)).copied();
    let ptr_sip = PtrHash::new(&keys, sip64);
    let by_ptr_sip = |s: &str| ptr_sip.get_copy(s);
    let ptr_words = PtrHash::new(&keys, keyhash::hash);
    let by_ptr_words = |s: &str| ptr_words.get_copy(s);

    // Every case-insensitive variant agrees with the library on every input.
    for s in &work {
        let want = lib(s).map(|e| Endpoint::ALL.iter().position(|&x| x == e).unwrap() as u16);
        for (name, got) in [
            ("sip", by_sip(s)),
            ("unicase", by_unicase(s)),
            ("ascii", by_ascii(s)),
            ("uncased", by_uncased(s)),
            ("ptrhash sip", by_ptr_sip(s)),
            ("ptrhash words", by_ptr_words(s)),
        ] {
            assert_eq!(got, want, "{name} {s:?}");
        }
    }

    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(work.len() as u64));
    g.bench_function("Endpoint::from_str", |b| b.iter(|| run(&work, lib)));
    g.bench_function("HashMap<String, Endpoint> exact case", |b| {
        b.iter(|| run(&work, by_hash))
    });
    g.bench_function("match on &str exact case", |b| {
        b.iter(|| run(&work, by_match))
    });
    g.bench_function("phf SipHash, stack lower-case", |b| {
        b.iter(|| run(&work, by_sip))
    });
    g.bench_function("phf unicase::UniCase", |b| {
        b.iter(|| run(&work, by_unicase))
    });
    g.bench_function("phf unicase::Ascii", |b| b.iter(|| run(&work, by_ascii)));
    g.bench_function("phf uncased::UncasedStr", |b| {
        b.iter(|| run(&work, by_uncased))
    });
    g.bench_function("ptrhash SipHash, stack lower-case", |b| {
        b.iter(|| run(&work, by_ptr_sip))
    });
    g.bench_function("ptrhash keyhash, stack lower-case", |b| {
        b.iter(|| run(&work, by_ptr_words))
    });
    g.finish();
}

criterion_group!(parses, benches);
criterion_main!(parses);
