//! Routing a concrete request (`GET /v1/manage/tracker/5f3c…`) to its
//! [`Endpoint`], over the segment tries generated at build time (see
//! `error_catalogue_build::routes` for the table shape and why).
//!
//! What matches: the path of a bare path or of a full URL with any scheme
//! and host; the query and fragment are ignored, and so is one trailing
//! slash. A literal segment matches a request segment whose percent-decoded
//! bytes equal it; a parameter matches exactly one non-empty segment,
//! captured raw. At the first segment where two matching templates differ,
//! the literal wins. HEAD also routes to GET endpoints. Matching never
//! allocates, never panics, and uses no regex.

use core::cmp::Ordering;
use std::borrow::Cow;

use http::Method;
use percent_encoding::percent_decode;

use crate::generated::{MAX_PARAMS, ROUTE_PARAMS, ROUTES};
use crate::{Endpoint, Entry, StatusCode};

/// A trie node, generated: its literal edges are `ROUTE_LITERALS[first..last]`
/// (sorted), `param` its parameter child and `endpoint` the endpoint whose
/// template ends here (`u32::MAX`: none).
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) first: u32,
    pub(crate) last: u32,
    pub(crate) param: u32,
    pub(crate) endpoint: u32,
}

const NONE: u32 = u32::MAX;

/// A literal edge, generated: one or more decoded literal segments joined
/// by `/` (a chain without branches, merged), sorted among its node's edges
/// by the first segment, `bytes[..first]`: its length, then its bytes.
#[derive(Debug)]
pub(crate) struct Edge<'t> {
    pub(crate) bytes: &'t [u8],
    pub(crate) first: u32,
    pub(crate) segs: u32,
    pub(crate) child: u32,
}

/// The generated route tables, as slices (tests walk tables built from other
/// catalogues through the same code).
#[derive(Debug)]
pub(crate) struct Tables<'t> {
    /// Each routed method's root node.
    pub(crate) roots: &'t [(Method, u32)],
    pub(crate) nodes: &'t [Node],
    /// Each node's literal edges are `edges[first..last]`.
    pub(crate) edges: &'t [Edge<'t>],
}

/// A request routed to its endpoint, with the template's parameters captured
/// as raw slices of the request path. Holds no heap memory.
///
/// ```
/// use error_catalogue::{route, Endpoint};
/// use http::Method;
///
/// let m = route(&Method::GET, "https://api.symbl.ai/v1/manage/tracker/5f3c%20a?x=1").unwrap();
/// assert_eq!(m.endpoint(), Endpoint::GetTracker);
/// assert_eq!(m.param("trackerId"), Some("5f3c%20a"));
/// assert_eq!(m.param_decoded("trackerId").as_deref(), Some("5f3c a"));
/// assert_eq!(m.params().collect::<Vec<_>>(), [("trackerId", "5f3c%20a")]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteMatch<'a> {
    endpoint: Endpoint,
    values: [&'a str; MAX_PARAMS],
}

impl<'a> RouteMatch<'a> {
    /// The endpoint the request routes to.
    #[inline]
    pub fn endpoint(&self) -> Endpoint {
        self.endpoint
    }

    /// The template's parameter names, in order.
    #[inline]
    fn names(&self) -> &'static [&'static str] {
        ROUTE_PARAMS
            .get(self.endpoint.index())
            .copied()
            .unwrap_or(&[])
    }

    /// The raw (still percent-encoded) value of parameter `name`.
    pub fn param(&self, name: &str) -> Option<&'a str> {
        self.params().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Parameter `name` percent-decoded, invalid UTF-8 replaced by U+FFFD;
    /// borrowed unless decoding changed it.
    pub fn param_decoded(&self, name: &str) -> Option<Cow<'a, str>> {
        self.param(name)
            .map(|raw| percent_decode(raw.as_bytes()).decode_utf8_lossy())
    }

    /// Every parameter as `(name, raw value)`, in template order.
    pub fn params(&self) -> impl Iterator<Item = (&'static str, &'a str)> + use<'a> {
        self.names().iter().copied().zip(self.values)
    }
}

/// Routes a request to its endpoint and captures its parameters. `path` is a
/// bare path (`/v1/manage/trackers`) or a full URL (`https://host/v1/...`).
/// `None` when no endpoint of that method matches, or `path` is neither.
#[inline]
pub fn route<'a>(method: &Method, path: &'a str) -> Option<RouteMatch<'a>> {
    let mut values = [""; MAX_PARAMS];
    let endpoint = walk_method(method, path, &mut values)?;
    Some(RouteMatch { endpoint, values })
}

/// What `status` means for the endpoint a request routes to: its own entry,
/// else the general table's (also when no endpoint matches).
#[inline]
pub fn lookup_request(method: &Method, path: &str, status: StatusCode) -> Option<&'static Entry> {
    match Endpoint::route(method, path) {
        Some(endpoint) => crate::lookup(endpoint, status),
        None => crate::lookup_general(status),
    }
}

impl Endpoint {
    /// The endpoint a request routes to (see [`crate::route`] for the
    /// parameters too). Never allocates or panics.
    ///
    /// ```
    /// use error_catalogue::Endpoint;
    /// use http::Method;
    ///
    /// assert_eq!(Endpoint::route(&Method::POST, "/v1/manage/trackers/"), Some(Endpoint::CreateTrackers));
    /// assert_eq!(Endpoint::route(&Method::HEAD, "/v1/manage/tracker/abc"), Some(Endpoint::GetTracker));
    /// assert_eq!(Endpoint::route(&Method::GET, "/v1/manage/trackers"), None);
    /// ```
    #[inline]
    pub fn route(method: &Method, path: &str) -> Option<Endpoint> {
        let mut values = [""; MAX_PARAMS];
        walk_method(method, path, &mut values)
    }
}

#[inline]
fn walk_method<'a>(method: &Method, path: &'a str, values: &mut [&'a str]) -> Option<Endpoint> {
    let endpoint = ROUTES.find(method, path, values)?;
    Endpoint::ALL.get(endpoint as usize).copied()
}

impl Tables<'_> {
    /// The index of the endpoint `method path` routes to, capturing
    /// parameters into `values` in template order.
    #[inline]
    pub(crate) fn find<'a>(
        &self,
        method: &Method,
        path: &'a str,
        values: &mut [&'a str],
    ) -> Option<u32> {
        let root = self.roots.iter().find(|(m, _)| m == method)?.1;
        let (rest, encoded) = segments(path)?;
        self.walk(root, rest, !encoded, values, 0)
    }

    /// Depth-first, literal edge before parameter: each node is visited at
    /// most once, and the first template to match is the one of highest
    /// priority. It recurses only where a node has both a literal edge and a
    /// parameter to fall back on; elsewhere it loops. `plain`: the path has
    /// no `%`, so bytes compare as they are.
    fn walk<'a>(
        &self,
        mut node: u32,
        mut rest: Option<&'a str>,
        plain: bool,
        values: &mut [&'a str],
        mut captured: usize,
    ) -> Option<u32> {
        loop {
            let here = self.nodes.get(node as usize)?;
            let Some(path) = rest else {
                return (here.endpoint != NONE).then_some(here.endpoint);
            };
            let edges = self.edges.get(here.first as usize..here.last as usize)?;
            let literal = match edges {
                [] => None,
                // One edge and a plain path: one comparison, no segment split.
                [edge] if plain => prefix(edge.bytes, path).map(|after| (edge, after)),
                _ => {
                    let (segment, tail) = split(path);
                    find_edge(edges, segment, plain)
                        .and_then(|edge| Some((edge, cross(edge, path, tail, plain)?)))
                }
            };
            if let Some((edge, after)) = literal {
                if here.param == NONE {
                    (node, rest) = (edge.child, after);
                    continue;
                }
                if let Some(hit) = self.walk(edge.child, after, plain, values, captured) {
                    return Some(hit);
                }
            }
            if here.param == NONE {
                return None;
            }
            let (segment, tail) = split(path);
            if segment.is_empty() {
                return None;
            }
            *values.get_mut(captured)? = segment;
            (node, rest, captured) = (here.param, tail, captured + 1);
        }
    }
}

/// The first segment of `rest` and what follows its `/` (`None`: nothing).
#[inline]
fn split(rest: &str) -> (&str, Option<&str>) {
    // '/' is ASCII: its index is a char boundary.
    match rest.bytes().position(|b| b == b'/') {
        Some(i) => (rest.get(..i).unwrap_or(rest), rest.get(i + 1..)),
        None => (rest, None),
    }
}

/// The edge whose first segment equals `segment` (decoded unless `plain`).
#[inline]
fn find_edge<'e, 't>(edges: &'e [Edge<'t>], segment: &str, plain: bool) -> Option<&'e Edge<'t>> {
    let first = |e: &Edge<'t>| e.bytes.get(..e.first as usize).unwrap_or(e.bytes);
    let found = if plain && edges.len() <= LINEAR {
        let segment = segment.as_bytes();
        return edges.iter().find(|e| same(first(e), segment));
    } else if plain {
        let segment = segment.as_bytes();
        edges.binary_search_by(|e| order(first(e), segment))
    } else {
        let decoded = || percent_decode(segment.as_bytes());
        let len = decoded().count();
        edges.binary_search_by(|e| {
            let literal = first(e);
            literal
                .len()
                .cmp(&len)
                .then_with(|| literal.iter().copied().cmp(decoded()))
        })
    };
    edges.get(found.ok()?)
}

/// Up to this many edges, a node's edges are compared in turn rather than
/// binary-searched: an equality test is cheaper than an ordering.
const LINEAR: usize = 8;

/// The order of a node's edges (length, then bytes), without `memcmp` calls.
#[inline]
fn order(literal: &[u8], segment: &[u8]) -> Ordering {
    literal.len().cmp(&segment.len()).then_with(|| {
        let (mut wa, mut wb) = (literal.chunks_exact(8), segment.chunks_exact(8));
        for (x, y) in (&mut wa).zip(&mut wb) {
            let word = |w: &[u8]| <[u8; 8]>::try_from(w).map_or(0, u64::from_be_bytes);
            match word(x).cmp(&word(y)) {
                Ordering::Equal => {}
                unequal => return unequal,
            }
        }
        wa.remainder().iter().cmp(wb.remainder())
    })
}

/// Byte equality without a `memcmp` call, which costs more than the
/// comparison for the short segments of a path: eight bytes at a time.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut wa, mut wb) = (a.chunks_exact(8), b.chunks_exact(8));
    for (x, y) in (&mut wa).zip(&mut wb) {
        let word = |w: &[u8]| <[u8; 8]>::try_from(w).map_or(0, u64::from_ne_bytes);
        if word(x) != word(y) {
            return false;
        }
    }
    wa.remainder()
        .iter()
        .zip(wb.remainder())
        .all(|(x, y)| x == y)
}

/// What follows `literal` and its `/` in `rest` (`Some(None)`: nothing
/// follows), when `rest` starts with `literal` as whole segments.
#[inline]
fn prefix<'a>(literal: &[u8], rest: &'a str) -> Option<Option<&'a str>> {
    let bytes = rest.as_bytes();
    if !same(bytes.get(..literal.len())?, literal) {
        return None;
    }
    match bytes.get(literal.len()) {
        None => Some(None),
        // '/' is ASCII: the index after it is a char boundary.
        Some(b'/') => Some(rest.get(literal.len() + 1..)),
        Some(_) => None,
    }
}

/// Crosses `edge`, whose first segment matched the first of `rest`: what
/// follows in the request, or `None` when the request does not continue
/// with the edge's later segments.
#[inline]
fn cross<'a>(
    edge: &Edge<'_>,
    rest: &'a str,
    tail: Option<&'a str>,
    plain: bool,
) -> Option<Option<&'a str>> {
    if edge.segs <= 1 {
        return Some(tail);
    }
    if plain {
        return prefix(edge.bytes, rest);
    }
    // The edge's later segments, each against the next request segment decoded.
    let mut tail = tail;
    for literal in edge
        .bytes
        .get(edge.first as usize + 1..)?
        .split(|&b| b == b'/')
    {
        let (segment, next) = split(tail?);
        if !literal
            .iter()
            .copied()
            .eq(percent_decode(segment.as_bytes()))
        {
            return None;
        }
        tail = next;
    }
    Some(tail)
}

/// The segments of a request's path, without the leading `/` (`None` for
/// the root), and whether the path holds a `%`. `None` when `input` is
/// neither a path nor a URL.
#[inline]
fn segments(input: &str) -> Option<(Option<&str>, bool)> {
    let path = if input.starts_with('/') {
        input
    } else {
        let (scheme, rest) = input.split_once("://")?;
        let mut chars = scheme.chars();
        let scheme_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !scheme_ok {
            return None;
        }
        rest.find(['/', '?', '#']).map_or("", |i| &rest[i..])
    };
    let (end, encoded) = scan(path.as_bytes());
    // `end` is the index of an ASCII byte or the length: a char boundary.
    let path = path.get(..end)?;
    let path = if path.len() > 1 {
        path.strip_suffix('/').unwrap_or(path)
    } else {
        path
    };
    Some((
        path.strip_prefix('/').filter(|rest| !rest.is_empty()),
        encoded,
    ))
}

/// Where the path ends (the first `?` or `#`, else the length) and whether a
/// `%` comes before: eight bytes at a time (the last word overlapping the
/// one before), byte by byte only in a word that holds one of them.
#[inline]
fn scan(bytes: &[u8]) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Non-zero exactly when some byte of `word` is `byte`.
    let has = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGH
    };
    let word_at = |i: usize| {
        bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let bytewise = |from: usize, mut encoded: bool| {
        for (i, &b) in bytes.iter().enumerate().skip(from) {
            match b {
                b'?' | b'#' => return (i, encoded),
                b'%' => encoded = true,
                _ => {}
            }
        }
        (bytes.len(), encoded)
    };
    if bytes.len() < 8 {
        return bytewise(0, false);
    }
    let mut encoded = false;
    let mut at = 0;
    loop {
        // The last word ends at the last byte, overlapping the one before.
        let start = at.min(bytes.len() - 8);
        let word = word_at(start);
        if has(word, b'?') | has(word, b'#') != 0 {
            return bytewise(start, encoded);
        }
        encoded |= has(word, b'%') != 0;
        if start + 8 >= bytes.len() {
            return (bytes.len(), encoded);
        }
        at = start + 8;
    }
}

#[cfg(test)]
mod tests;
