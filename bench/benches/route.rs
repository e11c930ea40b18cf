//! `Endpoint::route` side by side with what a service would otherwise write:
//! matchit (axum's router), one `Router` per method, and a `regex::RegexSet`
//! per method, over the same templates and one fixed mixed workload.
//!
//! The templates are read from the compiled crate (`Endpoint::ALL`), so the
//! same bench runs over whichever catalogue the crate was built from:
//!
//! ```sh
//! cargo bench -p error-catalogue-bench --bench route          # errors.toml
//! cargo run -p error-catalogue-bench --example route_synth -- 1000 > /tmp/synth-1000.toml
//! ERROR_CATALOGUE_TOML=/tmp/synth-1000.toml cargo bench -p error-catalogue-bench --bench route
//! ```
//!
//! The workload, per endpoint: a hit with a realistic id in each parameter,
//! the same hit with a query string, with a trailing slash and with one
//! literal byte percent-encoded, a near miss (one literal byte changed), a
//! miss one segment too deep, and a wrong method. `route` gets each request
//! as it is; matchit and the regex set get the path with its query already
//! cut off (as axum gets `Uri::path()`), so they do less work, and neither
//! decodes `%` nor ignores a trailing slash: they miss those requests.
//! "matchit, normalised" answers them as `route` does: on a miss it routes
//! the path again without one trailing slash and with its escapes decoded
//! (`Matchit::route_normalised`), as a service in front of matchit would.
//! Criterion's figure is per pass over the workload; ns per request is that
//! divided by the request count the bench prints.
//!
//! `route-mixed/…`: the same comparison on an API whose segments put text
//! before a parameter (`thumbnail.{extension}`, `v{major}`; `bench/build.rs`
//! lists it), the form matchit 0.8.4 also takes: a hit, the hit with a
//! query, and one segment too deep, per template.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use error_catalogue::Endpoint;
use http::Method;

#[path = "common/route.rs"]
mod route_work;

use route_work::{Matchit, Request, workload};

/// One `RegexSet` per method, each template anchored, a parameter `[^/]+`,
/// literal segments before parameters.
struct Regexes(Vec<(Method, regex::RegexSet, Vec<Endpoint>)>);

impl Regexes {
    fn new() -> Self {
        let mut by_method: Vec<(Method, Vec<Endpoint>)> = Vec::new();
        for &e in &Endpoint::ALL {
            let m = e.method();
            match by_method.iter_mut().find(|(r, _)| *r == m) {
                Some((_, v)) => v.push(e),
                None => by_method.push((m, vec![e])),
            }
        }
        let pattern = |t: &str| {
            let body: String = t
                .trim_end_matches('/')
                .split('/')
                .skip(1)
                .map(|s| {
                    if s.starts_with('{') {
                        "/[^/]+".to_string()
                    } else {
                        format!("/{}", regex::escape(s))
                    }
                })
                .collect();
            format!("^{body}/?$")
        };
        Regexes(
            by_method
                .into_iter()
                .map(|(m, mut endpoints)| {
                    // The first match wins: fewer parameters first.
                    endpoints.sort_by_key(|e| e.path().matches('{').count());
                    let set = regex::RegexSet::new(endpoints.iter().map(|e| pattern(e.path())))
                        .expect("templates compile as regexes");
                    (m, set, endpoints)
                })
                .collect(),
        )
    }

    #[inline]
    fn route(&self, method: &Method, path: &str) -> Option<Endpoint> {
        let (_, set, endpoints) = self.0.iter().find(|(m, _, _)| m == method)?;
        let i = set.matches(path).into_iter().next()?;
        endpoints.get(i).copied()
    }
}

/// How many requests of `work` `routes` routes: one pass of a bench.
#[inline(always)]
fn pass<'r>(
    work: impl IntoIterator<Item = &'r Request>,
    routes: impl Fn(&Request) -> bool,
) -> usize {
    let mut n = 0usize;
    for r in work {
        n += usize::from(routes(r));
    }
    n
}

fn bench(c: &mut Criterion) {
    let work = workload();
    let matchit = Matchit::<Endpoint>::new();
    let regexes = Regexes::new();
    // The three agree on what they all mean the same way: requests without
    // a query, `%` or trailing slash.
    let (mut hits, mut agree, mut plain) = (0, 0, 0);
    for r in &work {
        let ours = Endpoint::route(&r.method, &r.target);
        hits += usize::from(ours.is_some());
        // Normalising a missed path as `route` reads it, matchit answers
        // every request as `route` does.
        let normalised = matchit.route_normalised(&r.method, &r.path);
        assert_eq!(ours, normalised, "{} {}", r.method, r.target);
        if r.target == r.path && !r.path.contains('%') && !r.path.ends_with('/') {
            plain += 1;
            let theirs = matchit.route(&r.method, &r.path);
            let re = regexes.route(&r.method, &r.path);
            assert_eq!(ours, theirs, "{} {}", r.method, r.target);
            assert_eq!(ours, re, "{} {}", r.method, r.target);
            agree += 1;
        }
    }
    assert_eq!(agree, plain);
    eprintln!(
        "route bench: {} templates, {} requests per pass ({hits} routed by `route`)",
        Endpoint::ALL.len(),
        work.len()
    );

    let mut group = c.benchmark_group(format!("route/{}-templates", Endpoint::ALL.len()));
    group.throughput(criterion::Throughput::Elements(work.len() as u64));
    group.bench_function("Endpoint::route", |b| {
        b.iter(|| {
            pass(&work, |r| {
                Endpoint::route(black_box(&r.method), black_box(&r.target)).is_some()
            })
        })
    });
    group.bench_function("matchit", |b| {
        b.iter(|| {
            pass(&work, |r| {
                matchit
                    .route(black_box(&r.method), black_box(&r.path))
                    .is_some()
            })
        })
    });
    group.bench_function("matchit, normalised", |b| {
        b.iter(|| {
            pass(&work, |r| {
                matchit
                    .route_normalised(black_box(&r.method), black_box(&r.path))
                    .is_some()
            })
        })
    });
    group.bench_function("RegexSet", |b| {
        b.iter(|| {
            pass(&work, |r| {
                regexes
                    .route(black_box(&r.method), black_box(&r.path))
                    .is_some()
            })
        })
    });
    group.finish();

    // ROUTE_BENCH_KINDS=1: `route` and matchit on each kind of request alone.
    if std::env::var_os("ROUTE_BENCH_KINDS").is_some() {
        let mut group = c.benchmark_group(format!("route-kinds/{}-templates", Endpoint::ALL.len()));
        for kind in [
            "hit",
            "query",
            "slash",
            "encoded",
            "near-miss",
            "too-deep",
            "wrong-method",
        ] {
            let some: Vec<&Request> = work.iter().filter(|r| r.kind == kind).collect();
            group.throughput(criterion::Throughput::Elements(some.len() as u64));
            group.bench_function(format!("Endpoint::route/{kind}"), |b| {
                b.iter(|| {
                    pass(some.iter().copied(), |r| {
                        Endpoint::route(black_box(&r.method), black_box(&r.target)).is_some()
                    })
                })
            });
            group.bench_function(format!("matchit/{kind}"), |b| {
                b.iter(|| {
                    pass(some.iter().copied(), |r| {
                        matchit
                            .route(black_box(&r.method), black_box(&r.path))
                            .is_some()
                    })
                })
            });
        }
        group.finish();
    }
}

// Routed, never looked up: its `Code` API goes unused.
#[allow(dead_code)]
mod mixed_routes {
    error_catalogue::include_catalogue!("mixed_routes");
}

/// `template` with each parameter, whole or beside text, replaced by an id.
fn concrete_mixed(template: &str, k: usize) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        out.push_str(route_work::IDS[(k + out.len()) % route_work::IDS.len()]);
        rest = rest[open..].split_once('}').map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out
}

fn bench_mixed(c: &mut Criterion) {
    use mixed_routes::Endpoint as Mixed;
    let matchit = Matchit::<Mixed>::new();
    let mut work: Vec<(Method, String, String)> = Vec::new();
    for (k, &e) in Mixed::ALL.iter().enumerate() {
        let hit = concrete_mixed(e.path(), k);
        work.push((e.method(), format!("{hit}?limit=50"), hit.clone()));
        work.push((e.method(), format!("{hit}/extra"), format!("{hit}/extra")));
        work.push((e.method(), hit.clone(), hit));
    }
    for (method, target, path) in &work {
        let ours = Mixed::route(method, target);
        assert_eq!(ours, matchit.route(method, path), "{method} {target}");
    }
    let mut group = c.benchmark_group(format!("route-mixed/{}-templates", Mixed::ALL.len()));
    group.throughput(criterion::Throughput::Elements(work.len() as u64));
    group.bench_function("Endpoint::route", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (method, target, _) in &work {
                n += usize::from(Mixed::route(black_box(method), black_box(target)).is_some());
            }
            n
        })
    });
    group.bench_function("matchit", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (method, _, path) in &work {
                n += usize::from(matchit.route(black_box(method), black_box(path)).is_some());
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench, bench_mixed);
criterion_main!(benches);
