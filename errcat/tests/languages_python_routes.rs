//! The Python module routes as the Rust engine over thousands of requests
//! made from the pieces of `fixtures/language-routes.toml`'s templates
//! (every segment shape, base paths, HEAD, percent-encoding, empty
//! segments, URLs, queries and fragments), beyond the harness's
//! one-request-per-spelling questions.
//! Its own test binary: a process serves one loaded catalogue.

mod common;
mod languages_support;

use error_catalogue::CatalogueEndpoint;
use error_catalogue::engine::RouteMatch;
use error_catalogue::load::{self, Loaded};
use http::Method;
use serde_json::{Value, json};

use common::{errcat, root, scratch};
use languages_support::{have, python};

/// Request segments: each template piece, near misses, encodings.
const PIECES: &[&str] = &[
    "v1",
    "api",
    "v2",
    "v",
    "files",
    "f1",
    "thumbnail.png",
    "thumbnail.",
    "a.tar.gz",
    ".tar.",
    "a.b.json",
    "x.y",
    ".json",
    "v1.2",
    "n:cancel",
    ":cancel",
    "levels:append",
    "r",
    "a-b-c",
    "a--b-c",
    "a-b",
    "images",
    "search",
    "tag",
    "json",
    "x",
    "blobs",
    "a%20b",
    "a b",
    "%76",
    "%C3%BCn%C3%AF",
    "ünï",
    "e",
    "",
    "b",
    "p%2F1",
    "%zz",
    "%",
    "thumbnail%2Epng",
    "%2E",
];

/// Path starts and ends.
const HEADS: &[&str] = &[
    "/",
    "/api/v2/",
    "https://h.example/",
    "h://h/api/v/",
    "//",
    "a+b.c-d://h/",
    "1h://h/",
    "://h/",
    "https://h?x/",
    "https://h#/",
    "https://h",
    "h/",
    "",
];
const TAILS: &[&str] = &["", "/", "?q=/x", "#f", "//", "?"];
const METHODS: &[&str] = &["GET", "HEAD", "POST", "DELETE", "get"];

/// A deterministic pseudo-random sequence (an LCG): the same requests on
/// every run.
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        from[(self.0 >> 33) as usize % from.len()]
    }
}

/// A template segment as a request might spell it: a literal as written
/// (or now and then another piece), each `{name}` a piece, `{*name}` one to
/// three pieces.
fn fill(segment: &str, lcg: &mut Lcg) -> String {
    if !segment.contains('{') {
        let keep = lcg.pick(&["", "", "", "", "x"]).is_empty();
        return if keep {
            segment.to_string()
        } else {
            lcg.pick(PIECES).to_string()
        };
    }
    let mut out = String::new();
    let mut rest = segment;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').unwrap();
        if rest[open + 1..].starts_with('*') {
            let n: usize = lcg.pick(&["1", "2", "3"]).parse().unwrap();
            let pieces: Vec<&str> = (0..n).map(|_| lcg.pick(PIECES)).collect();
            out.push_str(&pieces.join("/"));
        } else {
            out.push_str(lcg.pick(PIECES));
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn python_routes_every_request_as_the_engine() {
    if !have(python::LANGUAGE.tools) {
        return;
    }
    let toml = root().join("errcat/tests/fixtures/language-routes.toml");
    let report = error_catalogue_build::check_file(&toml);
    load::load(report.catalogue.as_ref().unwrap()).unwrap();

    let mut requests: Vec<(String, String)> = Vec::new();
    for a in PIECES {
        for b in PIECES {
            requests.push(("GET".into(), format!("/{a}/{b}")));
        }
    }
    let mut lcg = Lcg(28);
    for _ in 0..3000 {
        let mut path = lcg.pick(HEADS).to_string();
        let n: usize = lcg.pick(&["0", "1", "2", "3", "4", "5"]).parse().unwrap();
        let segments: Vec<&str> = (0..n).map(|_| lcg.pick(PIECES)).collect();
        path.push_str(&segments.join("/"));
        path.push_str(lcg.pick(TAILS));
        requests.push((lcg.pick(METHODS).to_string(), path));
    }
    // Each template filled in many ways, so most requests route somewhere.
    for &e in Loaded::all() {
        for _ in 0..150 {
            let mut path = lcg
                .pick(&["", "", "/api/v2", "/api/v", "https://h.example"])
                .to_string();
            for segment in e.path().split('/').skip(1) {
                path.push('/');
                path.push_str(&fill(segment, &mut lcg));
            }
            path.push_str(lcg.pick(TAILS));
            let own = e.method();
            let method = lcg.pick(&[own.as_str(), own.as_str(), "HEAD", "GET"]);
            requests.push((method.to_string(), path));
        }
    }
    let expected: Vec<Value> = requests
        .iter()
        .map(|(m, p)| {
            let m = Method::from_bytes(m.as_bytes()).unwrap();
            json!(RouteMatch::<Loaded>::find(&m, p).map(|r| r.endpoint().slug()))
        })
        .collect();
    let routed = expected.iter().filter(|v| v.is_string()).count();
    assert!(routed > 1000, "{routed} of {} routed", expected.len());

    let dir = scratch();
    let out = errcat()
        .arg("--catalogue")
        .arg(&toml)
        .args(["render", "--format", "python", "-o"])
        .arg(dir.path().join("errors.py"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let queries = dir.path().join("queries.json");
    let asked: Vec<Value> = requests.iter().map(|(m, p)| json!([m, p])).collect();
    let body = json!({"lookups": [], "codes": [], "routes": asked});
    std::fs::write(&queries, body.to_string()).unwrap();
    let answers: Value =
        serde_json::from_str(&(python::LANGUAGE.run)(dir.path(), &queries)).unwrap();
    let got = answers["routes"].as_array().unwrap();
    let wrong: Vec<String> = requests
        .iter()
        .zip(&expected)
        .zip(got)
        .filter(|((_, want), got)| want != got)
        .map(|(((m, p), want), got)| format!("{m} {p}: Rust {want}, Python {got}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
