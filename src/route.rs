//! Routing a concrete request (`GET /v1/manage/tracker/5f3c…`) to its
//! [`Endpoint`], over the segment tries generated at build time (see
//! `error_catalogue_build::routes` for the table shape and why).
//!
//! What matches: the path of a bare path or of a full URL with any scheme
//! and host; the query and fragment are ignored, and so is one trailing
//! slash. The path may start with one of the catalogue's base paths
//! (`[api] base_paths`), then the template. A literal segment matches a
//! request segment whose percent-decoded bytes equal it; a parameter
//! (`{id}`) matches exactly one non-empty segment, and a multi-segment
//! parameter (`{*name}`) one or more, each captured raw (`library/ubuntu`).
//! At the first segment where two matching templates differ, the literal
//! wins, then the parameter, then the multi-segment parameter, which takes
//! as few segments as lets the rest match. HEAD also routes to GET
//! endpoints. Matching never allocates, never panics, and uses no regex.

use std::borrow::Cow;

use error_catalogue_layout::route::{Edge, LINEAR, slot_count, slot_hash};
use error_catalogue_layout::{NONE, route_node, u32_at};
use http::Method;
use percent_encoding::percent_decode;

use crate::engine::CatalogueEndpoint;

/// The most parameters a template may have (the build checks it): a
/// match keeps their values inline, never on the heap.
pub(crate) const MAX_PARAMS: usize = error_catalogue_layout::MAX_PARAMS;

/// A trie node's record (see [`route_node`]). Reading a field is one load,
/// as from a struct.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node<'t>(&'t [u8; route_node::SIZE]);

impl Node<'_> {
    #[inline(always)]
    fn first(self) -> u32 {
        u32_at(self.0, route_node::FIRST)
    }
    #[inline(always)]
    fn last(self) -> u32 {
        u32_at(self.0, route_node::LAST)
    }
    #[inline(always)]
    fn param(self) -> u32 {
        u32_at(self.0, route_node::PARAM)
    }
    #[inline(always)]
    fn route(self) -> u32 {
        u32_at(self.0, route_node::ROUTE)
    }
    #[inline(always)]
    fn slots(self) -> u32 {
        u32_at(self.0, route_node::SLOTS)
    }
    #[inline(always)]
    fn catch_all(self) -> u32 {
        u32_at(self.0, route_node::CATCHALL)
    }
}

/// Generated node records, aligned to a cache line (a byte-string literal
/// alone is aligned to one byte): every field is an aligned load, and the
/// records take the fewest lines.
#[repr(C, align(64))]
#[doc(hidden)]
pub struct Aligned<T: ?Sized>(pub T);

/// A catalogue's route tables, as slices (tests walk tables built from
/// other catalogues through the same code).
#[derive(Debug)]
#[doc(hidden)]
pub struct RouteTables<'t> {
    /// Each method's root node, indexed by [`method_slot`] (`u32::MAX`:
    /// the method routes nothing).
    roots: &'t [u32],
    /// Node records.
    nodes: &'t [[u8; route_node::SIZE]],
    /// Each node's literal edges are `edges[first..last]`.
    edges: &'t [Edge<'t>],
    /// Wide nodes' edge tables: each slot an index among the node's edges
    /// (`u32::MAX`: empty), by [`slot_hash`] of the first segment, linear
    /// probing; little-endian.
    slots: &'t [[u8; 4]],
    /// Every endpoint's parameter names in template order, each followed by
    /// `/` (which no name holds).
    param_names: &'t str,
    /// Where each endpoint's names end in `param_names`, a little-endian
    /// `u32` per endpoint (they start where the previous endpoint's end).
    param_ends: &'t [u8],
    /// The base paths a request may carry before the templates (empty:
    /// none declared, the templates alone).
    base_paths: &'t [&'t str],
}

impl<'t> RouteTables<'t> {
    /// Tables over the generated roots, node records, edges, slots,
    /// parameter names and base paths (a trailing partial record is
    /// ignored).
    pub const fn new(
        roots: &'t [u32],
        nodes: &'t [u8],
        edges: &'t [Edge<'t>],
        slots: &'t [u8],
        param_names: &'t str,
        param_ends: &'t [u8],
        base_paths: &'t [&'t str],
    ) -> RouteTables<'t> {
        RouteTables {
            roots,
            nodes: nodes.as_chunks().0,
            edges,
            slots: slots.as_chunks().0,
            param_names,
            param_ends,
            base_paths,
        }
    }

    /// The base paths a request may carry before the templates, as the
    /// catalogue lists them (empty: none declared).
    pub fn base_paths(&self) -> &'t [&'t str] {
        self.base_paths
    }

    /// Base path `i`'s parameter names, in order.
    #[inline]
    fn base_names(&self, i: u32) -> impl Iterator<Item = &'t str> + use<'t> {
        self.base_paths
            .get(i as usize)
            .copied()
            .unwrap_or("")
            .split('/')
            .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
    }

    /// Endpoint `i`'s parameter names, in template order.
    #[inline]
    fn names(&self, i: usize) -> impl Iterator<Item = &'t str> + use<'t> {
        let (ends, _) = self.param_ends.as_chunks::<4>();
        let end_of = |i: usize| ends.get(i).map_or(0, |w| u32::from_le_bytes(*w) as usize);
        let start = i.checked_sub(1).map_or(0, end_of);
        self.param_names
            .get(start..end_of(i))
            .unwrap_or("")
            .split_terminator('/')
    }
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
pub struct RouteMatch<'a, E> {
    endpoint: E,
    /// The base path the request carried (its index).
    base: u32,
    values: [&'a str; MAX_PARAMS],
}

impl<'a, E: CatalogueEndpoint> RouteMatch<'a, E> {
    /// Routes a request to its endpoint and captures its parameters. `path`
    /// is a bare path (`/v1/manage/trackers`) or a full URL
    /// (`https://host/v1/...`). `None` when no endpoint of that method
    /// matches, or `path` is neither.
    #[inline]
    pub fn find(method: &Method, path: &'a str) -> Option<RouteMatch<'a, E>> {
        let mut values = [""; MAX_PARAMS];
        let (i, base) = E::route_tables().find(method, path, &mut values)?;
        let endpoint = E::all().get(i as usize).copied()?;
        Some(RouteMatch {
            endpoint,
            base,
            values,
        })
    }

    /// The endpoint the request routes to.
    #[inline]
    pub fn endpoint(&self) -> E {
        self.endpoint
    }

    /// The base path the request carried, as the catalogue lists it (`""`
    /// when it declares none, or the request carried the empty one).
    pub fn base_path(&self) -> &'static str {
        E::route_tables()
            .base_paths
            .get(self.base as usize)
            .copied()
            .unwrap_or("")
    }

    /// The raw (still percent-encoded) value of parameter `name`; a
    /// multi-segment parameter's segments joined by `/`.
    pub fn param(&self, name: &str) -> Option<&'a str> {
        self.params().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Parameter `name` percent-decoded, invalid UTF-8 replaced by U+FFFD;
    /// borrowed unless decoding changed it.
    pub fn param_decoded(&self, name: &str) -> Option<Cow<'a, str>> {
        self.param(name)
            .map(|raw| percent_decode(raw.as_bytes()).decode_utf8_lossy())
    }

    /// Every parameter as `(name, raw value)`: the base path's, then the
    /// template's, in order.
    pub fn params(&self) -> impl Iterator<Item = (&'static str, &'a str)> + use<'a, E> {
        let routes = E::route_tables();
        routes
            .base_names(self.base)
            .chain(routes.names(self.endpoint.index()))
            .zip(self.values)
    }
}

/// The `http` method of a table's method.
#[inline]
pub(crate) fn http_method(method: error_catalogue_layout::Method) -> Method {
    use error_catalogue_layout::Method as M;
    match method {
        M::Get => Method::GET,
        M::Head => Method::HEAD,
        M::Post => Method::POST,
        M::Put => Method::PUT,
        M::Delete => Method::DELETE,
        M::Connect => Method::CONNECT,
        M::Options => Method::OPTIONS,
        M::Trace => Method::TRACE,
        M::Patch => Method::PATCH,
    }
}

impl<'t> RouteTables<'t> {
    /// The index of the endpoint `method path` routes to and of the base
    /// path it carries, capturing parameters into `values` in order.
    /// Always inlined: with a generated catalogue's tables a constant, the
    /// walk then reads them as constants.
    #[inline(always)]
    pub(crate) fn find<'a>(
        &self,
        method: &Method,
        path: &'a str,
        values: &mut [&'a str],
    ) -> Option<(u32, u32)> {
        let root = *self.roots.get(method_slot(method)?)?;
        // A method no template has: no need to read the path.
        if root == NONE {
            return None;
        }
        let rest = start(path)?;
        let route = self.walk(root, rest, values, 0)?;
        let bases = u32::try_from(self.base_paths.len()).unwrap_or(u32::MAX);
        Some(error_catalogue_layout::route::split(route, bases))
    }

    /// Depth-first, literal edge before parameter before multi-segment
    /// parameter: the first template to match is the one of highest
    /// priority. Outside a multi-segment parameter's subtree (which holds
    /// no other) each node is visited at most once. It recurses only where
    /// a node has a literal edge or parameter and something to fall back
    /// on; elsewhere it loops. Bytes are compared as they are; decoded only
    /// when that fails where the request holds a `%`.
    #[inline(always)]
    fn walk<'a>(
        &self,
        mut node: u32,
        mut rest: Option<&'a str>,
        values: &mut [&'a str],
        mut captured: usize,
    ) -> Option<u32> {
        loop {
            let here = Node(self.nodes.get(node as usize)?);
            let Some(path) = rest else {
                let route = here.route();
                return (route != NONE).then_some(route);
            };
            let edges = self
                .edges
                .get(here.first() as usize..here.last() as usize)?;
            let literal = match edges {
                [] => None,
                // A few: each compared whole, decoded where the raw bytes
                // differ at a `%`. The edges' segments differ (a node's
                // folded edges share a first segment, not the rest), so at
                // most one can match and the order does not matter. An edge
                // is compared only when the request's first eight bytes
                // equal its head, or first differ from it at a `%`, or raw
                // bytes cannot stand for it: elsewhere neither the request
                // nor its decoding crosses it (see `cross_raw`).
                _ if edges.len() <= LINEAR => {
                    let request = path.as_bytes();
                    let word = head(request);
                    let mut found = None;
                    for edge in edges {
                        let differ = (word ^ edge.head) & edge.mask;
                        if differ != 0 && edge.raw {
                            let d = (differ.trailing_zeros() / 8) as usize;
                            if request.get(d) != Some(&b'%') {
                                continue;
                            }
                        }
                        if let Some(after) = cross(edge, path) {
                            found = Some((edge, after));
                            break;
                        }
                    }
                    found
                }
                _ => self.wide(here, edges, path),
            };
            let (param, catch_all) = (here.param(), here.catch_all());
            if let Some((edge, after)) = literal {
                if param == NONE && catch_all == NONE {
                    (node, rest) = (edge.child, after);
                    continue;
                }
                if let Some(hit) = self.branch(edge.child, after, values, captured) {
                    return Some(hit);
                }
            }
            if param == NONE && catch_all == NONE {
                return None;
            }
            let (segment, after) = split(path);
            if segment.is_empty() {
                return None;
            }
            if param != NONE {
                // A buffer shorter than the template's parameters keeps what
                // fits (`Endpoint::route` passes none): the build bounds them.
                if let Some(value) = values.get_mut(captured) {
                    *value = segment;
                }
                if catch_all == NONE {
                    (node, rest, captured) = (param, after, captured + 1);
                    continue;
                }
                if let Some(hit) = self.branch(param, after, values, captured + 1) {
                    return Some(hit);
                }
            }
            return self.multi(catch_all, path, values, captured);
        }
    }

    /// A multi-segment parameter at the start of `path`, then node `child`:
    /// it takes one segment, then two, … until the rest matches from
    /// `child` (whose subtree holds no other), so the fewest that do.
    #[inline(never)]
    fn multi<'a>(
        &self,
        child: u32,
        path: &'a str,
        values: &mut [&'a str],
        captured: usize,
    ) -> Option<u32> {
        let mut end = 0;
        loop {
            let n = segment_end(path.as_bytes().get(end..)?);
            if n == 0 {
                return None;
            }
            end += n;
            let after = step(path, end)?;
            if let Some(value) = values.get_mut(captured) {
                *value = path.get(..end)?;
            }
            if let Some(hit) = self.walk(child, after, values, captured + 1) {
                return Some(hit);
            }
            // `after` starts past the `/` that ends this segment.
            after?;
            end += 1;
        }
    }

    /// The edge of a node of more than [`LINEAR`] edges that the request
    /// crosses, and what follows it: by the node's table, out of line so
    /// that narrow nodes' walk stays small.
    #[inline(never)]
    fn wide<'e, 'a>(
        &self,
        here: Node<'_>,
        edges: &'e [Edge<'t>],
        path: &'a str,
    ) -> Option<(&'e Edge<'t>, Option<&'a str>)> {
        let at = here.slots() as usize;
        let table = self
            .slots
            .get(at..at.saturating_add(slot_count(edges.len())))?;
        let (segment, after) = split(path);
        let (edge, exact) = find_edge(edges, table, segment)?;
        // The segment's raw bytes are the edge's one segment: it is crossed.
        if exact && edge.segs == 1 {
            return Some((edge, after));
        }
        Some((edge, cross(edge, path)?))
    }

    /// [`RouteTables::walk`] from a node with both a literal edge and a parameter:
    /// the one place the walk recurses, kept out of line.
    #[inline(never)]
    fn branch<'a>(
        &self,
        node: u32,
        rest: Option<&'a str>,
        values: &mut [&'a str],
        captured: usize,
    ) -> Option<u32> {
        self.walk(node, rest, values, captured)
    }
}

/// A standard method's index in the root table, its place in
/// [`error_catalogue_layout::Method::ALL`]: a jump on the method's
/// discriminant, no scan. Extension methods route nothing.
#[inline(always)]
fn method_slot(method: &Method) -> Option<usize> {
    use error_catalogue_layout::Method as M;
    Some(
        match *method {
            Method::GET => M::Get,
            Method::HEAD => M::Head,
            Method::POST => M::Post,
            Method::PUT => M::Put,
            Method::DELETE => M::Delete,
            Method::CONNECT => M::Connect,
            Method::OPTIONS => M::Options,
            Method::TRACE => M::Trace,
            Method::PATCH => M::Patch,
            _ => return None,
        }
        .index(),
    )
}

/// Where the path's segments start (`None`: the root). `None` when `input`
/// is neither a path nor a URL.
#[inline(always)]
fn start(input: &str) -> Option<Option<&str>> {
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
        return Some(None);
    };
    // `//` is the root with its one trailing slash.
    if full.starts_with('/') && at_end(full.get(1..).unwrap_or("")) {
        return Some(None);
    }
    Some(after_slash(full))
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
    let n = segment_end(rest.as_bytes());
    let Some((segment, tail)) = rest.split_at_checked(n) else {
        return (rest, None);
    };
    // `tail` is empty or starts with the delimiter: only a `/` goes on.
    (segment, tail.strip_prefix('/').and_then(after_slash))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that equals `byte` (bits above the
/// lowest may be spurious: only the lowest is exact).
#[inline(always)]
fn has(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGH
}

/// Four bytes from `at`, little-endian, zero-extended (0 past the end).
#[inline(always)]
fn word4(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..)
        .and_then(<[u8]>::first_chunk::<4>)
        .map_or(0, |w| u64::from(u32::from_le_bytes(*w)))
}

/// Two bytes from `at`, little-endian, zero-extended (0 past the end).
#[inline(always)]
fn word2(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..)
        .and_then(<[u8]>::first_chunk::<2>)
        .map_or(0, |w| u64::from(u16::from_le_bytes(*w)))
}

/// Eight bytes from `at`, little-endian (`None` past the end).
#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes
        .get(at..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map(|w| u64::from_le_bytes(*w))
}

/// The first eight of `bytes`, little-endian, zero-padded (as
/// [`Edge::head_of`]): the first and last four (or two) bytes of a shorter
/// one, each at its place, overlapping.
#[inline(always)]
fn head(bytes: &[u8]) -> u64 {
    if let Some(w) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*w);
    }
    let n = bytes.len();
    if n >= 4 {
        word4(bytes, 0) | (word4(bytes, n - 4) << (8 * (n - 4)))
    } else if n >= 2 {
        word2(bytes, 0) | (word2(bytes, n - 2) << (8 * (n - 2)))
    } else {
        bytes.first().copied().map_or(0, u64::from)
    }
}

/// The index of the first `/`, `?` or `#` in `bytes`, else its length:
/// eight bytes at a time, the last word overlapping the one before.
#[inline(always)]
fn segment_end(bytes: &[u8]) -> usize {
    // `/` (0x2F) and `?` (0x3F) are the only bytes that read 0x3F with bit
    // 0x10 set: one test finds both.
    let delimiters = |w: u64| has(w | (ONES * 0x10), b'?') | has(w, b'#');
    let n = bytes.len();
    if n < 8 {
        let (word, half) = short_word(bytes, n);
        return short_index(delimiters(word), n, half);
    }
    let mut at = 0;
    loop {
        // Bytes before `at` hold no delimiter, so the first one found in
        // an overlapping last word is the first of all.
        let start = at.min(n - 8);
        let found = word_at(bytes, start).map_or(0, delimiters);
        if found != 0 {
            return start + (found.trailing_zeros() / 8) as usize;
        }
        if start + 8 >= n {
            return n;
        }
        at = start + 8;
    }
}

/// Whether `bytes` holds a `%`, eight bytes at a time (the remainder byte by
/// byte: `contains` calls `memchr`, which costs more than the short search).
#[inline(always)]
#[allow(clippy::manual_contains)]
fn holds_percent(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    let found = words
        .by_ref()
        .any(|w| <[u8; 8]>::try_from(w).is_ok_and(|w| has(u64::from_le_bytes(w), b'%') != 0));
    found || words.remainder().iter().any(|&b| b == b'%')
}

/// Among a wide node's edges, the one whose first segment's bytes are
/// `segment`: by its table (`table.len()` a power of two), probing from the
/// segment's slot until an empty one; each probe compares length and key,
/// and the bytes after the eighth only when those agree.
#[inline]
fn search<'e, 't>(
    edges: &'e [Edge<'t>],
    table: &[[u8; 4]],
    segment: &[u8],
) -> Option<&'e Edge<'t>> {
    let (len, key) = (segment.len(), key(segment));
    let mask = table.len().wrapping_sub(1);
    let mut at = slot_hash(key, len) as usize;
    // At most one pass over the table, whatever it holds.
    for _ in 0..table.len() {
        let slot = u32::from_le_bytes(*table.get(at & mask)?);
        let edge = edges.get(slot as usize)?;
        if edge.first as usize == len
            && edge.key == key
            && (len <= 8 || edge.bytes.get(8..len) == segment.get(8..))
        {
            return Some(edge);
        }
        at = (at & mask) + 1;
    }
    None
}

/// Among more than [`LINEAR`] edges, the one whose first segment equals
/// `segment`: by its bytes as they are, or, when that finds none (or an edge
/// bytes cannot stand for) and the segment holds a `%`, by it decoded. With
/// whether the raw bytes equal the edge's first segment.
#[inline]
fn find_edge<'e, 't>(
    edges: &'e [Edge<'t>],
    table: &[[u8; 4]],
    segment: &str,
) -> Option<(&'e Edge<'t>, bool)> {
    let raw = segment.as_bytes();
    match search(edges, table, raw) {
        Some(edge) if edge.raw => Some((edge, true)),
        Some(_) => find_decoded(edges, table, raw).map(|e| (e, false)),
        // A segment without `%` decodes to itself.
        None if holds_percent(raw) => find_decoded(edges, table, raw).map(|e| (e, false)),
        None => None,
    }
}

/// The longest decoded segment [`find_decoded`] searches for in a buffer on
/// the stack; longer ones are compared with each edge in turn.
const DECODED: usize = 128;

/// [`find_edge`] by the segment decoded: the slow path, for paths with `%`.
#[cold]
#[inline(never)]
fn find_decoded<'e, 't>(
    edges: &'e [Edge<'t>],
    table: &[[u8; 4]],
    raw: &[u8],
) -> Option<&'e Edge<'t>> {
    let mut buf = [0u8; DECODED];
    match decode_into(raw, &mut buf) {
        Some(decoded) => search(edges, table, decoded),
        None => edges.iter().find(|e| {
            let first = e.bytes.get(..e.first as usize).unwrap_or(e.bytes);
            eq_decoded(first, raw)
        }),
    }
}

/// `raw` percent-decoded into `buf`: `None` when it does not fit.
fn decode_into<'b>(raw: &[u8], buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let mut n = 0;
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        let (byte, width) = decoded_at(raw, i, b);
        *buf.get_mut(n)? = byte;
        n += 1;
        i += width;
    }
    buf.get(..n)
}

/// The byte that `raw[i] == b` and what follows decode to, and how many
/// bytes of `raw` it takes: `%` and two hex digits, else the byte itself.
#[inline(always)]
fn decoded_at(raw: &[u8], i: usize, b: u8) -> (u8, usize) {
    if b == b'%' {
        let hex = |at: usize| raw.get(at).and_then(|&h| char::from(h).to_digit(16));
        if let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) {
            // Two hex digits: at most 0xFF.
            return (u8::try_from(hi * 16 + lo).unwrap_or(b'%'), 3);
        }
    }
    (b, 1)
}

/// Whether `digits` are the two hex digits of `byte`, in either case.
#[inline(always)]
fn escapes(digits: &[u8], byte: u8) -> bool {
    const UPPER: &[u8; 16] = b"0123456789ABCDEF";
    const LOWER: &[u8; 16] = b"0123456789abcdef";
    let digit = |at: usize, v: u8| {
        let d = digits.get(at).copied();
        let v = usize::from(v & 15);
        d == UPPER.get(v).copied() || d == LOWER.get(v).copied()
    };
    digit(0, byte >> 4) && digit(1, byte)
}

/// Whether `segment` percent-decodes to `literal` (as `percent_decode`
/// would: a `%` not followed by two hex digits stands for itself).
fn eq_decoded(literal: &[u8], segment: &[u8]) -> bool {
    let mut literal = literal.iter();
    let mut i = 0;
    while let Some(&b) = segment.get(i) {
        let (byte, width) = decoded_at(segment, i, b);
        if literal.next() != Some(&byte) {
            return false;
        }
        i += width;
    }
    literal.next().is_none()
}

/// Crosses `edge` from the start of `rest`: what follows in the request, or
/// `None` when the request does not continue with the edge's segments.
#[inline(always)]
fn cross<'a>(edge: &Edge<'_>, rest: &'a str) -> Option<Option<&'a str>> {
    match cross_raw(edge, rest) {
        Ok(after) => Some(after),
        Err(None) => None,
        Err(Some(from)) => cross_decoded(edge, rest, from),
    }
}

/// [`cross`] by the request's bytes as they are. `Err(Some(from))` when
/// they do not cross it but decoding might, from byte `from` on (bytes
/// before it are the literal's): an edge raw bytes cannot stand for (from
/// 0), or a `%` where the request first differs from the literal. Before
/// that the request's bytes are the literal's, which hold no `%`, so they
/// decode to themselves; without a `%` there, the decoded request differs
/// where the raw one does, or (a prefix of the literal) is no longer.
#[inline(always)]
fn cross_raw<'a>(edge: &Edge<'_>, rest: &'a str) -> Result<Option<&'a str>, Option<usize>> {
    if !edge.raw {
        return Err(Some(0));
    }
    let n = edge.bytes.len();
    let request = rest.as_bytes();
    let d = difference(request, edge.bytes);
    if d == n {
        // The whole literal: the request must end a segment there.
        step(rest, n).ok_or(None)
    } else {
        Err((request.get(d) == Some(&b'%')).then_some(d))
    }
}

/// [`cross`] with the request decoded as it is read, from byte `from` of
/// both (before it they are equal and hold no `%`): the slow path, for
/// paths with `%` and literals raw bytes cannot stand for. In a merged edge
/// a `/` is a segment boundary, which only a raw `/` matches; in a
/// one-segment edge it is a decoded byte, which only `%2F` matches.
#[cold]
#[inline(never)]
fn cross_decoded<'a>(edge: &Edge<'_>, rest: &'a str, from: usize) -> Option<Option<&'a str>> {
    let request = rest.as_bytes();
    let merged = edge.segs > 1;
    let mut i = from;
    for &literal in edge.bytes.get(from..)? {
        let r = *request.get(i)?;
        let crossed = if r == b'%' {
            let escape = request.get(i + 1..i + 3);
            // Most often the escape is the literal byte's own: checked by
            // its two digits, not by decoding.
            let (byte, width) = if escape.is_some_and(|e| escapes(e, literal)) {
                (literal, 3)
            } else {
                decoded_at(request, i, r)
            };
            i += width;
            byte == literal && !(merged && literal == b'/')
        } else {
            i += 1;
            r == literal
                && match r {
                    // A raw `/` is a merged edge's boundary; `?` and `#`
                    // end the path.
                    b'/' => merged,
                    b'?' | b'#' => false,
                    _ => true,
                }
        };
        if !crossed {
            return None;
        }
    }
    step(rest, i)
}

/// The index of the first byte where `a` and `b` differ, else the shorter
/// one's length: a word at a time, the last word overlapping the one before.
#[inline(always)]
fn difference(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    if n < 8 {
        let ((x, half), (y, _)) = (short_word(a, n), short_word(b, n));
        return short_index(x ^ y, n, half);
    }
    let mut at = 0;
    loop {
        // Bytes before `at` are equal: the first difference in an
        // overlapping last word is the first of all.
        let start = at.min(n - 8);
        let x = word_at(a, start).unwrap_or(0) ^ word_at(b, start).unwrap_or(0);
        if x != 0 {
            return start + (x.trailing_zeros() / 8) as usize;
        }
        if start + 8 >= n {
            return n;
        }
        at = start + 8;
    }
}

/// The first `n < 8` bytes of `bytes` (at least `n` long) as one word: the
/// first and the last `half` of them (four or two, overlapping), each
/// zero-extended, so one word-at-a-time test covers them; and `half`.
#[inline(always)]
fn short_word(bytes: &[u8], n: usize) -> (u64, usize) {
    if n >= 4 {
        (word4(bytes, 0) | (word4(bytes, n - 4) << 32), 4)
    } else if n >= 2 {
        (word2(bytes, 0) | (word2(bytes, n - 2) << 16), 2)
    } else if n == 1 {
        (bytes.first().copied().map_or(0, u64::from), 1)
    } else {
        (0, 1)
    }
}

/// The index among `n` bytes of the first byte that `found` (a test over
/// [`short_word`]'s word) marks, else `n`. A mark in the first half is
/// exact; without one there, none spills into the second.
#[inline(always)]
fn short_index(found: u64, n: usize, half: usize) -> usize {
    if found == 0 {
        return n;
    }
    let i = (found.trailing_zeros() / 8) as usize;
    if i < half { i } else { i - half + (n - half) }
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

#[cfg(test)]
mod tests;
