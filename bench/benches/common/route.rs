//! The route bench's workload and matchit baseline, shared by
//! `benches/route.rs` and `examples/route_probe.rs` (which counts its
//! instructions under callgrind), so both measure the same requests.
#![allow(dead_code)]

use error_catalogue::{CatalogueEndpoint, Endpoint};
use http::Method;

/// A routed request: method, the full request target, and its path alone.
pub struct Request {
    pub kind: &'static str,
    pub method: Method,
    pub target: String,
    pub path: String,
}

/// Ids as services mint them: a UUID, a number, a short slug.
pub const IDS: [&str; 3] = ["5f3c8a9e-1b2d-4c6e-9f0a-7b8c9d0e1f2a", "4718293", "ab12"];

/// `template` with each `{param}` replaced by an id.
pub fn concrete(template: &str, k: usize) -> String {
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
pub fn last_literal_byte(template: &str, path: &str) -> Option<usize> {
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

pub fn workload() -> Vec<Request> {
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

/// The base paths a catalogue's requests may carry (none declared: the
/// empty one).
pub fn base_paths<E: CatalogueEndpoint>() -> Vec<&'static str> {
    let listed = error_catalogue::engine::Catalogue::<E>::new().base_paths();
    if listed.is_empty() {
        vec![""]
    } else {
        listed.to_vec()
    }
}

/// Whether matchit takes `template`: a `{*name}` only at its end.
pub fn matchit_accepts(template: &str) -> bool {
    match template.find("{*") {
        None => true,
        Some(i) => !template[i..].contains('/'),
    }
}

/// Any catalogue's request workload (the one the catalogues bench and
/// `route_probe`'s `catalogue-*` modes measure): `(method, target, path)`.
/// Requests to each endpoint whose template matchit takes (`multi`:
/// whose template it does not), under each base path: a hit, with a query,
/// a near miss, one segment too deep, the wrong method.
pub fn catalogue_workload<E: CatalogueEndpoint>(multi: bool) -> Vec<(Method, String, String)> {
    let mut out = Vec::new();
    let bases = base_paths::<E>();
    let templates = E::all()
        .iter()
        .filter(|e| matchit_accepts(e.path()) != multi)
        .flat_map(|&e| {
            bases
                .iter()
                .map(move |base| (e, format!("{base}{}", e.path())))
        });
    for (k, (e, template)) in templates.enumerate() {
        let hit: String = template
            .split('/')
            .map(|s| {
                if s.starts_with("{*") {
                    ["library/ubuntu", "team/api/v2", "nginx"][k % 3].to_string()
                } else if s.starts_with('{') {
                    ["4fa6e0f0c678", "my-nginx", "v1.43"][k % 3].to_string()
                } else {
                    s.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        let m = e.method();
        out.push((m.clone(), hit.clone(), hit.clone()));
        out.push((m.clone(), format!("{hit}?all=1&limit=50"), hit.clone()));
        out.push((m.clone(), format!("{hit}x"), format!("{hit}x")));
        out.push((m.clone(), format!("{hit}/extra"), format!("{hit}/extra")));
        let wrong = if m == Method::PATCH {
            Method::TRACE
        } else {
            Method::PATCH
        };
        out.push((wrong, hit.clone(), hit));
    }
    out
}

/// One matchit router per method, over a catalogue's templates under each
/// base path, those matchit takes ([`matchit_accepts`]).
pub struct Matchit<E>(Vec<(Method, matchit::Router<E>)>);

impl<E: CatalogueEndpoint> Matchit<E> {
    pub fn new() -> Self {
        let mut routers: Vec<(Method, matchit::Router<E>)> = Vec::new();
        let bases = base_paths::<E>();
        for &e in E::all().iter().filter(|e| matchit_accepts(e.path())) {
            let m = e.method();
            let i = match routers.iter().position(|(r, _)| *r == m) {
                Some(i) => i,
                None => {
                    routers.push((m, matchit::Router::new()));
                    routers.len() - 1
                }
            };
            for base in &bases {
                let template = format!("{base}{}", e.path());
                routers[i]
                    .1
                    .insert(template, e)
                    .expect("matchit accepts the template");
            }
        }
        Matchit(routers)
    }

    /// The router of `method`'s templates, found by scanning.
    #[inline]
    fn router(&self, method: &Method) -> Option<&matchit::Router<E>> {
        Some(&self.0.iter().find(|(m, _)| m == method)?.1)
    }

    #[inline]
    pub fn route(&self, method: &Method, path: &str) -> Option<E> {
        let router = self.router(method)?;
        router.at(path).ok().map(|m| *m.value)
    }

    /// [`Matchit::route`], then, on a miss, the path again without one
    /// trailing slash and with its escapes decoded: what a service in front
    /// of matchit adds to answer the bench's trailing-slash and encoded
    /// requests as `route` does (a trim like tower-http's `NormalizePath`,
    /// and a decode, here into a buffer on the stack: paths of up to 256
    /// bytes). Requests that hold neither are routed once, as by
    /// [`Matchit::route`]. A decoded `%2F` becomes a separator here, where
    /// `route` keeps it inside its segment: the bench's requests hold none,
    /// and the bench checks the two agree on every one.
    #[inline]
    pub fn route_normalised(&self, method: &Method, path: &str) -> Option<E> {
        let router = self.router(method)?;
        let at = |path: &str| router.at(path).ok().map(|m| *m.value);
        if let Some(e) = at(path) {
            return Some(e);
        }
        let trimmed = match path.strip_suffix('/') {
            Some(p) if !p.is_empty() => p,
            _ => path,
        };
        if trimmed.contains('%') {
            // Decoded into a buffer on the stack, not allocated: the
            // cheapest a service could do.
            let mut buf = [0u8; 256];
            let mut n = 0;
            for b in percent_encoding::percent_decode_str(trimmed) {
                *buf.get_mut(n)? = b;
                n += 1;
            }
            at(std::str::from_utf8(&buf[..n]).ok()?)
        } else if trimmed.len() < path.len() {
            at(trimmed)
        } else {
            None
        }
    }
}
