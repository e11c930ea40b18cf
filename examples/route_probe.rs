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
//! `matchit-all` run the bench's whole workload (`benches/route.rs`, copied
//! here) N times instead, METHOD and PATH ignored: divide by N and by the
//! request count printed to stderr.

use std::hint::black_box;

use error_catalogue::Endpoint;
use http::Method;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, mode, method, path, n] = args.as_slice() else {
        eprintln!("usage: route_probe route|matchit|none|route-all|matchit-all METHOD PATH N");
        std::process::exit(2);
    };
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

/// The bench's workload, N times over: with `route` as each request is, with
/// matchit (one router per method, found by scanning, as in the bench) on its
/// path without the query.
fn all(mode: &str, n: usize) {
    let work = workload();
    eprintln!("{} requests per pass", work.len());
    let mut routers: Vec<(Method, matchit::Router<Endpoint>)> = Vec::new();
    for &e in &Endpoint::ALL {
        let m = e.method();
        let i = match routers.iter().position(|(r, _)| *r == m) {
            Some(i) => i,
            None => {
                routers.push((m, matchit::Router::new()));
                routers.len() - 1
            }
        };
        routers[i]
            .1
            .insert(e.path(), e)
            .expect("matchit accepts the template");
    }
    let matchit = |method: &Method, path: &str| -> Option<Endpoint> {
        let router = &routers.iter().find(|(m, _)| m == method)?.1;
        router.at(path).ok().map(|m| *m.value)
    };
    let route = mode == "route-all";
    let mut hits = 0usize;
    for _ in 0..n {
        for r in &work {
            let hit = if route {
                Endpoint::route(black_box(&r.method), black_box(&r.target)).is_some()
            } else {
                matchit(black_box(&r.method), black_box(&r.path)).is_some()
            };
            hits += usize::from(hit);
        }
    }
    println!("{hits}");
}

/// A routed request: method, the full request target, and its path alone.
#[allow(dead_code)]
struct Request {
    kind: &'static str,
    method: Method,
    target: String,
    path: String,
}

/// Ids as services mint them: a UUID, a number, a short slug.
const IDS: [&str; 3] = ["5f3c8a9e-1b2d-4c6e-9f0a-7b8c9d0e1f2a", "4718293", "ab12"];

/// `template` with each `{param}` replaced by an id.
fn concrete(template: &str, k: usize) -> String {
    template
        .split('/')
        .enumerate()
        .map(|(i, s)| {
            if s.starts_with('{') {
                IDS[(k + i) % IDS.len()].to_string()
            } else {
                s.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The index of `path`'s last literal byte (not in a parameter).
fn last_literal_byte(template: &str, path: &str) -> Option<usize> {
    let t: Vec<&str> = template.split('/').collect();
    let mut at = 0;
    let mut found = None;
    for (i, seg) in path.split('/').enumerate() {
        if !t.get(i).is_some_and(|s| s.starts_with('{')) && !seg.is_empty() {
            found = Some(at + seg.len() - 1);
        }
        at += seg.len() + 1;
    }
    found
}

fn workload() -> Vec<Request> {
    let methods = [
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
    ];
    let mut out = Vec::new();
    let mut push = |kind: &'static str, method: &Method, target: String| {
        let path = target.split(['?', '#']).next().unwrap_or("").to_string();
        out.push(Request {
            kind,
            method: method.clone(),
            target,
            path,
        });
    };
    for (k, &e) in Endpoint::ALL.iter().enumerate() {
        let m = e.method();
        let hit = concrete(e.path(), k);
        push("hit", &m, hit.clone());
        push("query", &m, format!("{hit}?limit=50&offset=100"));
        push("slash", &m, format!("{hit}/"));
        if let Some(i) = last_literal_byte(e.path(), &hit) {
            // One literal byte percent-encoded.
            let b = hit.as_bytes()[i];
            push(
                "encoded",
                &m,
                format!("{}%{b:02X}{}", &hit[..i], &hit[i + 1..]),
            );
            // A near miss: that byte changed.
            let other = if b == b'x' { 'y' } else { 'x' };
            push(
                "near-miss",
                &m,
                format!("{}{other}{}", &hit[..i], &hit[i + 1..]),
            );
        }
        push("too-deep", &m, format!("{hit}/extra"));
        // A method no endpoint with this template has.
        let taken: Vec<Method> = Endpoint::ALL
            .iter()
            .filter(|o| o.path() == e.path())
            .map(|o| o.method())
            .collect();
        if let Some(wrong) = methods.iter().find(|w| !taken.contains(w)) {
            push("wrong-method", wrong, hit);
        }
    }
    out
}
