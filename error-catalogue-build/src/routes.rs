//! Routing at build time: path templates parsed into segments, the
//! ambiguous-route check, and the route tables the runtime matcher walks.
//!
//! # Semantics (the runtime matcher in `error_catalogue::route` agrees)
//!
//! A template is `/`-separated segments, each a literal, a whole-segment
//! `{param}` or, at most once, a `{*param}` of one or more whole segments;
//! one trailing slash is ignored and `/` has no segments. A literal is
//! percent-decoded here, once, and compared at run time with the request
//! segment's decoded bytes; a parameter takes exactly one non-empty segment.
//! At the first segment where two matching templates differ, the literal
//! wins, then `{param}`, then `{*param}`, which takes the fewest segments
//! that let the rest match. Every template is routed under every base path
//! (`[api] base_paths`) as one longer template, so E0016 sees the
//! ambiguities a prefix makes and a match carries the base path's
//! parameters first. HEAD requests also route to GET endpoints, unless a
//! HEAD endpoint has the same template.
//!
//! # Table shape, and why
//!
//! One segment trie per method, flattened into static arrays: each node has
//! a run of literal edges, optional `{param}` and `{*param}` children, and
//! the route (endpoint and base path) that ends there, if any. Chains of nodes with one literal child and
//! nothing else are merged into one edge (`v1/manage/tracker`), so a request
//! crosses them with one byte comparison, as a radix tree would; and a node
//! of literal edges alone, under a node that then still has at most eight
//! edges, is folded into it (`v1/manage/trackers`, `v1/process/text`), as a
//! radix tree shares a prefix. A node's
//! edges are sorted by their first segment's length, then bytes, and each
//! carries those bytes' first eight as a number: picking the edge is integer
//! comparisons (in turn up to eight edges; beyond, one probe or a few of an
//! open-addressing table keyed by length and those eight bytes, generated
//! per node), never a scan over templates. Bytes are compared as they are (a path without
//! `%` decodes to itself) and decoded only when that fails on a path that
//! holds a `%`; edges whose literal holds `%`, `?`, `#` or an inner `/` are
//! always compared decoded. A depth-first walk, literal edge first, visits
//! each node at most once and recurses only where a node has both a literal
//! edge and a parameter. Nodes and edges are flat arrays of records
//! in byte strings, integers and byte strings, which rustc compiles quickly.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};
use toml::Spanned;

use crate::catalogue::{Catalogue, METHODS};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::EndpointDef;
use error_catalogue_layout::route::Edge;

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    /// Literal bytes, percent-decoded.
    Literal(Vec<u8>),
    /// A parameter (`{name}`): one whole segment.
    Param(String),
    /// A multi-segment parameter (`{*name}`): one or more whole segments.
    CatchAll(String),
}

/// One segment of a [`Key`]: what the template segment matches, its
/// parameter's name erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeySegment<B> {
    /// Literal bytes, percent-decoded.
    Literal(B),
    /// `{name}`.
    Param,
    /// `{*name}`.
    CatchAll,
}

/// A template with parameter names erased: two templates with equal keys
/// match the same requests at the same priority.
pub type Key = Vec<KeySegment<Vec<u8>>>;

/// A parsed path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Its segments; empty for `/`.
    pub segments: Vec<Segment>,
}

/// Checks a path template: absolute, each `{…}` a whole segment with a
/// non-empty name, no name twice, at most one `{*name}`.
pub fn check_path(path: &str) -> Result<(), &'static str> {
    if !path.starts_with('/') {
        return Err("does not start with `/`");
    }
    let mut names: Vec<&str> = Vec::new();
    let mut catch_alls = 0;
    for segment in path.split('/').skip(1) {
        let opens = segment.matches('{').count();
        let closes = segment.matches('}').count();
        if opens == 0 && closes == 0 {
            continue;
        }
        if opens != 1 || closes != 1 || !segment.starts_with('{') || !segment.ends_with('}') {
            return Err("has unbalanced braces, or a parameter that is not a whole segment");
        }
        let inner = &segment[1..segment.len() - 1];
        let name = match inner.strip_prefix('*') {
            Some(name) => {
                catch_alls += 1;
                name
            }
            None => inner,
        };
        if name.is_empty() {
            return Err("has a parameter without a name (`{}` or `{*}`)");
        }
        if names.contains(&name) {
            return Err("names one parameter twice");
        }
        names.push(name);
    }
    if catch_alls > 1 {
        return Err("has more than one multi-segment parameter `{*name}`");
    }
    Ok(())
}

/// Checks a base path: `""`, or an absolute path without a trailing slash
/// whose segments are non-empty literals or whole-segment `{name}`s.
pub fn check_base_path(base: &str) -> Result<(), &'static str> {
    if base.is_empty() {
        return Ok(());
    }
    check_path(base)?;
    if base.ends_with('/') {
        return Err("ends with `/` (write \"\" for no prefix, else drop the slash)");
    }
    if base.split('/').skip(1).any(str::is_empty) {
        return Err("has an empty segment");
    }
    if base.contains("{*") {
        return Err("has a multi-segment parameter, which only a template may have");
    }
    Ok(())
}

impl Template {
    /// Parses a template that [`check_path`] accepts.
    pub fn parse(path: &str) -> Result<Template, &'static str> {
        check_path(path)?;
        let path = if path.len() > 1 {
            path.strip_suffix('/').unwrap_or(path)
        } else {
            path
        };
        let rest = &path[1..];
        if rest.is_empty() {
            return Ok(Template {
                segments: Vec::new(),
            });
        }
        let segments = rest
            .split('/')
            .map(
                |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(inner) => match inner.strip_prefix('*') {
                        Some(name) => Segment::CatchAll(name.to_string()),
                        None => Segment::Param(inner.to_string()),
                    },
                    None => Segment::Literal(percent_encoding::percent_decode_str(s).collect()),
                },
            )
            .collect();
        Ok(Template { segments })
    }

    /// Parses a base path that [`check_base_path`] accepts (`""`: none).
    pub fn parse_base(base: &str) -> Result<Template, &'static str> {
        check_base_path(base)?;
        if base.is_empty() {
            return Ok(Template {
                segments: Vec::new(),
            });
        }
        Template::parse(base)
    }

    /// This template under a base path: the base's segments, then its own.
    pub fn under(&self, base: &Template) -> Template {
        Template {
            segments: base
                .segments
                .iter()
                .chain(&self.segments)
                .cloned()
                .collect(),
        }
    }

    /// The template with parameter names erased: two templates with equal
    /// keys match the same requests at the same priority.
    pub fn key(&self) -> Vec<KeySegment<&[u8]>> {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Literal(bytes) => KeySegment::Literal(bytes.as_slice()),
                Segment::Param(_) => KeySegment::Param,
                Segment::CatchAll(_) => KeySegment::CatchAll,
            })
            .collect()
    }

    /// [`Template::key`], owned.
    pub fn owned_key(&self) -> Key {
        self.key()
            .into_iter()
            .map(|s| match s {
                KeySegment::Literal(bytes) => KeySegment::Literal(bytes.to_vec()),
                KeySegment::Param => KeySegment::Param,
                KeySegment::CatchAll => KeySegment::CatchAll,
            })
            .collect()
    }

    /// Parameter names, in order.
    pub fn params(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Param(name) | Segment::CatchAll(name) => Some(name.as_str()),
            Segment::Literal(_) => None,
        })
    }
}

/// The base paths requests may carry before the templates, parsed, in file
/// order, with their text; invalid ones left out (validation reports them),
/// and one whose key an earlier one has (so is E0019's). None listed: the
/// empty prefix alone.
pub fn bases<'s>(listed: impl IntoIterator<Item = &'s str>) -> Vec<(&'s str, Template)> {
    let mut out: Vec<(&str, Template)> = Vec::new();
    let mut any = false;
    for base in listed {
        any = true;
        if let Ok(t) = Template::parse_base(base)
            && !out.iter().any(|(_, o)| o.key() == t.key())
        {
            out.push((base, t));
        }
    }
    if !any {
        out.push((
            "",
            Template {
                segments: Vec::new(),
            },
        ));
    }
    out
}

/// `E0016 ambiguous-route`: two endpoints with the same method whose
/// templates, under any of the base paths, match the same requests at the
/// same priority, located at the second. Endpoints whose method or template
/// is invalid are skipped (validation reports them on their own).
pub fn ambiguities(endpoints: &[Spanned<EndpointDef>], base_paths: &[&str]) -> Vec<Diagnostic> {
    let bases = bases(base_paths.iter().copied());
    let shown_under = |path: &str, base: &str| {
        if base_paths.is_empty() {
            path.to_string()
        } else {
            format!("{path} under base path \"{base}\"")
        }
    };
    let mut seen: BTreeMap<(String, Key), (String, std::ops::Range<usize>)> = BTreeMap::new();
    let mut found = Vec::new();
    for def in endpoints {
        let def = def.get_ref();
        let method = def.method.get_ref();
        if !METHODS.contains(&method.as_str()) {
            continue;
        }
        let Ok(template) = Template::parse(def.path.get_ref()) else {
            continue;
        };
        for (base, prefix) in &bases {
            let key = (method.clone(), template.under(prefix).owned_key());
            let here = shown_under(def.path.get_ref(), base);
            match seen.get(&key) {
                Some((first, first_span)) => {
                    found.push(
                        Diagnostic::new(
                            Code::AmbiguousRoute,
                            format!(
                                "{method} {here} matches the same requests as {method} {first}"
                            ),
                        )
                        .at(def.path.span())
                        .label("ambiguous route")
                        .related(first_span.clone(), "first template here")
                        .hint(
                            "make one template's literal segments differ, or merge the endpoints",
                        ),
                    );
                    // One report per endpoint.
                    break;
                }
                None => {
                    seen.insert(key, (here, def.path.span()));
                }
            }
        }
    }
    found
}

/// A trie node while building.
#[derive(Default)]
struct Node {
    literals: BTreeMap<Vec<u8>, usize>,
    param: Option<usize>,
    catch_all: Option<usize>,
    /// The route (endpoint and base path, see [`route_id`]) ending here.
    route: Option<u32>,
}

impl Node {
    /// Whether the node has nothing but literal edges.
    fn literals_only(&self) -> bool {
        self.param.is_none() && self.catch_all.is_none() && self.route.is_none()
    }
}

/// One trie per method, in one arena.
#[derive(Default)]
struct Trie {
    nodes: Vec<Node>,
}

impl Trie {
    fn add(&mut self) -> usize {
        self.nodes.push(Node::default());
        self.nodes.len() - 1
    }

    /// Inserts a template under `root`; the first route to claim a node keeps it.
    fn insert(&mut self, root: usize, key: &[KeySegment<&[u8]>], route: u32) {
        let mut at = root;
        for segment in key {
            let next = match segment {
                KeySegment::Literal(bytes) => self.nodes[at].literals.get(*bytes).copied(),
                KeySegment::Param => self.nodes[at].param,
                KeySegment::CatchAll => self.nodes[at].catch_all,
            };
            at = match next {
                Some(n) => n,
                None => {
                    let n = self.add();
                    let node = &mut self.nodes[at];
                    match segment {
                        KeySegment::Literal(bytes) => {
                            node.literals.insert(bytes.to_vec(), n);
                        }
                        KeySegment::Param => node.param = Some(n),
                        KeySegment::CatchAll => node.catch_all = Some(n),
                    }
                    n
                }
            };
        }
        self.nodes[at].route.get_or_insert(route);
    }
}

/// The route id of endpoint `endpoint` under base path `base` of `bases`;
/// validation bounds both, so it fits.
fn route_id(endpoint: usize, base: usize, bases: usize) -> u32 {
    let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    error_catalogue_layout::route::route_id(narrow(endpoint), narrow(base), narrow(bases))
}

/// The templates routed for each method, under each base path, with their
/// route ids: its own endpoints, and for HEAD also GET endpoints whose
/// template no HEAD endpoint has. `parsed` is each endpoint's template.
fn routed(
    catalogue: &Catalogue,
    parsed: &[Option<Template>],
    bases: &[(&str, Template)],
) -> Vec<(&'static str, Vec<(Template, u32)>)> {
    let of = |method: &str| -> Vec<(Template, u32)> {
        let mut out = Vec::new();
        for (i, (e, t)) in catalogue.endpoints.iter().zip(parsed).enumerate() {
            let Some(t) = t.as_ref().filter(|_| e.method == method) else {
                continue;
            };
            for (b, (_, prefix)) in bases.iter().enumerate() {
                out.push((t.under(prefix), route_id(i, b, bases.len())));
            }
        }
        out
    };
    METHODS
        .iter()
        .map(|&method| {
            let mut templates = of(method);
            if method == "HEAD" {
                let own: Vec<Key> = templates.iter().map(|(t, _)| t.owned_key()).collect();
                for (t, i) in of("GET") {
                    if !own.contains(&t.owned_key()) {
                        templates.push((t, i));
                    }
                }
            }
            (method, templates)
        })
        .filter(|(_, templates)| !templates.is_empty())
        .collect()
}

/// A flattened trie node (the layout crate's, which the matcher reads):
/// literal edges `first..last`, the parameter and multi-segment parameter
/// children and the route ending here (`u32::MAX`: none); a node of more
/// than [`LINEAR`] edges has an edge table at `slots` of
/// [`slot_count`] slots.
pub use error_catalogue_layout::route::Node as RouteNode;

/// How many edges a node compares in turn, the size of a wider node's slot
/// table, and the slot hash (the matcher uses the same).
pub use error_catalogue_layout::route::{LINEAR, slot_count, slot_hash};

/// A literal edge: one or more literal segments joined by `/`. A chain of
/// nodes with a single literal child and nothing else is merged into one
/// edge, so a request without `%` matches it with one byte comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteEdge {
    /// The segments' decoded bytes, joined by `/`.
    pub bytes: Vec<u8>,
    /// The length of the first segment: edges of a node are sorted by the
    /// first segment's length, then its bytes.
    pub first: u32,
    /// How many segments; a segment whose decoded bytes hold `/` is never merged.
    pub segs: u32,
    /// The node the edge leads to.
    pub child: u32,
    /// The first segment's first eight bytes, big-endian, zero-padded: with
    /// its length, all the matcher compares to pick an edge of a node.
    pub key: u64,
    /// Whether a request's raw bytes equal to `bytes` match: no `%`, `?` or
    /// `#` in them, and no `/` inside a segment. Otherwise the matcher
    /// compares decoded segments.
    pub raw: bool,
}

impl RouteEdge {
    /// The edge as the matcher reads it, with `bytes` for its bytes (a
    /// copy of them that lives as long as the tables); generated code
    /// writes the same fields as literals.
    pub fn edge_over<'t>(&self, bytes: &'t [u8]) -> Edge<'t> {
        Edge {
            bytes,
            first: self.first,
            segs: self.segs,
            child: self.child,
            key: self.key,
            head: Edge::head_of(&self.bytes),
            mask: Edge::mask_of(self.bytes.len()),
            raw: self.raw,
        }
    }
}

/// The route tables as data; [`tokens`] writes them as static arrays.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RouteTables {
    /// Each routed method and its trie root.
    pub roots: Vec<(&'static str, u32)>,
    /// Every trie's nodes.
    pub nodes: Vec<RouteNode>,
    /// Literal edges, each node's a run sorted by first segment (length, then bytes).
    pub edges: Vec<RouteEdge>,
    /// Each node of more than [`LINEAR`] edges has an open-addressing table
    /// here: the index among its edges of the edge whose first segment
    /// hashes ([`slot_hash`]) to that slot or, probing on, to one before it
    /// (`u32::MAX`: empty). At least half of each table is empty.
    pub slots: Vec<u32>,
    /// Each endpoint's parameter names.
    pub params: Vec<Vec<String>>,
    /// The base paths requests may carry before the templates, as written
    /// (empty: none declared, so the templates alone).
    pub base_paths: Vec<String>,
}

/// The open-addressing table of a node's edges (see [`RouteTables::slots`]):
/// [`slot_count`] slots, linear probing.
fn slot_table(edges: &[RouteEdge]) -> Vec<u32> {
    let size = slot_count(edges.len());
    let mask = size as u64 - 1;
    let mut table = vec![NONE; size];
    for (i, edge) in edges.iter().enumerate() {
        let mut at = (slot_hash(edge.key, edge.first as usize) & mask) as usize;
        while table[at] != NONE {
            at = (at + 1) & mask as usize;
        }
        table[at] = i as u32;
    }
    table
}

/// "None" in [`RouteNode`]'s fields.
pub const NONE: u32 = u32::MAX;

/// Builds the route tables of a catalogue.
pub fn tables(catalogue: &Catalogue) -> RouteTables {
    let parsed: Vec<Option<Template>> = catalogue
        .endpoints
        .iter()
        .map(|e| Template::parse(&e.path).ok())
        .collect();
    let bases = bases(catalogue.base_paths.iter().map(String::as_str));
    let mut trie = Trie::default();
    let mut roots = Vec::new();
    for (method, templates) in routed(catalogue, &parsed, &bases) {
        let root = trie.add();
        for (template, route) in &templates {
            trie.insert(root, &template.key(), *route);
        }
        roots.push((method, root));
    }
    let mut out = flatten(&trie, &roots);
    out.params = parsed
        .iter()
        .map(|t| {
            t.iter()
                .flat_map(|t| t.params().map(str::to_string))
                .collect()
        })
        .collect();
    if !catalogue.base_paths.is_empty() {
        out.base_paths = bases.iter().map(|(base, _)| base.to_string()).collect();
    }
    out
}

/// The first eight bytes of a segment as a big-endian number, zero-padded:
/// for segments of one length, ordered as the bytes are.
pub fn key(segment: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    for (w, b) in word.iter_mut().zip(segment) {
        *w = *b;
    }
    u64::from_be_bytes(word)
}

/// Whether a literal may start a merged edge: joined, a segment whose
/// decoded bytes hold `/` would read as two.
fn mergeable(bytes: &[u8]) -> bool {
    !bytes.contains(&b'/')
}

/// Extends `edge`, which leads to node `to`, along the chain of nodes with
/// one literal child and nothing else; returns the node it then leads to.
/// A segment whose decoded bytes hold `/` stays alone: joined, it would
/// read as two.
fn chain(trie: &Trie, edge: &mut RouteEdge, mut to: usize) -> usize {
    if edge.segs == 1 && !mergeable(&edge.bytes) {
        return to;
    }
    loop {
        let n = &trie.nodes[to];
        match (n.literals.first_key_value(), n.literals.len()) {
            (Some((bytes, &child)), 1) if n.literals_only() && mergeable(bytes) => {
                edge.bytes.push(b'/');
                edge.bytes.extend_from_slice(bytes);
                edge.segs += 1;
                to = child;
            }
            _ => return to,
        }
    }
}

/// Whether `edge`, leading to node `to`, may give way to one edge per
/// literal edge of `to`: `to` has nothing else (no parameter, no route,
/// so no fallback is lost) and every segment involved joins with `/`.
fn foldable(trie: &Trie, edge: &RouteEdge, to: usize) -> bool {
    let n = &trie.nodes[to];
    (edge.segs > 1 || mergeable(&edge.bytes))
        && n.literals_only()
        && n.literals.len() >= 2
        && n.literals.keys().all(|bytes| mergeable(bytes))
}

/// Numbers the nodes reachable from the roots breadth-first, merging
/// single-literal chains into edges; every node's edges are one run.
fn flatten(trie: &Trie, roots: &[(&'static str, usize)]) -> RouteTables {
    let mut out = RouteTables::default();
    let mut ids: BTreeMap<usize, u32> = BTreeMap::new();
    let mut queue: Vec<usize> = Vec::new();
    let mut id_of = |old: usize, queue: &mut Vec<usize>| -> u32 {
        *ids.entry(old).or_insert_with(|| {
            queue.push(old);
            (queue.len() - 1) as u32
        })
    };
    for &(method, root) in roots {
        let id = id_of(root, &mut queue);
        out.roots.push((method, id));
    }
    let mut next = 0;
    while let Some(&old) = queue.get(next) {
        next += 1;
        let node = &trie.nodes[old];
        let first = out.edges.len() as u32;
        // Sorted by length, then bytes: the matcher compares lengths first.
        let mut literals: Vec<(&Vec<u8>, &usize)> = node.literals.iter().collect();
        literals.sort_by(|a, b| (a.0.len(), a.0).cmp(&(b.0.len(), b.0)));
        let mut pending: Vec<(RouteEdge, usize)> = literals
            .into_iter()
            .map(|(bytes, &child)| {
                let mut edge = RouteEdge {
                    bytes: bytes.clone(),
                    first: bytes.len() as u32,
                    segs: 1,
                    child: 0,
                    key: key(bytes),
                    raw: false,
                };
                let to = chain(trie, &mut edge, child);
                (edge, to)
            })
            .collect();
        // An edge to a node of literal edges alone becomes one edge per
        // literal edge of that node, while the node keeps at most LINEAR:
        // the request crosses both with one comparison, as a radix tree's
        // shared prefix would, and the node is never visited.
        while let Some(i) = pending.iter().position(|(edge, to)| {
            foldable(trie, edge, *to)
                && pending.len() - 1 + trie.nodes[*to].literals.len() <= LINEAR
        }) {
            let (edge, to) = pending.remove(i);
            let mut kids: Vec<(&Vec<u8>, &usize)> = trie.nodes[to].literals.iter().collect();
            kids.sort_by(|a, b| (a.0.len(), a.0).cmp(&(b.0.len(), b.0)));
            for (k, (bytes, &child)) in kids.into_iter().enumerate() {
                let mut longer = edge.clone();
                longer.bytes.push(b'/');
                longer.bytes.extend_from_slice(bytes);
                longer.segs += 1;
                let to = chain(trie, &mut longer, child);
                pending.insert(i + k, (longer, to));
            }
        }
        for (mut edge, to) in pending {
            edge.child = id_of(to, &mut queue);
            edge.raw = !edge.bytes.iter().any(|b| matches!(b, b'%' | b'?' | b'#'))
                && (edge.segs > 1 || mergeable(&edge.bytes));
            out.edges.push(edge);
        }
        let param = node.param.map_or(NONE, |p| id_of(p, &mut queue));
        let catch_all = node.catch_all.map_or(NONE, |c| id_of(c, &mut queue));
        let own = &out.edges[first as usize..];
        let slots = if own.len() > LINEAR {
            let at = out.slots.len() as u32;
            out.slots.extend(slot_table(own));
            at
        } else {
            0
        };
        out.nodes.push(RouteNode {
            first,
            last: out.edges.len() as u32,
            param,
            route: node.route.unwrap_or(NONE),
            slots,
            catchall: catch_all,
        });
    }
    out
}

/// The size of a node's record (the layout crate's).
pub const NODE_RECORD: usize = error_catalogue_layout::route_node::SIZE;

/// The route tables as the byte strings the matcher reads (see
/// [`NODE_RECORD`]); [`tokens`] writes them as literals. Edges stay
/// [`RouteTables::edges`]: the matcher reads each edge's bytes on every
/// comparison, and a record would add a bounds check into a shared blob on
/// that hot path.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RouteRecords {
    /// Each method's root in [`METHODS`] order (`u32::MAX`: none).
    pub roots: Vec<u32>,
    /// One [`NODE_RECORD`]-byte record per node.
    pub nodes: Vec<u8>,
    /// Each slot of [`RouteTables::slots`] as a little-endian `u32`.
    pub slots: Vec<u8>,
    /// Every endpoint's parameter names, each followed by `/` (which no
    /// name holds).
    pub param_names: String,
    /// Where each endpoint's names end in `param_names`, a little-endian
    /// `u32` each (they start where the previous endpoint's end).
    pub param_ends: Vec<u8>,
    /// [`RouteTables::base_paths`].
    pub base_paths: Vec<String>,
}

impl RouteTables {
    /// The tables as records.
    pub fn records(&self) -> RouteRecords {
        let mut out = RouteRecords {
            roots: METHODS
                .iter()
                .map(|&method| {
                    self.roots
                        .iter()
                        .find(|(m, _)| *m == method)
                        .map_or(NONE, |r| r.1)
                })
                .collect(),
            base_paths: self.base_paths.clone(),
            ..RouteRecords::default()
        };
        for n in &self.nodes {
            out.nodes.extend_from_slice(&n.to_bytes());
        }
        for s in &self.slots {
            out.slots.extend_from_slice(&s.to_le_bytes());
        }
        for names in &self.params {
            for name in names {
                out.param_names.push_str(name);
                out.param_names.push('/');
            }
            let end = u32::try_from(out.param_names.len()).expect("names fit in u32");
            out.param_ends.extend_from_slice(&end.to_le_bytes());
        }
        out
    }
}

/// The route tables as tokens: the items `ROUTE_NODES`, `ROUTE_EDGES` and
/// `ROUTE_SLOTS`, and the expression of the `RouteTables` over them. Nodes,
/// slots and parameter names are byte strings (fixed-width records) or one
/// string: rustc compiles one literal far faster than thousands of struct
/// literals or slices.
pub fn tokens(catalogue: &Catalogue) -> (TokenStream, TokenStream) {
    let t = tables(catalogue);
    let r = t.records();
    let u32_lit = |n: u32| {
        if n == NONE {
            quote!(u32::MAX)
        } else {
            Literal::u32_unsuffixed(n).into_token_stream()
        }
    };
    // Indexed by the method's place in METHODS, as the matcher's
    // `method_slot` numbers them: no scan at run time.
    let roots = r.roots.iter().map(|&root| u32_lit(root));
    let nodes_doc = format!(
        " The route tries' nodes: {} records of `route_node::SIZE` bytes (see `error_catalogue_layout::route_node`).",
        t.nodes.len()
    );
    let edges = t.edges.iter().map(|e| {
        let bytes = Literal::byte_string(&e.bytes);
        let (first, segs, child, raw) = (u32_lit(e.first), u32_lit(e.segs), u32_lit(e.child), e.raw);
        let key = Literal::u64_unsuffixed(e.key);
        // `Edge::head_of` and `Edge::mask_of` of the bytes, written as the
        // head's bytes and the mask's shift, so that both read as what they
        // are.
        let head = Literal::byte_string(&Edge::head_of(&e.bytes).to_le_bytes());
        let head = quote!(u64::from_le_bytes(*#head));
        let mask = match Edge::mask_of(e.bytes.len()) {
            0 => quote!(0),
            u64::MAX => quote!(u64::MAX),
            mask => {
                let shift = Literal::u32_unsuffixed(mask.leading_zeros());
                quote!(u64::MAX >> #shift)
            }
        };
        quote! {
            __private::Edge { bytes: #bytes, first: #first, segs: #segs, child: #child, key: #key, head: #head, mask: #mask, raw: #raw }
        }
    });
    let slots_doc = format!(
        " Wide nodes' edge tables, {} slots as little-endian `u32`s: each the index among its node's edges of the edge hashed there (linear probing; `u32::MAX`: empty).",
        t.slots.len()
    );
    let (nodes, slots) = (
        Literal::byte_string(&r.nodes),
        Literal::byte_string(&r.slots),
    );
    let (param_names, param_ends) = (
        Literal::string(&r.param_names),
        Literal::byte_string(&r.param_ends),
    );
    let base_paths = r.base_paths.iter().map(|b| Literal::string(b));
    let node_bytes = Literal::usize_unsuffixed(r.nodes.len());
    let edge_count = Literal::usize_unsuffixed(t.edges.len());
    let items = quote! {
        #[doc = #nodes_doc]
        static ROUTE_NODES: __private::Aligned<[u8; #node_bytes]> = __private::Aligned(*#nodes);
        /// Literal edges: decoded segments joined by `/`, each node's run sorted by first segment (length, then bytes).
        static ROUTE_EDGES: [__private::Edge<'static>; #edge_count] = [#(#edges),*];
        #[doc = #slots_doc]
        static ROUTE_SLOTS: &[u8] = #slots;
    };
    let tables = quote! {
        __private::RouteTables::new(
            &[#(#roots),*],
            &ROUTE_NODES.0,
            &ROUTE_EDGES,
            ROUTE_SLOTS,
            #param_names,
            #param_ends,
            &[#(#base_paths),*],
        )
    };
    (items, tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str) -> Key {
        Template::parse(path).unwrap().owned_key()
    }

    #[test]
    fn path_templates() {
        assert!(check_path("/v1/manage/tracker/{trackerId}").is_ok());
        assert!(check_path("/images/{*name}/json").is_ok());
        assert!(check_path("v1/x").is_err());
        assert!(check_path("/a/{}").is_err());
        assert!(check_path("/a/{*}").is_err());
        assert!(check_path("/a/{x").is_err());
        assert!(check_path("/a/x}").is_err());
        assert!(check_path("/a/b{x}").is_err());
        assert!(check_path("/a/{*x}/{*y}").is_err());
        assert!(check_path("/a/{x}/{*x}").is_err());
        assert!(check_base_path("").is_ok());
        assert!(check_base_path("/v1.43").is_ok());
        assert!(check_base_path("/api/{version}").is_ok());
        assert!(check_base_path("/").is_err());
        assert!(check_base_path("/v1/").is_err());
        assert!(check_base_path("/a//b").is_err());
        assert!(check_base_path("/{*rest}").is_err());
        assert!(check_base_path("v1").is_err());
    }

    #[test]
    fn templates_parse_and_normalise() {
        assert_eq!(key("/"), Key::new());
        assert_eq!(key("/a/"), key("/a"));
        assert_eq!(key("/a/{x}"), key("/a/{y}"));
        assert_ne!(key("/a/{x}"), key("/a/b"));
        assert_eq!(key("/a%20b"), vec![KeySegment::Literal(b"a b".to_vec())]);
        assert_eq!(key("/a/{*x}"), key("/a/{*y}/"));
        assert_ne!(key("/a/{*x}"), key("/a/{x}"));
        assert_ne!(key("/a/{*x}"), key("/a/{*x}/b"));
        assert_eq!(key("/a//b").len(), 3);
        let t = Template::parse("/v1/{a}/x/{b}").unwrap();
        assert_eq!(t.params().collect::<Vec<_>>(), ["a", "b"]);
        assert!(Template::parse("v1").is_err());
    }

    /// The minimal page and general table a file needs around its endpoints.
    const HEADER: &str = "[page]\nid = \"x\"\ntitle = \"X\"\nslug = \"/x/\"\ndocs_base_url = \"https://x.example\"\n[general]\ntitle = \"G\"\n";

    /// The endpoints of a whole file's text, read as the build reads them.
    fn file(text: &str) -> Vec<Spanned<EndpointDef>> {
        let (file, diagnostics) =
            crate::read::parse(&crate::Source::new("t.toml", text), crate::MAX_FILE_BYTES);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        file.unwrap().endpoints
    }

    #[test]
    fn ambiguous_routes_are_found_at_the_second() {
        let text = HEADER.to_string()
            + r#"
[[endpoints]]
name = "A"
method = "GET"
path = "/a/{x}"
[[endpoints]]
name = "B"
method = "GET"
path = "/a/b"
[[endpoints]]
name = "C"
method = "POST"
path = "/a/{z}"
[[endpoints]]
name = "D"
method = "GET"
path = "/a/{y}/"
"#;
        let found = ambiguities(&file(&text), &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        assert_eq!(d.code, Code::AmbiguousRoute);
        let at = d.span.clone().unwrap();
        assert_eq!(&text[at], "\"/a/{y}/\"");
        let (related, _) = d.related.clone().unwrap();
        assert_eq!(&text[related], "\"/a/{x}\"");
    }

    #[test]
    fn validation_rejects_ambiguous_catalogues() {
        let text = "[page]\nid = \"x\"\ntitle = \"X\"\nslug = \"/x/\"\ndocs_base_url = \"https://x.example\"\n\
                    [general]\ntitle = \"HTTP Codes\"\n\
                    [[endpoints]]\nname = \"One\"\nmethod = \"GET\"\npath = \"/t/{a}\"\n\
                    [[endpoints]]\nname = \"Two\"\nmethod = \"HEAD\"\npath = \"/t/{b}\"\n\
                    [[endpoints]]\nname = \"Three\"\nmethod = \"GET\"\npath = \"/t/{c}\"\n";
        let report = crate::check_str("x.toml", text);
        assert!(report.catalogue.is_none());
        let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{}", report.render(false));
        assert_eq!(errors[0].code, Code::AmbiguousRoute);
        let rendered = report.render(false);
        assert!(rendered.contains("error[E0016]"), "{rendered}");
        assert!(rendered.contains("x.toml:19:8"), "{rendered}");
    }

    #[test]
    fn hostile_catalogue_routes_generate_valid_rust() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/hostile.toml"
        );
        let report = crate::check_file(path);
        let catalogue = report.catalogue.expect("the hostile fixture is valid");
        let t = tables(&catalogue);
        assert_eq!(
            t.roots.iter().map(|r| r.0).collect::<Vec<_>>(),
            ["GET", "HEAD", "PUT"]
        );
        assert!(
            t.edges
                .iter()
                .any(|e| e.bytes == "v1/ünï".as_bytes() && e.segs == 2 && e.raw)
        );
        assert_eq!(t.params, [vec!["id".to_string()], vec!["name".to_string()]]);
        let r = t.records();
        assert_eq!(r.param_names, "id/name/");
        assert_eq!(r.param_ends, [3, 0, 0, 0, 8, 0, 0, 0]);
        assert_eq!(r.nodes.len(), t.nodes.len() * NODE_RECORD);
        assert_eq!(r.slots.len(), t.slots.len() * 4);
        assert_eq!(r.roots.len(), METHODS.len());
        let (items, tables) = tokens(&catalogue);
        let file: syn::File = syn::parse2(items).expect("route tables parse");
        // ROUTE_NODES, ROUTE_EDGES, ROUTE_SLOTS.
        assert_eq!(file.items.len(), 3);
        syn::parse2::<syn::Expr>(tables).expect("the route tables' expression parses");
    }
}
