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

/// The generated route tables, as slices (tests walk tables built from other
/// catalogues through the same code).
#[derive(Debug)]
pub(crate) struct Tables<'t> {
    /// Each routed method's root node.
    pub(crate) roots: &'t [(Method, u32)],
    pub(crate) nodes: &'t [Node],
    /// Literal edges' decoded bytes, sorted within each node's run.
    pub(crate) literals: &'t [&'t [u8]],
    /// The node each literal edge leads to.
    pub(crate) children: &'t [u32],
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

fn walk_method<'a>(method: &Method, path: &'a str, values: &mut [&'a str]) -> Option<Endpoint> {
    let endpoint = ROUTES.find(method, path, values)?;
    Endpoint::ALL.get(endpoint as usize).copied()
}

impl Tables<'_> {
    /// The index of the endpoint `method path` routes to, capturing
    /// parameters into `values` in template order.
    pub(crate) fn find<'a>(
        &self,
        method: &Method,
        path: &'a str,
        values: &mut [&'a str],
    ) -> Option<u32> {
        let root = self.roots.iter().find(|(m, _)| m == method)?.1;
        self.walk(root, segments(path)?, values, 0)
    }

    /// Depth-first, literal edge before parameter: each node is visited at
    /// most once, and the first template to match is the one of highest
    /// priority.
    fn walk<'a>(
        &self,
        node: u32,
        rest: Option<&'a str>,
        values: &mut [&'a str],
        captured: usize,
    ) -> Option<u32> {
        let node = self.nodes.get(node as usize)?;
        let Some(rest) = rest else {
            return (node.endpoint != NONE).then_some(node.endpoint);
        };
        let (segment, tail) = match rest.split_once('/') {
            Some((segment, tail)) => (segment, Some(tail)),
            None => (rest, None),
        };
        let edges = self.literals.get(node.first as usize..node.last as usize)?;
        let found = if segment.as_bytes().contains(&b'%') {
            let decoded = || percent_decode(segment.as_bytes());
            edges.binary_search_by(|literal| literal.iter().copied().cmp(decoded()))
        } else {
            edges.binary_search_by(|literal| (*literal).cmp(segment.as_bytes()))
        };
        if let Ok(k) = found
            && let Some(&child) = self.children.get(node.first as usize + k)
            && let Some(hit) = self.walk(child, tail, values, captured)
        {
            return Some(hit);
        }
        if node.param != NONE && !segment.is_empty() {
            *values.get_mut(captured)? = segment;
            return self.walk(node.param, tail, values, captured + 1);
        }
        None
    }
}

/// The segments of a request's path, without the leading `/`: `None` when
/// `input` is neither a path nor a URL, `Some(None)` for the root.
fn segments(input: &str) -> Option<Option<&str>> {
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
    let path = path.find(['?', '#']).map_or(path, |i| &path[..i]);
    let path = if path.len() > 1 {
        path.strip_suffix('/').unwrap_or(path)
    } else {
        path
    };
    Some(path.strip_prefix('/').filter(|rest| !rest.is_empty()))
}

#[cfg(test)]
mod tests;
