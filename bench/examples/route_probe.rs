//! Routes one request N times, with `Endpoint::route` or with matchit over
//! the same templates, for instruction counts under valgrind, which are
//! repeatable where timings on a shared machine are not:
//!
//! ```sh
//! cargo build -p error-catalogue-bench --release --example route_probe
//! B=target/release/examples/route_probe
//! for n in 1000 2000; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null $B route GET /v1/manage/tracker/abc $n
//! done   # instructions per request: the difference of the two totals / 1000
//! ```
//!
//! MODE is `route`, `matchit` or `none` (the loop alone). With a workload
//! instead of one request (METHOD and PATH ignored):
//!
//! - `route-all` and `matchit-all` run the bench's workload (`benches/common/route.rs`,
//!   shared with the bench, 21 requests) N times: divide by N and by the request count
//!   printed to stderr;
//! - `alike-…` runs the bench's workload without the requests matchit answers otherwise
//!   than `route` (a trailing slash, an encoded literal byte: 15 requests);
//! - `catalogue-…` and `docker-…` do the same with the catalogues bench's workload
//!   (`catalogue_workload`: every template matchit takes, under each base path) of the
//!   shipped catalogue (15 requests) and of the Docker one (630);
//! - `normalised-all` runs the workload through matchit normalising a missed path as
//!   `route` reads it (`Matchit::route_normalised`: one trailing slash cut, escapes
//!   decoded, routed again), which answers the bench's 21 requests as `route` does
//!   (checked before it runs);
//! - `race` (`catalogue-race`, `docker-race`) times instead: N rounds, each timing 2,048
//!   passes of `route` then 2,048 of matchit, and prints the medians of ns per request and
//!   of the rounds' ratios, so load that comes and goes on a shared machine moves both sides
//!   of each ratio alike (as `lookup_probe`'s `race`); `race-normalised` races `route`
//!   against normalising matchit.
//!
//! ```sh
//! $B race _ _ 300
//! ```
//!
//! A race reads one placement of the code in the binary, and where the linker puts the
//! functions alone moves either side's time by up to 10 %.

use std::hint::black_box;

use error_catalogue::Endpoint;
use http::Method;

#[path = "../benches/common/route.rs"]
mod route_work;

use route_work::{Matchit, workload as workload_of_bench};

#[path = "../benches/common/race.rs"]
mod race;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, mode, method, path, n] = args.as_slice() else {
        eprintln!(
            "usage: route_probe [alike-|catalogue-|docker-]route-all|matchit-all|normalised-all|race|race-normalised  _ _ N\n       \
             route_probe route|matchit|none METHOD PATH N"
        );
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("a count");
    let (workload, kind) = match mode.split_once('-') {
        Some((w @ ("catalogue" | "docker" | "alike"), kind)) => (w, kind),
        _ => ("bench", mode.as_str()),
    };
    if matches!(
        kind,
        "route-all" | "matchit-all" | "normalised-all" | "race" | "race-normalised"
    ) {
        use docker_engine_errors::docker::Endpoint as Docker;
        match workload {
            "docker" => run::<Docker>(kind, n, route_work::catalogue_workload::<Docker>(false)),
            "catalogue" => {
                run::<Endpoint>(kind, n, route_work::catalogue_workload::<Endpoint>(false))
            }
            _ => {
                let work = workload_of_bench().into_iter().filter(|r| {
                    // `alike`: the requests matchit answers as `route` does (it
                    // takes neither a trailing slash nor an encoded literal byte).
                    workload != "alike" || !matches!(r.kind, "slash" | "encoded")
                });
                run::<Endpoint>(
                    kind,
                    n,
                    work.map(|r| (r.method, r.target, r.path)).collect(),
                );
            }
        }
        return;
    }
    let method: Method = method.parse().expect("a method");
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

/// `work` (method, target for `route`, path without the query for matchit)
/// N times over with `route` or with matchit (one router per method, found
/// by scanning, as in the benches), or raced over N rounds.
fn run<E: error_catalogue::CatalogueEndpoint>(
    kind: &str,
    n: usize,
    work: Vec<(Method, String, String)>,
) {
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
    let normalised = || {
        let hits = work.iter().filter(|(method, _, path)| {
            matchit
                .route_normalised(black_box(method), black_box(path))
                .is_some()
        });
        hits.count() as u64
    };
    if kind.contains("normalised") {
        for (method, target, path) in &work {
            assert!(
                E::route(method, target) == matchit.route_normalised(method, path),
                "{method} {target}: normalised matchit answers otherwise than `route`"
            );
        }
    }
    let mut hits = 0u64;
    match kind {
        "race" | "race-normalised" => {
            let theirs: &dyn Fn() -> u64 = if kind == "race" { &theirs } else { &normalised };
            let [a, b, ratio] = race::race(n, work.len(), &mut hits, &ours, theirs);
            eprintln!(
                "{} requests, {n} rounds: route {a:.2} ns, matchit {b:.2} ns per request \
                 (medians); median ratio {ratio:.3}",
                work.len()
            );
        }
        _ => {
            eprintln!("{} requests per pass", work.len());
            let pass: &dyn Fn() -> u64 = match kind {
                "route-all" => &ours,
                "normalised-all" => &normalised,
                _ => &theirs,
            };
            for _ in 0..n {
                hits += pass();
            }
        }
    }
    println!("{hits}");
}
