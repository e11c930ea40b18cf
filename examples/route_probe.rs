//! Routes one request N times, with `Endpoint::route` or with matchit over
//! the same templates, for instruction counts under valgrind, which are
//! repeatable where timings on a shared machine are not:
//!
//! ```sh
//! cargo build --release --example route_probe
//! B=target/release/examples/route_probe
//! for n in 1000 2000; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null $B route GET /v1/manage/tracker/abc $n
//! done   # instructions per request: the difference of the two totals / 1000
//! ```
//!
//! MODE is `route`, `matchit` or `none` (the loop alone); `route-all` and
//! `matchit-all` run the bench's whole workload (`benches/common/route.rs`,
//! shared with the bench) N times instead, METHOD and PATH ignored: divide by N and by the
//! request count printed to stderr. `docker-route-all` and `docker-matchit-all` do the same
//! with the Docker catalogue's workload (`catalogue_workload`, as `benches/catalogues.rs`:
//! every template matchit takes, under each base path).
//!
//! MODE `race` times instead: N rounds, each timing 2,048 passes of `route`
//! then 2,048 of matchit over the bench's workload, and prints the medians
//! of ns per request and of the rounds' ratios, so load that comes and goes
//! on a shared machine moves both sides of each ratio alike (as
//! `lookup_probe`'s `race`). `catalogue-race` races the catalogues bench's
//! workload of the shipped catalogue, `docker-race` the Docker one's:
//!
//! ```sh
//! $B race GET / 300
//! ```

use std::hint::black_box;

use error_catalogue::Endpoint;
use http::Method;

#[path = "../benches/common/route.rs"]
mod route_work;

use route_work::{Matchit, workload};

#[path = "../benches/common/race.rs"]
mod race;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, mode, method, path, n] = args.as_slice() else {
        eprintln!("usage: route_probe route|matchit|none|route-all|matchit-all METHOD PATH N");
        std::process::exit(2);
    };
    if mode.ends_with("race") {
        race_mode(mode, n.parse().expect("a count"));
        return;
    }
    if let Some(mode) = mode.strip_prefix("docker-") {
        docker(mode, n.parse().expect("a count"));
        return;
    }
    if mode.ends_with("-all") {
        all(mode, n.parse().expect("a count"));
        return;
    }
    let method: Method = method.parse().expect("a method");
    let n: usize = n.parse().expect("a count");
    let mut router = matchit::Router::new();
    for &e in &Endpoint::ALL {
        if e.method() == method {
            router
                .insert(e.path(), e)
                .expect("matchit accepts the template");
        }
    }
    let mut hits = 0usize;
    for _ in 0..n {
        let hit = match mode.as_str() {
            "route" => Endpoint::route(black_box(&method), black_box(path)).is_some(),
            "matchit" => router.at(black_box(path)).is_ok(),
            _ => black_box(path).is_empty(),
        };
        hits += usize::from(hit);
    }
    println!("{hits}");
}

/// The Docker catalogue's workload, N times over, as [`all`].
fn docker(mode: &str, n: usize) {
    use docker_engine_errors::docker::Endpoint as Docker;
    let work = route_work::catalogue_workload::<Docker>(false);
    eprintln!("{} requests per pass", work.len());
    let matchit = Matchit::<Docker>::new();
    let route = mode == "route-all";
    let mut hits = 0usize;
    for _ in 0..n {
        for (method, target, path) in &work {
            let hit = if route {
                Docker::route(black_box(method), black_box(target)).is_some()
            } else {
                matchit.route(black_box(method), black_box(path)).is_some()
            };
            hits += usize::from(hit);
        }
    }
    println!("{hits}");
}

/// The bench's workload, N times over: with `route` as each request is, with
/// matchit (one router per method, found by scanning, as in the bench) on its
/// path without the query.
fn all(mode: &str, n: usize) {
    let work = workload();
    eprintln!("{} requests per pass", work.len());
    let matchit = Matchit::<Endpoint>::new();
    let route = mode == "route-all";
    let mut hits = 0usize;
    for _ in 0..n {
        for r in &work {
            let hit = if route {
                Endpoint::route(black_box(&r.method), black_box(&r.target)).is_some()
            } else {
                matchit
                    .route(black_box(&r.method), black_box(&r.path))
                    .is_some()
            };
            hits += usize::from(hit);
        }
    }
    println!("{hits}");
}

/// `race`, `catalogue-race` or `docker-race` over N rounds (see the module
/// docs).
fn race_mode(mode: &str, rounds: usize) {
    use docker_engine_errors::docker::Endpoint as Docker;
    match mode {
        "docker-race" => race::<Docker>(rounds, route_work::catalogue_workload::<Docker>(false)),
        "catalogue-race" => {
            race::<Endpoint>(rounds, route_work::catalogue_workload::<Endpoint>(false))
        }
        _ => {
            let work = workload().into_iter();
            race::<Endpoint>(rounds, work.map(|r| (r.method, r.target, r.path)).collect());
        }
    }
}

/// `rounds` rounds of `route` against matchit over `work` (method, target
/// for `route`, path for matchit); prints the medians.
fn race<E: error_catalogue::CatalogueEndpoint>(rounds: usize, work: Vec<(Method, String, String)>) {
    let matchit = Matchit::<E>::new();
    let ours = || {
        let hits = work
            .iter()
            .filter(|(method, target, _)| E::route(black_box(method), black_box(target)).is_some());
        hits.count() as u64
    };
    let theirs = || {
        let hits = work.iter().filter(|(method, _, path)| {
            matchit.route(black_box(method), black_box(path)).is_some()
        });
        hits.count() as u64
    };
    let mut hits = 0u64;
    let [a, b, ratio] = race::race(rounds, work.len(), &mut hits, &ours, &theirs);
    eprintln!(
        "{} requests, {rounds} rounds: route {a:.2} ns, matchit {b:.2} ns per request \
         (medians); median ratio {ratio:.3}",
        work.len()
    );
    println!("{hits}");
}
