//! Routing a concrete request (`GET /v1/manage/tracker/5f3c…`) to its
//! endpoint, over the route tries generated at build time (one per
//! method, `error_catalogue_records::Node`).
//!
//! What matches: the path of a bare path or of a full URL with any scheme
//! and host; the query and fragment are ignored, and so is one trailing
//! slash. The path may start with one of the catalogue's base paths
//! (`[api] base_paths`), then the template. A literal segment matches a
//! request segment whose percent-decoded bytes equal it; a parameter
//! (`{id}`) matches exactly one non-empty segment, a mixed segment
//! (`{id}.{format}`) one whose decoded bytes hold its texts, each parameter
//! a non-empty run (cut from the right: `a.b.json` gives `a.b` and
//! `json`), and a multi-segment parameter (`{*name}`) one or more segments,
//! each captured raw (`library/ubuntu`). At the first segment where two
//! matching templates differ, the literal wins, then the mixed segment with
//! more literal text, then the parameter, then the multi-segment parameter,
//! which takes as few segments as lets the rest match. HEAD also routes to GET
//! endpoints. Matching never allocates, never panics, and uses no regex.

use error_catalogue_records::{Literal, MethodRoutes, Node, Part};
use http::Method;

/// The `http` method of a record's method.
#[inline]
pub(crate) fn http_method(method: error_catalogue_records::Method) -> Method {
    use error_catalogue_records::Method as M;
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

/// Where a request routed: the endpoint and the base path its template is
/// under.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<E> {
    pub(crate) endpoint: E,
    pub(crate) base_path: &'static str,
}

/// Routes `method path` over each method's trie, capturing parameters
/// into `values` in order (a buffer shorter than the template's parameters
/// keeps what fits: `CatalogueEndpoint::route` passes none).
pub(crate) fn find<'a, E: Copy>(
    routes: &[MethodRoutes<'static, E>],
    method: &Method,
    path: &'a str,
    values: &mut [&'a str],
) -> Option<Found<E>> {
    let routes = routes.iter().find(|r| http_method(r.method) == method)?;
    walk(&routes.root, start(path)?, values, 0)
}

/// Depth first, literal before mixed segments before parameter before
/// multi-segment parameter:
/// the first template to match is the one of highest priority. It recurses
/// only where a node has something to fall back on; elsewhere it loops.
fn walk<'a, E: Copy>(
    mut node: &Node<'static, E>,
    mut rest: Option<&'a str>,
    values: &mut [&'a str],
    mut captured: usize,
) -> Option<Found<E>> {
    loop {
        let Some(path) = rest else {
            return node.route.map(|r| Found {
                endpoint: r.endpoint,
                base_path: r.base_path,
            });
        };
        let (segment, after) = split(path);
        let fallback = !node.mixed.is_empty() || node.param.is_some() || node.catch_all.is_some();
        if let Some(literal) = literal(node.literals, segment) {
            if !fallback {
                (node, rest) = (&literal.node, after);
                continue;
            }
            if let Some(hit) = walk(&literal.node, after, values, captured) {
                return Some(hit);
            }
        }
        // A parameter takes a non-empty segment.
        if segment.text.is_empty() {
            return None;
        }
        // The last mixed edge with no parameter after it: nothing to fall
        // back on, so the walk goes on in this loop.
        let last = node.param.is_none() && node.catch_all.is_none();
        let mut next = None;
        for (i, mixed) in node.mixed.iter().enumerate() {
            let Some(n) = cut(mixed.parts, segment, values, captured) else {
                continue;
            };
            if last && i + 1 == node.mixed.len() {
                next = Some((&mixed.node, captured + n));
            } else if let Some(hit) = walk(&mixed.node, after, values, captured + n) {
                return Some(hit);
            }
        }
        if let Some((mixed, taken)) = next {
            (node, rest, captured) = (mixed, after, taken);
            continue;
        }
        if let Some(param) = node.param {
            if let Some(value) = values.get_mut(captured) {
                *value = segment.text;
            }
            if node.catch_all.is_none() {
                (node, rest, captured) = (param, after, captured + 1);
                continue;
            }
            if let Some(hit) = walk(param, after, values, captured + 1) {
                return Some(hit);
            }
        }
        return multi(node.catch_all?, path, values, captured);
    }
}

/// A multi-segment parameter at the start of `path`, then `child`: it takes
/// one segment, then two, … until the rest matches from `child`, so the
/// fewest that do.
fn multi<'a, E: Copy>(
    child: &Node<'static, E>,
    path: &'a str,
    values: &mut [&'a str],
    captured: usize,
) -> Option<Found<E>> {
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
        if let Some(hit) = walk(child, after, values, captured + 1) {
            return Some(hit);
        }
        // `after` starts past the `/` that ends this segment.
        after?;
        end += 1;
    }
}

/// Cuts `text` (a request segment, raw) into the parameters of a mixed
/// segment's `parts`, writing them to `values` from `captured`: how many, or
/// `None` when it does not match. The texts are compared with the decoded
/// bytes, from the right: the last text ends the segment, each text before
/// is found at its last occurrence that leaves the parameter after it
/// non-empty, and the first starts it (`routes::mixed` in the build crate
/// says why). Parameters are raw runs between whole escapes.
fn cut<'a>(
    parts: &[Part<'_>],
    segment: Segment<'a>,
    values: &mut [&'a str],
    captured: usize,
) -> Option<usize> {
    let (text, encoded) = (segment.text, segment.encoded);
    let raw = text.as_bytes();
    let (mut parts, mut lo, mut hi) = (parts, 0, raw.len());
    if let Some((Part::Text(first), rest)) = parts.split_first() {
        lo = prefix(first.as_bytes(), raw, 0, encoded)?;
        parts = rest;
    }
    if let Some((Part::Text(last), rest)) = parts.split_last() {
        hi = suffix(last.as_bytes(), raw, lo, encoded)?;
        parts = rest;
    }
    let params = parts.iter().filter(|p| matches!(p, Part::Param(_))).count();
    let mut k = params;
    for part in parts.iter().rev() {
        if let Part::Text(between) = part {
            let (at, end) = last_between(between.as_bytes(), raw, lo, hi, encoded)?;
            k -= 1;
            capture(values, captured + k, text.get(end..hi)?);
            hi = at;
        }
    }
    if hi <= lo {
        return None;
    }
    capture(values, captured, text.get(lo..hi)?);
    Some(params)
}

/// Writes a captured value, when `values` has room for it.
fn capture<'a>(values: &mut [&'a str], at: usize, value: &'a str) {
    if let Some(slot) = values.get_mut(at) {
        *slot = value;
    }
}

/// Where `raw`, read from byte `from` and decoded, has finished `text`:
/// `None` when it does not start with it. Without a `%` (`encoded` false),
/// `raw` decodes to itself.
fn prefix(text: &[u8], raw: &[u8], from: usize, encoded: bool) -> Option<usize> {
    if !encoded {
        return raw
            .get(from..)?
            .starts_with(text)
            .then_some(from + text.len());
    }
    let mut i = from;
    for &t in text {
        let (byte, width) = decoded_at(raw, i, *raw.get(i)?);
        if byte != t {
            return None;
        }
        i += width;
    }
    Some(i)
}

/// The start, at or after `lo`, of the escape-whole tail of `raw` that
/// decodes to `text`.
fn suffix(text: &[u8], raw: &[u8], lo: usize, encoded: bool) -> Option<usize> {
    if !encoded {
        let at = raw.len().checked_sub(text.len())?;
        return (at >= lo && raw.ends_with(text)).then_some(at);
    }
    let mut i = lo;
    loop {
        if prefix(text, raw, i, true) == Some(raw.len()) {
            return Some(i);
        }
        i += decoded_at(raw, i, *raw.get(i)?).1;
    }
}

/// The last occurrence of `text` in `raw[lo..hi]` (decoded, at escape
/// boundaries) that starts after `lo` and ends before `hi`: its start and
/// end.
fn last_between(
    text: &[u8],
    raw: &[u8],
    lo: usize,
    hi: usize,
    encoded: bool,
) -> Option<(usize, usize)> {
    if !encoded {
        // Each byte is a boundary: search back from the last start.
        let last = hi.checked_sub(text.len() + 1)?;
        return (lo + 1..=last)
            .rev()
            .find(|&at| raw.get(at..).is_some_and(|r| r.starts_with(text)))
            .map(|at| (at, at + text.len()));
    }
    let mut found = None;
    let mut i = lo;
    while i < hi {
        if i > lo
            && let Some(end) = prefix(text, raw, i, true).filter(|&end| end < hi)
        {
            found = Some((i, end));
        }
        i += decoded_at(raw, i, *raw.get(i)?).1;
    }
    found
}

/// The longest segment [`literal`] decodes on the stack before searching;
/// a longer one is compared with each literal in turn.
const DECODED: usize = 128;

/// The literal `segment` matches: the one equal to its percent-decoded
/// bytes, among those of its length (the literals are sorted by length,
/// then bytes: a binary search finds the first of that length).
fn literal<'n, E>(
    literals: &'n [Literal<'static, E>],
    segment: Segment<'_>,
) -> Option<&'n Literal<'static, E>> {
    let search = |bytes: &[u8]| {
        let from = literals.partition_point(|l| l.segment.len() < bytes.len());
        literals
            .get(from..)?
            .iter()
            .take_while(|l| l.segment.len() == bytes.len())
            .find(|l| l.segment.as_bytes() == bytes)
    };
    // Without a `%`, a segment decodes to itself.
    if segment.encoded {
        search_decoded(literals, segment.text.as_bytes(), search)
    } else {
        search(segment.text.as_bytes())
    }
}

/// [`literal`] for a segment that holds a `%`: by its decoded bytes.
#[cold]
fn search_decoded<'n, E>(
    literals: &'n [Literal<'static, E>],
    raw: &[u8],
    search: impl Fn(&[u8]) -> Option<&'n Literal<'static, E>>,
) -> Option<&'n Literal<'static, E>> {
    let mut buffer = [0u8; DECODED];
    match decode_into(raw, &mut buffer) {
        Some(decoded) => search(decoded),
        None => literals
            .iter()
            .find(|l| eq_decoded(l.segment.as_bytes(), raw)),
    }
}

/// Where the path's segments start (`None`: the root). `None` when `input`
/// is neither a path nor a URL.
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
fn at_end(rest: &str) -> bool {
    matches!(rest.as_bytes().first(), None | Some(b'?' | b'#'))
}

/// The segments after a `/`: none when the path ends there (one trailing
/// slash is ignored).
fn after_slash(rest: &str) -> Option<&str> {
    (!at_end(rest)).then_some(rest)
}

/// What follows a segment that ends at byte `n` of `rest`: `Some(None)` at
/// the end of the path, `None` when byte `n` does not end a segment.
fn step(rest: &str, n: usize) -> Option<Option<&str>> {
    match rest.as_bytes().get(n) {
        None | Some(b'?' | b'#') => Some(None),
        // '/' is ASCII: the index after it is a char boundary.
        Some(b'/') => Some(after_slash(rest.get(n + 1..)?)),
        Some(_) => None,
    }
}

/// A request path's segment.
#[derive(Debug, Clone, Copy)]
struct Segment<'a> {
    /// Its bytes, as sent.
    text: &'a str,
    /// Whether it holds a `%`, so may decode to other bytes.
    encoded: bool,
}

/// The first segment of `rest` and what follows it.
fn split(rest: &str) -> (Segment<'_>, Option<&str>) {
    let bytes = rest.as_bytes();
    let mut encoded = false;
    // One pass finds the segment's end and whether it holds a `%`; most
    // bytes are neither, which one table load tells.
    let mut n = 0;
    while let Some(&b) = bytes.get(n) {
        if SPECIAL[usize::from(b)] {
            if b != b'%' {
                break;
            }
            encoded = true;
        }
        n += 1;
    }
    // The delimiters are ASCII: the index is a char boundary.
    let Some((text, tail)) = rest.split_at_checked(n) else {
        return (
            Segment {
                text: rest,
                encoded,
            },
            None,
        );
    };
    let segment = Segment { text, encoded };
    // `tail` is empty or starts with the delimiter: only a `/` goes on.
    (segment, tail.strip_prefix('/').and_then(after_slash))
}

/// Whether `b` ends a segment: `/`, or `?` or `#`, which end the path.
const fn delimits(b: u8) -> bool {
    matches!(b, b'/' | b'?' | b'#')
}

/// The bytes [`split`] stops at: the delimiters and `%`.
const SPECIAL: [bool; 256] = {
    let mut special = [false; 256];
    let mut b = 0;
    while b < special.len() {
        special[b] = delimits(b as u8) || b as u8 == b'%';
        b += 1;
    }
    special
};

/// The index of the first `/`, `?` or `#` in `bytes`, else its length.
fn segment_end(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| delimits(b))
        .unwrap_or(bytes.len())
}

/// `raw` percent-decoded into `buffer`: `None` when it does not fit.
fn decode_into<'b>(raw: &[u8], buffer: &'b mut [u8]) -> Option<&'b [u8]> {
    let mut n = 0;
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        let (byte, width) = decoded_at(raw, i, b);
        *buffer.get_mut(n)? = byte;
        n += 1;
        i += width;
    }
    buffer.get(..n)
}

/// The byte that `raw[i] == b` and what follows decode to, and how many
/// bytes of `raw` it takes: `%` and two hex digits, else the byte itself.
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

// The tests build tries from catalogues as `load` does.
#[cfg(all(test, feature = "load"))]
mod tests;
