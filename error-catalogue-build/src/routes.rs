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
//! # Table shape
//!
//! One segment trie per method, as nested records
//! (`error_catalogue_records::Node`): each node holds its literal segments,
//! sorted by length, then decoded bytes, its `{param}` and `{*param}` children and
//! the route that ends there. The matcher picks a literal by binary search,
//! then tries the parameter, then the multi-segment parameter, depth first.

use std::collections::BTreeMap;

use error_catalogue_records::Method;
use error_catalogue_records::template::{self, Segment as Parsed};
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

/// Checks a path template (the grammar is `error_catalogue_records::template`'s).
pub fn check_path(path: &str) -> Result<(), &'static str> {
    template::check(path).map_err(template::TemplateError::message)
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
    if template::segments(base).any(|s| matches!(s, Ok(Parsed::CatchAll(_)))) {
        return Err("has a multi-segment parameter, which only a template may have");
    }
    Ok(())
}

impl Template {
    /// Parses a template that [`check_path`] accepts.
    pub fn parse(path: &str) -> Result<Template, &'static str> {
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
            })
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

/// A route trie node: the build's owned form of
/// `error_catalogue_records::Node`, which codegen writes as nested struct
/// literals and error-catalogue's `load` feature serves.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrieNode {
    /// Literal segments, percent-decoded, sorted by length, then bytes,
    /// each with the node after it.
    pub literals: Vec<(String, TrieNode)>,
    /// The node after a `{param}` segment.
    pub param: Option<Box<TrieNode>>,
    /// The node after a `{*param}` segment.
    pub catch_all: Option<Box<TrieNode>>,
    /// The endpoint (its index) whose template ends here, and the base
    /// path it is routed under; the first template to reach a node keeps it.
    pub route: Option<(usize, String)>,
}

/// A node while building: literals keyed by their decoded bytes.
#[derive(Default)]
struct Building {
    literals: BTreeMap<Vec<u8>, Building>,
    param: Option<Box<Building>>,
    catch_all: Option<Box<Building>>,
    route: Option<(usize, String)>,
}

impl Building {
    /// Inserts a template; the first route to claim a node keeps it.
    fn insert(&mut self, key: &[KeySegment<&[u8]>], route: (usize, &str)) {
        let mut at = self;
        for segment in key {
            at = match segment {
                KeySegment::Literal(bytes) => at.literals.entry(bytes.to_vec()).or_default(),
                KeySegment::Param => at.param.get_or_insert_default(),
                KeySegment::CatchAll => at.catch_all.get_or_insert_default(),
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
        TrieNode {
            literals,
            param: self.param.map(|n| Box::new(n.finish())),
            catch_all: self.catch_all.map(|n| Box::new(n.finish())),
            route: self.route,
        }
    }
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
                root.insert(&template.key(), (*endpoint, base));
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
        let tries = tries(&catalogue);
        let methods: Vec<Method> = tries.iter().map(|(m, _)| *m).collect();
        assert_eq!(methods, [Method::Get, Method::Head, Method::Put]);
        // A literal decoded once, at build time: `v1` then `ünï`.
        let get = &tries[0].1;
        let v1 = &get.literals.iter().find(|(l, _)| l == "v1").unwrap().1;
        assert!(v1.literals.iter().any(|(l, _)| l == "ünï"));
    }
}
