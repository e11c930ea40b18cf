//! Routing at build time: path templates parsed into segments, the
//! ambiguous-route check, and the route tables the runtime matcher walks.
//!
//! # Semantics (the runtime matcher in `error_catalogue::route` agrees)
//!
//! A template is `/`-separated segments, each a literal, a whole-segment
//! `{param}`, a mixed segment of text and parameters (`{id}.{format}`) or,
//! at most once, a `{*param}` of one or more whole segments; one trailing
//! slash is ignored and `/` has no segments. Literal text is
//! percent-decoded here, once, and compared at run time with the request
//! segment's decoded bytes; a parameter takes exactly one non-empty segment,
//! a mixed segment's parameters each a non-empty run of one (see
//! [`mixed`] for how the runs are cut). At the first segment where two
//! matching templates differ, the literal wins, then the mixed segment with
//! more literal text, then `{param}`, then `{*param}`, which takes the
//! fewest segments that let the rest match. Every template is routed under every base path
//! (`[api] base_paths`) as one longer template, so E0016 sees the
//! ambiguities a prefix makes and a match carries the base path's
//! parameters first. HEAD requests also route to GET endpoints, unless a
//! HEAD endpoint has the same template.
//!
//! # Table shape
//!
//! One segment trie per method, as nested records
//! (`error_catalogue_records::Node`): each node holds its literal segments,
//! sorted by length, then decoded bytes, its mixed segments, most literal
//! text first, its `{param}` and `{*param}` children and the route that
//! ends there. The matcher picks a literal by binary search, then tries the
//! mixed segments in order, the parameter, then the multi-segment
//! parameter, depth first.

pub mod mixed;

use std::collections::BTreeMap;

use error_catalogue_records::template::{self, Segment as Parsed};
use error_catalogue_records::{Method, Part};
use toml::Spanned;

use crate::catalogue::{Catalogue, METHODS};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::EndpointDef;

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    /// Literal bytes, percent-decoded.
    Literal(Vec<u8>),
    /// A parameter (`{name}`): one whole segment.
    Param(String),
    /// A multi-segment parameter (`{*name}`): one or more whole segments.
    CatchAll(String),
    /// Literal text and parameters in one segment: the texts,
    /// percent-decoded, one more than the names, each name between two
    /// texts (the first and last text may be empty, the others are not).
    Mixed {
        /// The texts around the parameters.
        texts: Vec<Vec<u8>>,
        /// The parameters' names.
        names: Vec<String>,
    },
}

/// One segment of a [`Key`]: what the template segment matches, its
/// parameter's name erased.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeySegment<B> {
    /// Literal bytes, percent-decoded.
    Literal(B),
    /// A mixed segment's texts, percent-decoded, a parameter between each
    /// two.
    Mixed(Vec<B>),
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

/// Checks a path template (the grammar is `error_catalogue_records::template`'s):
/// what is wrong and in which segment.
pub fn check_path(path: &str) -> Result<(), String> {
    template::check(path).map_err(|fault| fault.to_string())
}

/// Checks a base path: `""`, or an absolute path without a trailing slash
/// whose segments are non-empty literals, whole-segment `{name}`s or mixed
/// segments.
pub fn check_base_path(base: &str) -> Result<(), String> {
    if base.is_empty() {
        return Ok(());
    }
    check_path(base)?;
    if base.ends_with('/') {
        return Err("ends with `/` (write \"\" for no prefix, else drop the slash)".into());
    }
    if base.split('/').skip(1).any(str::is_empty) {
        return Err("has an empty segment".into());
    }
    if template::segments(base).any(|s| matches!(s, Ok(Parsed::CatchAll(_)))) {
        return Err("has a multi-segment parameter, which only a template may have".into());
    }
    Ok(())
}

impl Template {
    /// Parses a template that [`check_path`] accepts.
    pub fn parse(path: &str) -> Result<Template, String> {
        check_path(path)?;
        let segments = template::segments(path)
            // `check_path` accepted every segment.
            .filter_map(Result::ok)
            .map(|s| match s {
                Parsed::Literal(text) => {
                    Segment::Literal(percent_encoding::percent_decode_str(text).collect())
                }
                Parsed::Param(name) => Segment::Param(name.to_string()),
                Parsed::CatchAll(name) => Segment::CatchAll(name.to_string()),
                Parsed::Mixed(_) => {
                    let (mut texts, mut names) = (vec![Vec::new()], Vec::new());
                    for part in s.parts() {
                        match part {
                            // The slot after the last parameter (or the first).
                            Part::Text(text) => {
                                if let Some(last) = texts.last_mut() {
                                    *last = percent_encoding::percent_decode_str(text).collect();
                                }
                            }
                            Part::Param(name) => {
                                names.push(name.to_string());
                                texts.push(Vec::new());
                            }
                        }
                    }
                    Segment::Mixed { texts, names }
                }
            })
            .collect();
        Ok(Template { segments })
    }

    /// Parses a base path that [`check_base_path`] accepts (`""`: none).
    pub fn parse_base(base: &str) -> Result<Template, String> {
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
                Segment::Mixed { texts, .. } => {
                    KeySegment::Mixed(texts.iter().map(Vec::as_slice).collect())
                }
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
                KeySegment::Mixed(texts) => {
                    KeySegment::Mixed(texts.into_iter().map(<[u8]>::to_vec).collect())
                }
            })
            .collect()
    }

    /// Parameter names, in order.
    pub fn params(&self) -> impl Iterator<Item = &str> {
        self.segments
            .iter()
            .flat_map(|s| match s {
                Segment::Param(name) | Segment::CatchAll(name) => std::slice::from_ref(name),
                Segment::Mixed { names, .. } => names.as_slice(),
                Segment::Literal(_) => &[],
            })
            .map(String::as_str)
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
    // The routes with a mixed segment, for the ambiguities keys cannot show.
    let mut with_mixed: Vec<(String, Key, String, std::ops::Range<usize>)> = Vec::new();
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
            // The same key, or a mixed segment that leaves the precedence
            // undecided (`mixed::undecided`).
            let earlier = seen
                .get(&key)
                .map(|(f, s)| (f.clone(), s.clone(), false))
                .or_else(|| {
                    with_mixed
                        .iter()
                        .find(|(m, k, ..)| *m == key.0 && mixed::undecided(k, &key.1))
                        .map(|(.., first, span)| (first.clone(), span.clone(), true))
                });
            match earlier {
                Some((first, first_span, undecided)) => {
                    let (message, hint) = if undecided {
                        (
                            format!(
                                "{method} {here} and {method} {first} both match some requests, with as much literal text where they first differ"
                            ),
                            "give one of the two mixed segments more literal text, or make their texts exclude each other (`{a}.json` and `{a}.yaml` never meet)",
                        )
                    } else {
                        (
                            format!(
                                "{method} {here} matches the same requests as {method} {first}"
                            ),
                            "make one template's literal segments differ, or merge the endpoints",
                        )
                    };
                    found.push(
                        Diagnostic::new(Code::AmbiguousRoute, message)
                            .at(def.path.span())
                            .label("ambiguous route")
                            .related(first_span, "first template here")
                            .hint(hint),
                    );
                    // One report per endpoint.
                    break;
                }
                None => {
                    if key.1.iter().any(|s| matches!(s, KeySegment::Mixed(_))) {
                        with_mixed.push((
                            key.0.clone(),
                            key.1.clone(),
                            here.clone(),
                            def.path.span(),
                        ));
                    }
                    seen.insert(key, (here, def.path.span()));
                }
            }
        }
    }
    found
}

/// A route trie node: the build's owned form of
/// `error_catalogue_records::Node`, which codegen writes as nested struct
/// literals and error-catalogue's `load` feature serves.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrieNode {
    /// Literal segments, percent-decoded, sorted by length, then bytes,
    /// each with the node after it.
    pub literals: Vec<(String, TrieNode)>,
    /// Mixed segments, most literal text first (then by their texts), each
    /// with the node after it; named as the first template to reach them.
    pub mixed: Vec<(Vec<OwnedPart>, TrieNode)>,
    /// The node after a `{param}` segment.
    pub param: Option<Box<TrieNode>>,
    /// The node after a `{*param}` segment.
    pub catch_all: Option<Box<TrieNode>>,
    /// The endpoint (its index) whose template ends here, and the base
    /// path it is routed under; the first template to reach a node keeps it.
    pub route: Option<(usize, String)>,
}

/// A part of a mixed segment, owned: `error_catalogue_records::Part`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnedPart {
    /// Literal text, percent-decoded (U+FFFD for bytes that are not UTF-8).
    Text(String),
    /// A parameter's name.
    Param(String),
}

/// A node while building: literals keyed by their decoded bytes, mixed
/// segments by their texts (with the first template's names).
#[derive(Default)]
struct Building {
    literals: BTreeMap<Vec<u8>, Building>,
    mixed: BTreeMap<Vec<Vec<u8>>, (Vec<String>, Building)>,
    param: Option<Box<Building>>,
    catch_all: Option<Box<Building>>,
    route: Option<(usize, String)>,
}

impl Building {
    /// Inserts a template; the first route to claim a node keeps it.
    fn insert(&mut self, template: &Template, route: (usize, &str)) {
        let mut at = self;
        for segment in &template.segments {
            at = match segment {
                Segment::Literal(bytes) => at.literals.entry(bytes.clone()).or_default(),
                Segment::Mixed { texts, names } => {
                    &mut at
                        .mixed
                        .entry(texts.clone())
                        .or_insert_with(|| (names.clone(), Building::default()))
                        .1
                }
                Segment::Param(_) => at.param.get_or_insert_default(),
                Segment::CatchAll(_) => at.catch_all.get_or_insert_default(),
            };
        }
        at.route
            .get_or_insert_with(|| (route.0, route.1.to_string()));
    }

    /// The finished node. A literal whose decoded bytes are not UTF-8 is
    /// kept with U+FFFD for them (a request's segment decodes the same way).
    fn finish(self) -> TrieNode {
        let mut literals: Vec<(String, TrieNode)> = self
            .literals
            .into_iter()
            .map(|(bytes, node)| (String::from_utf8_lossy(&bytes).into_owned(), node.finish()))
            .collect();
        // The matcher's binary search compares lengths first.
        literals.sort_by(|a, b| (a.0.len(), &a.0).cmp(&(b.0.len(), &b.0)));
        let mut mixed: Vec<(usize, Vec<OwnedPart>, TrieNode)> = self
            .mixed
            .into_iter()
            .map(|(texts, (names, node))| {
                (
                    mixed::text_len(&texts),
                    parts(&texts, &names),
                    node.finish(),
                )
            })
            .collect();
        // Most literal text first; the sort is stable over the texts' order.
        mixed.sort_by_key(|m| std::cmp::Reverse(m.0));
        TrieNode {
            literals,
            mixed: mixed
                .into_iter()
                .map(|(_, parts, node)| (parts, node))
                .collect(),
            param: self.param.map(|n| Box::new(n.finish())),
            catch_all: self.catch_all.map(|n| Box::new(n.finish())),
            route: self.route,
        }
    }
}

/// A mixed segment's texts and names as its parts, in order, empty texts
/// left out.
fn parts(texts: &[Vec<u8>], names: &[String]) -> Vec<OwnedPart> {
    let mut out = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if !text.is_empty() {
            out.push(OwnedPart::Text(String::from_utf8_lossy(text).into_owned()));
        }
        if let Some(name) = names.get(i) {
            out.push(OwnedPart::Param(name.clone()));
        }
    }
    out
}

/// A template routed under a base path: the whole template, its
/// endpoint's index and the base path.
type Routed<'c> = (Template, usize, &'c str);

/// The templates routed for each method, under each base path: its own
/// endpoints', and for HEAD also GET endpoints' whose template no HEAD
/// endpoint has. `parsed` is each endpoint's template.
fn routed<'c>(
    catalogue: &Catalogue,
    parsed: &[Option<Template>],
    bases: &[(&'c str, Template)],
) -> Vec<(Method, Vec<Routed<'c>>)> {
    let of = |method: Method| -> Vec<Routed<'c>> {
        let mut out = Vec::new();
        for (i, (e, t)) in catalogue.endpoints.iter().zip(parsed).enumerate() {
            let Some(t) = t.as_ref().filter(|_| e.method == method.as_str()) else {
                continue;
            };
            for (base, prefix) in bases {
                out.push((t.under(prefix), i, *base));
            }
        }
        out
    };
    Method::ALL
        .into_iter()
        .map(|method| {
            let mut templates = of(method);
            if method == Method::Head {
                let own: Vec<Key> = templates.iter().map(|(t, ..)| t.owned_key()).collect();
                for (t, i, base) in of(Method::Get) {
                    if !own.contains(&t.owned_key()) {
                        templates.push((t, i, base));
                    }
                }
            }
            (method, templates)
        })
        .filter(|(_, templates)| !templates.is_empty())
        .collect()
}

/// The route trie of each method that has endpoints, in `Method::ALL` order.
pub fn tries(catalogue: &Catalogue) -> Vec<(Method, TrieNode)> {
    let parsed: Vec<Option<Template>> = catalogue
        .endpoints
        .iter()
        .map(|e| Template::parse(&e.path).ok())
        .collect();
    let bases = bases(catalogue.base_paths.iter().map(String::as_str));
    routed(catalogue, &parsed, &bases)
        .into_iter()
        .map(|(method, templates)| {
            let mut root = Building::default();
            for (template, endpoint, base) in &templates {
                root.insert(template, (*endpoint, base));
            }
            (method, root.finish())
        })
        .collect()
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
        assert!(check_path("/a/b{x}").is_ok());
        assert!(check_path("/a/b{x}{y}").is_err());
        assert!(check_path("/a/b{*x}").is_err());
        assert_eq!(
            check_path("/v1/{name}:can#cel").unwrap_err(),
            "has `?` or `#` beside a parameter, which end a request's path (write `%3F` or `%23`) (segment `{name}:can#cel`)"
        );
        assert!(check_base_path("/api/v{major}").is_ok());
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
        // A mixed segment: its texts decoded, its names erased from the key.
        let t = Template::parse("/v{a}/{b}%2E{c}/{d}:cancel").unwrap();
        assert_eq!(t.params().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        assert_eq!(
            t.owned_key(),
            [
                KeySegment::Mixed(vec![b"v".to_vec(), vec![]]),
                KeySegment::Mixed(vec![vec![], b".".to_vec(), vec![]]),
                KeySegment::Mixed(vec![vec![], b":cancel".to_vec()]),
            ]
        );
        assert_eq!(key("/{x}.json"), key("/{y}%2Ejson"));
        assert_ne!(key("/{x}.json"), key("/{x}json"));
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
    fn mixed_segments_are_ambiguous_only_when_undecided() {
        let text = HEADER.to_string()
            + r#"
[[endpoints]]
name = "A"
method = "GET"
path = "/v1/{name}"
[[endpoints]]
name = "B"
method = "GET"
path = "/v1/{name}:cancel"
[[endpoints]]
name = "C"
method = "GET"
path = "/v1/v{n}"
[[endpoints]]
name = "D"
method = "GET"
path = "/v2/{id}.{format}"
[[endpoints]]
name = "E"
method = "GET"
path = "/v1/{n}x"
[[endpoints]]
name = "F"
method = "GET"
path = "/v1/{other}:cancel/"
"#;
        let found = ambiguities(&file(&text), &[]);
        assert_eq!(found.len(), 2, "{found:?}");
        // `v{n}` and `{n}x` both take `vax`, with as much text.
        assert!(
            found[0]
                .message
                .contains("GET /v1/{n}x and GET /v1/v{n} both match some requests"),
            "{}",
            found[0].message
        );
        let at = found[0].span.clone().unwrap();
        assert_eq!(&text[at], "\"/v1/{n}x\"");
        // The same key, names aside.
        assert!(found[1].message.contains(
            "GET /v1/{other}:cancel/ matches the same requests as GET /v1/{name}:cancel"
        ));
    }

    #[test]
    fn mixed_edges_are_ordered_by_their_text() {
        let text = HEADER.to_string()
            + r#"
[[endpoints]]
name = "A"
method = "GET"
path = "/v{major}.{minor}"
[[endpoints]]
name = "B"
method = "GET"
path = "/{name}:cancel"
[[endpoints]]
name = "C"
method = "GET"
path = "/{id}.{format}"
[[endpoints]]
name = "D"
method = "GET"
path = "/{id}.{format}/x"
[[endpoints]]
name = "E"
method = "GET"
path = "/thumbnail.{ext}"
"#;
        let catalogue = crate::check_str("t.toml", &text).catalogue.unwrap();
        let tries = tries(&catalogue);
        let root = &tries[0].1;
        let shown: Vec<String> = root
            .mixed
            .iter()
            .map(|(parts, _)| {
                parts
                    .iter()
                    .map(|p| match p {
                        OwnedPart::Text(t) => t.clone(),
                        OwnedPart::Param(n) => format!("{{{n}}}"),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(
            shown,
            [
                "thumbnail.{ext}",
                "{name}:cancel",
                "v{major}.{minor}",
                "{id}.{format}"
            ]
        );
        // One edge for both `{id}.{format}` templates: a route, and `x` after it.
        let (_, dot) = &root.mixed[3];
        assert_eq!(dot.route.as_ref().map(|r| r.0), Some(2));
        assert_eq!(dot.literals[0].0, "x");
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
        let tries = tries(&catalogue);
        let methods: Vec<Method> = tries.iter().map(|(m, _)| *m).collect();
        assert_eq!(methods, [Method::Get, Method::Head, Method::Put]);
        // A literal decoded once, at build time: `v1` then `ünï`.
        let get = &tries[0].1;
        let v1 = &get.literals.iter().find(|(l, _)| l == "v1").unwrap().1;
        assert!(v1.literals.iter().any(|(l, _)| l == "ünï"));
    }
}
