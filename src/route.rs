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

/// A trie node, generated: its literal edges are `ROUTE_EDGES[first..last]`
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
    /// The first segment's first eight bytes, big-endian, zero-padded.
    pub(crate) key: u64,
    /// Whether equal raw bytes mean a match: no `%`, `?` or `#` in the
    /// literal, and no `/` inside a segment.
    pub(crate) raw: bool,
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
        let (rest, full) = start(path)?;
        let mut encoded = Encoded { full, known: None };
        self.walk(root, rest, &mut encoded, values, 0)
    }

    /// Depth-first, literal edge before parameter: each node is visited at
    /// most once, and the first template to match is the one of highest
    /// priority. It recurses only where a node has both a literal edge and a
    /// parameter to fall back on; elsewhere it loops. Bytes are compared as
    /// they are; decoded only when that fails and the path holds a `%`.
    #[inline(always)]
    fn walk<'a>(
        &self,
        mut node: u32,
        mut rest: Option<&'a str>,
        encoded: &mut Encoded<'_>,
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
                // One edge: compare it whole, no segment split.
                [edge] => cross(edge, path, encoded).map(|after| (edge, after)),
                // A few: each compared whole; at most one can match.
                _ if edges.len() <= LINEAR => edges
                    .iter()
                    .find_map(|edge| Some((edge, cross_raw(edge, path)?)))
                    .or_else(|| {
                        let slow = edges.iter().any(|e| !e.raw) || encoded.get();
                        slow.then(|| {
                            let edge = find_decoded(edges, split(path).0.as_bytes())?;
                            Some((edge, cross_decoded(edge, path)?))
                        })
                        .flatten()
                    }),
                _ => find_edge(edges, split(path).0, encoded)
                    .and_then(|edge| Some((edge, cross(edge, path, encoded)?))),
            };
            if let Some((edge, after)) = literal {
                if here.param == NONE {
                    (node, rest) = (edge.child, after);
                    continue;
                }
                if let Some(hit) = self.branch(edge.child, after, encoded, values, captured) {
                    return Some(hit);
                }
            }
            if here.param == NONE {
                return None;
            }
            let (segment, after) = split(path);
            if segment.is_empty() {
                return None;
            }
            *values.get_mut(captured)? = segment;
            (node, rest, captured) = (here.param, after, captured + 1);
        }
    }

    /// [`Tables::walk`] from a node with both a literal edge and a parameter:
    /// the one place the walk recurses, kept out of line.
    #[inline(never)]
    fn branch<'a>(
        &self,
        node: u32,
        rest: Option<&'a str>,
        encoded: &mut Encoded<'_>,
        values: &mut [&'a str],
        captured: usize,
    ) -> Option<u32> {
        self.walk(node, rest, encoded, values, captured)
    }
}

/// Whether the path holds a `%` before its query, found out only when a
/// byte comparison fails (a path without `%` decodes to itself).
struct Encoded<'a> {
    /// The path after its leading `/`, query included.
    full: &'a str,
    known: Option<bool>,
}

impl Encoded<'_> {
    #[cold]
    #[inline(never)]
    fn get(&mut self) -> bool {
        let full = self.full;
        *self.known.get_or_insert_with(|| scan(full.as_bytes()).1)
    }
}

/// Where the path's segments start (`None`: the root) and the path after
/// its leading `/`. `None` when `input` is neither a path nor a URL.
#[inline]
fn start(input: &str) -> Option<(Option<&str>, &str)> {
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
    let Some(full) = path.strip_prefix('/') else {
        // An empty path, or only a query or fragment: the root.
        return Some((None, ""));
    };
    // `//` is the root with its one trailing slash.
    if full.starts_with('/') && at_end(full.get(1..).unwrap_or("")) {
        return Some((None, full));
    }
    Some((after_slash(full), full))
}

/// Whether nothing of the path is left: the end, or its query or fragment.
#[inline(always)]
fn at_end(rest: &str) -> bool {
    matches!(rest.as_bytes().first(), None | Some(b'?' | b'#'))
}

/// The segments after a `/`: none when the path ends there (one trailing
/// slash is ignored).
#[inline(always)]
fn after_slash(rest: &str) -> Option<&str> {
    (!at_end(rest)).then_some(rest)
}

/// What follows a segment that ends at byte `n` of `rest`: `Some(None)` at
/// the end of the path, `None` when byte `n` does not end a segment.
#[inline(always)]
fn step(rest: &str, n: usize) -> Option<Option<&str>> {
    match rest.as_bytes().get(n) {
        None | Some(b'?' | b'#') => Some(None),
        // '/' is ASCII: the index after it is a char boundary.
        Some(b'/') => Some(after_slash(rest.get(n + 1..)?)),
        Some(_) => None,
    }
}

/// The first segment of `rest` and what follows it.
#[inline(always)]
fn split(rest: &str) -> (&str, Option<&str>) {
    // The delimiters are ASCII: the index is a char boundary.
    let n = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let segment = rest.get(..n).unwrap_or(rest);
    (segment, step(rest, n).flatten())
}

/// Up to this many edges, a node's edges are each compared whole with the
/// request rather than binary-searched by its first segment.
const LINEAR: usize = 8;

/// Among more than [`LINEAR`] edges, the one whose first segment equals
/// `segment`: by binary search on (length, first eight bytes, rest) as they
/// are, or, when that finds none (or an edge bytes cannot stand for) and the
/// path holds a `%`, by `segment` decoded.
#[inline]
fn find_edge<'e, 't>(
    edges: &'e [Edge<'t>],
    segment: &str,
    encoded: &mut Encoded<'_>,
) -> Option<&'e Edge<'t>> {
    let first = |e: &Edge<'t>| e.bytes.get(..e.first as usize).unwrap_or(e.bytes);
    let raw = segment.as_bytes();
    // Length and first eight bytes pick the edge; longer segments compare on.
    let (len, key) = (raw.len(), key(raw));
    let rest = |e: &Edge<'t>| {
        if len <= 8 {
            Ordering::Equal
        } else {
            first(e)
                .get(8..)
                .unwrap_or(&[])
                .cmp(raw.get(8..).unwrap_or(&[]))
        }
    };
    let order = |e: &Edge<'t>| {
        (e.first as usize)
            .cmp(&len)
            .then(e.key.cmp(&key))
            .then_with(|| rest(e))
    };
    let found = edges
        .binary_search_by(order)
        .ok()
        .and_then(|k| edges.get(k));
    match found {
        Some(edge) if edge.raw => return Some(edge),
        Some(_) => {}
        None if encoded.get() => {}
        None => return None,
    }
    find_decoded(edges, raw)
}

/// [`find_edge`] by the segment decoded: the slow path, for paths with `%`.
#[cold]
#[inline(never)]
fn find_decoded<'e, 't>(edges: &'e [Edge<'t>], raw: &[u8]) -> Option<&'e Edge<'t>> {
    let first = |e: &Edge<'t>| e.bytes.get(..e.first as usize).unwrap_or(e.bytes);
    let decoded = || percent_decode(raw);
    let len = decoded().count();
    let k = edges
        .binary_search_by(|e| {
            let literal = first(e);
            literal
                .len()
                .cmp(&len)
                .then_with(|| literal.iter().copied().cmp(decoded()))
        })
        .ok()?;
    edges.get(k)
}

/// Crosses `edge` from the start of `rest`: what follows in the request, or
/// `None` when the request does not continue with the edge's segments.
#[inline(always)]
fn cross<'a>(edge: &Edge<'_>, rest: &'a str, encoded: &mut Encoded<'_>) -> Option<Option<&'a str>> {
    if edge.raw {
        if let Some(after) = cross_raw(edge, rest) {
            return Some(after);
        }
        if !encoded.get() {
            return None;
        }
    }
    cross_decoded(edge, rest)
}

/// [`cross`] by the request's bytes as they are, for an edge whose raw
/// bytes stand for it (`None` for one that is not).
#[inline(always)]
fn cross_raw<'a>(edge: &Edge<'_>, rest: &'a str) -> Option<Option<&'a str>> {
    let head = rest.as_bytes().get(..edge.bytes.len())?;
    if edge.raw && same(head, edge.bytes) {
        step(rest, edge.bytes.len())
    } else {
        None
    }
}

/// [`cross`] segment by segment, each request segment decoded: the slow
/// path, for paths with `%` and literals raw bytes cannot stand for.
#[cold]
#[inline(never)]
fn cross_decoded<'a>(edge: &Edge<'_>, rest: &'a str) -> Option<Option<&'a str>> {
    let mut rest = Some(rest);
    let mut compare = |literal: &[u8]| {
        let (segment, after) = split(rest?);
        rest = after;
        literal
            .iter()
            .copied()
            .eq(percent_decode(segment.as_bytes()))
            .then_some(())
    };
    if edge.segs <= 1 {
        compare(edge.bytes)?;
    } else {
        for literal in edge.bytes.split(|&b| b == b'/') {
            compare(literal)?;
        }
    }
    Some(rest)
}

/// The first eight bytes of a segment as a big-endian number, zero-padded
/// (as the build computed each edge's).
#[inline(always)]
fn key(segment: &[u8]) -> u64 {
    if let Some(word) = segment.first_chunk::<8>() {
        return u64::from_be_bytes(*word);
    }
    let word = segment
        .iter()
        .fold(0u64, |word, &b| (word << 8) | u64::from(b));
    // Fewer than eight bytes: shift them to the top, as zero-padding does.
    word.checked_shl(8 * (8 - segment.len() as u32))
        .unwrap_or(0)
}

/// Byte equality without a `memcmp` call, which costs more than the
/// comparison for the short segments of a path: whole words, the last one
/// overlapping the one before.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        // Short: as two overlapping halves, or byte by byte below four.
        if n >= 4 {
            let half = |s: &[u8], at: usize| {
                s.get(at..at + 4)
                    .and_then(|w| <[u8; 4]>::try_from(w).ok())
                    .map_or(0, u32::from_ne_bytes)
            };
            return half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4);
        }
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    let word = |s: &[u8], at: usize| {
        s.get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map_or(0, u64::from_ne_bytes)
    };
    let mut at = 0;
    while at + 8 < n {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, n - 8) == word(b, n - 8)
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
