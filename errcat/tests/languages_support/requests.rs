//! The routed requests every language module is asked
//! ([`super::queries`]): each endpoint's template, under each base path,
//! filled in several ways and spelled in many (trailing slash, empty
//! segments, query and fragment, full URL, percent-encoded bytes, an extra
//! segment, a missing parameter, HEAD, a lower-case and another method);
//! fixed odd paths; every pair of [`PIECES`] as a path; and thousands of
//! pseudo-random near misses (a fixed seed, so every run asks the same)
//! made of the template pieces, the catalogue's own literal segments,
//! encoded bytes, URL heads and query or fragment tails.

use error_catalogue::engine::CatalogueEndpoint;

/// Request segments: template pieces of the route fixture and near misses
/// of them, encodings, empty and broken percent escapes.
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
    "%41",
    "a%2",
];

/// What a path may start with: a slash, a base path, a URL's scheme and
/// host (well-formed or not), nothing.
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

/// What a path may end with.
const TAILS: &[&str] = &["", "/", "?q=/x", "#f", "//", "?"];

/// Methods of the random requests; `get` is no GET.
const METHODS: &[&str] = &["GET", "HEAD", "POST", "DELETE", "get"];

/// Parameter values: each `{param}` of a template is filled with one,
/// each `{*param}` with `a/` and one.
const FILLS: &[&str] = &["p1", "a.b.json", "x%41y", "v1.2"];

/// A 64-bit linear congruential generator: the same requests on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % bound
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// Every request of the module docs, as (method, path) pairs.
pub fn requests<E: CatalogueEndpoint>(base_paths: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let bases = match base_paths {
        [] => &[""][..],
        declared => declared,
    };
    for &e in E::all() {
        let method = e.method();
        let method = method.as_str();
        let other = if method == "PATCH" {
            "OPTIONS"
        } else {
            "PATCH"
        };
        for &base in bases {
            for fill in FILLS {
                let path = format!("{}{}", filled(base, fill), filled(e.path(), fill));
                out.push((other.to_owned(), path.clone()));
                for p in [
                    path.clone(),
                    format!("{path}/"),
                    format!("{path}//"),
                    format!("{path}?q=1&r=/x#frag"),
                    format!("https://api.example.com:8443{path}?q=1"),
                    encoded(&path),
                    format!("{path}/extra"),
                    path.replace(fill, "p%2F1"),
                    path.replace(&format!("/{fill}"), "/"),
                    path.replacen('/', "/%2F", 1),
                    path.replace('a', "%61"),
                    path.replace('/', "//"),
                ] {
                    for m in [method, "HEAD", &method.to_lowercase()] {
                        out.push((m.to_owned(), p.clone()));
                    }
                }
            }
        }
    }
    for path in [
        "",
        "/",
        "//",
        "/%zz",
        "?x",
        "#x",
        "x",
        "https://h",
        "ftp://h/v1/x",
        "://h/x",
        "relative/path",
        "/%",
        "/a//b",
        "/images//json",
        "/images/a/b/c/json",
        "/images/a/json/json",
        "/x%EF%BF%BD/a",
        "/x%EF%BF%BD/b",
        "/x\u{fffd}/a",
        "/v1.",
        "/.json",
        "/v1/x:cancel",
    ] {
        for m in ["GET", "POST", "HEAD"] {
            out.push((m.to_owned(), path.to_owned()));
        }
    }
    for a in PIECES {
        for b in PIECES {
            out.push(("GET".to_owned(), format!("/{a}/{b}")));
        }
    }
    out.extend(near_misses::<E>());
    out
}

/// Random requests: paths of pieces (the catalogue's literal segments
/// among them), and each template filled with random pieces, so that only
/// an exact port of the router answers them all alike.
fn near_misses<E: CatalogueEndpoint>() -> Vec<(String, String)> {
    let literals: Vec<&str> = E::all()
        .iter()
        .flat_map(|e| e.path().split('/'))
        .filter(|s| !s.is_empty() && !s.contains('{'))
        .collect();
    let mut pieces = PIECES.to_vec();
    pieces.extend(literals);
    let mut lcg = Lcg(0x2545_f491_4f6c_dd1d);
    let mut out = Vec::new();
    for _ in 0..4000 {
        let mut path = lcg.pick(HEADS).to_owned();
        let segments: Vec<&str> = (0..lcg.below(7)).map(|_| lcg.pick(&pieces)).collect();
        path.push_str(&segments.join("/"));
        path.push_str(lcg.pick(TAILS));
        out.push((lcg.pick(METHODS).to_owned(), path));
    }
    for &e in E::all() {
        for _ in 0..40 {
            let mut path = lcg
                .pick(&["", "", "/api/v2", "/api/v", "https://h.example", "/acme"])
                .to_owned();
            for segment in e.path().split('/').skip(1) {
                path.push('/');
                path.push_str(&fill_randomly(segment, &mut lcg, &pieces));
            }
            path.push_str(lcg.pick(TAILS));
            let own = e.method();
            let own = own.as_str();
            out.push((lcg.pick(&[own, own, "HEAD", "GET"]).to_owned(), path));
        }
    }
    out
}

/// A template segment as a request might spell it: a literal as written
/// (or now and then another piece), each `{name}` a piece, `{*name}` one to
/// three pieces.
fn fill_randomly(segment: &str, lcg: &mut Lcg, pieces: &[&str]) -> String {
    if !segment.contains('{') {
        return if lcg.below(5) == 0 {
            lcg.pick(pieces).to_owned()
        } else {
            segment.to_owned()
        };
    }
    let mut out = String::new();
    let mut rest = segment;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        if rest[open + 1..].starts_with('*') {
            let taken: Vec<&str> = (0..=lcg.below(3)).map(|_| lcg.pick(pieces)).collect();
            out.push_str(&taken.join("/"));
        } else {
            out.push_str(lcg.pick(pieces));
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A template with each `{param}` as `fill`, each `{*param}` as `a/FILL`.
fn filled(template: &str, fill: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        if name.starts_with('*') {
            out.push_str("a/");
        }
        out.push_str(fill);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// `path` with its first letter and every non-ASCII byte percent-encoded:
/// literals match by their decoded bytes.
fn encoded(path: &str) -> String {
    let mut out = String::new();
    let mut first_letter = true;
    for &b in path.as_bytes() {
        let letter = first_letter && b.is_ascii_alphabetic();
        if !b.is_ascii() || letter {
            first_letter &= !letter;
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
    }
    out
}
