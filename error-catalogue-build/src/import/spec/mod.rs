//! The spec's tree → the catalogue to write: endpoints, rows, page, general
//! table, and the notes the file's comments give.

use std::collections::{BTreeMap, BTreeSet};

use super::Problem;
use super::tree::{Key, Node, Pos, Value};
use crate::names;
use crate::routes::{Key as RouteKey, Template};

mod bullets;
mod codes;
mod entry;
mod enums;
mod found;
mod paths;
mod servers;
mod text;

pub use codes::Code;
use entry::entry_example;
pub use paths::dropped;
pub use text::quoted;

use text::*;

/// The operations' methods, as OpenAPI spells them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The most `$ref`s one reference may chain through.
const MAX_REF_CHAIN: usize = 32;

/// The note of an operation marked `deprecated: true` without one of its
/// own (an `x-endpoint.deprecated`).
pub const DEPRECATED_IN_SPEC: &str = "Deprecated in the spec.";

/// The general table's heading when the spec says nothing of one.
pub const GENERAL_TITLE: &str = "HTTP status codes";

/// What the output says.
#[derive(Debug)]
pub struct Doc {
    pub dialect: String,
    pub version: Option<String>,
    pub page: Page,
    pub general: General,
    pub endpoints: Vec<Endpoint>,
    /// `METHOD path` of each operation left out for having no 4xx or 5xx
    /// response.
    pub left_out: Vec<String>,
    /// Each operation left out because the catalogue cannot say it (its
    /// template, a route an earlier endpoint takes, a row that does not
    /// check), located, ending `operation left out`.
    pub dropped: Vec<Problem>,
    /// The base paths requests carry (`basePath`, or each `servers[].url`'s
    /// path), and which key said so; none when every one is the root.
    pub base_paths: (Vec<String>, &'static str),
    /// Whether the document carries the renderer's extensions.
    pub rendered: bool,
    /// The application codes (`x-catalogue.codes`), in order.
    pub codes: Vec<Code>,
    /// `x-catalogue.code_pointers`, when the document has them.
    pub code_pointers: Option<Vec<String>>,
    /// Lines of the header comment saying where codes and base paths came
    /// from.
    pub notes: Vec<String>,
}

#[derive(Debug)]
pub struct Page {
    pub id: String,
    pub title: String,
    pub sidebar_label: Option<String>,
    pub slug: String,
    /// `None`: the spec has no `externalDocs`; a placeholder is written.
    pub docs_base_url: Option<String>,
    pub imports: Vec<String>,
    pub intro: Vec<String>,
    pub support: Option<(String, String)>,
}

#[derive(Debug)]
pub struct General {
    pub title: String,
    pub slug: String,
    pub rows: Vec<Row>,
}

#[derive(Debug)]
pub struct Endpoint {
    pub name: String,
    pub slug: String,
    pub method: String,
    pub path: String,
    /// Why it is deprecated: `x-endpoint`'s note, else a stock one for an
    /// operation marked `deprecated: true`.
    pub deprecated: Option<String>,
    /// Comment lines above the endpoint.
    pub notes: Vec<String>,
    pub rows: Vec<Row>,
    /// Where the operation is (its method's key), for warnings.
    pub at: Pos,
    order: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub status: u16,
    pub meaning: String,
    pub description: Option<String>,
    pub resolution: Option<String>,
    /// Written only when it differs from the status's default.
    pub retryable: Option<bool>,
    pub example: Option<Example>,
    pub allow: Vec<&'static str>,
    /// `x-entry`'s note (OpenAPI has no deprecated responses).
    pub deprecated: Option<String>,
    /// The application codes the row lists (`x-entry.codes`).
    pub codes: Vec<crate::catalogue::CodeValue>,
    /// Comment lines above the row.
    pub notes: Vec<String>,
    order: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub caption: Option<String>,
    /// `None` for the default, `json`.
    pub lang: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Swagger2,
    OpenApi3,
}

struct Reader<'a> {
    root: &'a Node,
    dialect: Dialect,
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    /// Operations left out, as [`Doc::dropped`].
    dropped: Vec<Problem>,
    /// `$ref`s of the general table's responses (`x-catalogue.general`).
    general_refs: BTreeSet<String>,
    /// Application codes met in responses.
    found: found::Found,
    /// `METHOD path` and `servers` of each imported operation that has its
    /// own (on the operation or its path item).
    own_servers: Vec<(String, &'a Node)>,
    /// Lines of the header comment, as [`Doc::notes`].
    notes: Vec<String>,
}

/// Reads the document. Errors are every problem found; warnings go with a
/// successful read.
pub fn read(root: &Node) -> Result<(Doc, Vec<Problem>), Vec<Problem>> {
    if root.entries().is_none() {
        return Err(vec![Problem::at(
            root.at,
            format!(
                "not an OpenAPI or Swagger document: the top level is {}, not a mapping",
                root.kind()
            ),
        )]);
    }
    let (dialect, name) = dialect(root)?;
    let mut r = Reader {
        root,
        dialect,
        errors: Vec::new(),
        warnings: Vec::new(),
        dropped: Vec::new(),
        general_refs: BTreeSet::new(),
        found: found::Found::default(),
        own_servers: Vec::new(),
        notes: Vec::new(),
    };
    let catalogue = root.get("x-catalogue");
    let info = root.get("info");
    let info_str = |key: &str| info.and_then(|i| i.get_str(key)).map(str::trim);
    let title = info_str("title")
        .filter(|t| !t.is_empty())
        .map_or_else(|| "API".to_string(), one_line);
    let version = info
        .and_then(|i| i.get("version"))
        .and_then(scalar_text)
        .map(str::to_string);
    let page = r.page(
        catalogue.and_then(|c| c.get("page")),
        &title,
        info_str("description"),
    );
    let general_def = catalogue.and_then(|c| c.get("general"));
    let mut general = r.general(general_def);
    let (mut endpoints, left_out) = r.operations();
    if general_def.is_none() {
        lift_general(&mut general, &mut endpoints);
    }
    if endpoints.iter().any(|(e, _)| e.order.is_some()) {
        endpoints.sort_by_key(|(e, _)| e.order.unwrap_or(i64::MAX));
    }
    r.names(&mut endpoints, &general.slug);
    let template_params: Vec<String> = endpoints
        .iter()
        .filter_map(|(e, _)| Template::parse(&e.path).ok())
        .flat_map(|t| t.params().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let base_paths = r.base_paths(root, dialect, &template_params);
    let mut codes = r.codes(catalogue.and_then(|c| c.get("codes")));
    let mut endpoints: Vec<Endpoint> = endpoints.into_iter().map(|(e, _)| e).collect();
    let mut notes = std::mem::take(&mut r.notes);
    notes.extend(r.found_codes(&mut codes, &mut general, &mut endpoints));
    let unlisted = codes::allow_unlisted(&mut codes, &general, &endpoints);
    if unlisted > 0 && catalogue.is_none() {
        notes.push(format!(
            "- {unlisted} code{} no row lists (an enum's other values) {} `allow = [\"unlisted-code\"]`: the spec does not say which responses carry them.",
            if unlisted == 1 { "" } else { "s" },
            if unlisted == 1 { "has" } else { "have" }
        ));
    }
    if !r.errors.is_empty() {
        r.errors.sort_by_key(|p| (p.line, p.column));
        return Err(r.errors);
    }
    Ok((
        Doc {
            dialect: name,
            version,
            page,
            general,
            endpoints,
            left_out,
            dropped: r.dropped,
            base_paths,
            rendered: catalogue.is_some(),
            codes,
            code_pointers: codes::code_pointers(catalogue.and_then(|c| c.get("code_pointers"))),
            notes,
        },
        r.warnings,
    ))
}

/// Swagger 2.0 or OpenAPI 3.x, from the `swagger` or `openapi` key.
fn dialect(root: &Node) -> Result<(Dialect, String), Vec<Problem>> {
    if let Some(v) = root.get("swagger") {
        return match scalar_text(v) {
            Some("2.0") => Ok((Dialect::Swagger2, "Swagger 2.0".to_string())),
            _ => Err(vec![Problem::at(
                v.at,
                format!(
                    "unsupported Swagger version {}: errcat imports Swagger 2.0 and OpenAPI 3.0 and 3.1",
                    shown_value(v)
                ),
            )]),
        };
    }
    if let Some(v) = root.get("openapi") {
        return match scalar_text(v) {
            Some(s) if s.starts_with("3.") => Ok((Dialect::OpenApi3, format!("OpenAPI {s}"))),
            _ => Err(vec![Problem::at(
                v.at,
                format!(
                    "unsupported OpenAPI version {}: errcat imports Swagger 2.0 and OpenAPI 3.0 and 3.1",
                    shown_value(v)
                ),
            )]),
        };
    }
    Err(vec![Problem::at(
        root.at,
        "not an OpenAPI or Swagger document: it has no `openapi` or `swagger` key",
    )])
}

impl<'a> Reader<'a> {
    /// The node `node` stands for, following `$ref`s; `None` (with an
    /// error recorded) when a reference cannot be followed.
    fn resolve(&mut self, mut node: &'a Node) -> Option<&'a Node> {
        for _ in 0..MAX_REF_CHAIN {
            let Some(reference) = node.get("$ref") else {
                return Some(node);
            };
            let Some(text) = reference.str() else {
                self.errors.push(Problem::at(
                    reference.at,
                    format!("`$ref` is {}, not a string", reference.kind()),
                ));
                return None;
            };
            let Some(pointer) = text.strip_prefix('#') else {
                self.errors.push(Problem::at(
                    reference.at,
                    format!(
                        "remote $ref {}: errcat reads one file; bundle the spec first (e.g. `redocly bundle` or `swagger-cli bundle`)",
                        quoted(text)
                    ),
                ));
                return None;
            };
            match pointer_target(self.root, pointer) {
                Some(target) => node = target,
                None => {
                    self.errors.push(Problem::at(
                        reference.at,
                        format!("$ref {} points to nothing in this document", quoted(text)),
                    ));
                    return None;
                }
            }
        }
        self.errors.push(Problem::at(
            node.at,
            format!("$ref chain longer than {MAX_REF_CHAIN}: a reference cycle?"),
        ));
        None
    }

    fn page(&mut self, def: Option<&'a Node>, title: &str, description: Option<&str>) -> Page {
        if let Some(def) = def {
            let strings = |key: &str| -> Vec<String> {
                match def.get(key).map(|n| &n.value) {
                    Some(Value::Seq(items)) => items
                        .iter()
                        .filter_map(|n| n.str().map(str::to_string))
                        .collect(),
                    _ => Vec::new(),
                }
            };
            let support = def.get("support").and_then(|s| {
                Some((
                    s.get_str("notice")?.to_string(),
                    s.get_str("email")?.to_string(),
                ))
            });
            let id = def
                .get_str("id")
                .map_or_else(|| page_id(title), str::to_string);
            return Page {
                id,
                title: title.to_string(),
                sidebar_label: def.get_str("sidebar_label").map(str::to_string),
                slug: def.get_str("slug").unwrap_or("/errors/").to_string(),
                docs_base_url: def.get_str("docs_base_url").map(str::to_string),
                imports: strings("imports"),
                intro: strings("intro"),
                support,
            };
        }
        let docs_base_url = self
            .root
            .get("externalDocs")
            .and_then(|d| d.get_str("url"))
            .map(|u| u.trim().trim_end_matches('/').to_string())
            .filter(|u| !u.is_empty());
        Page {
            id: page_id(title),
            title: title.to_string(),
            sidebar_label: None,
            slug: "/errors/".to_string(),
            docs_base_url,
            imports: Vec::new(),
            intro: description.map(paragraphs).unwrap_or_default(),
            support: None,
        }
    }

    /// The general table: `x-catalogue.general`'s rows, else empty (it is
    /// filled from the statuses every operation shares).
    fn general(&mut self, def: Option<&'a Node>) -> General {
        let Some(def) = def else {
            return General {
                title: GENERAL_TITLE.to_string(),
                slug: names::slug(GENERAL_TITLE),
                rows: Vec::new(),
            };
        };
        let title = def.get_str("title").unwrap_or(GENERAL_TITLE).to_string();
        let slug = def
            .get_str("slug")
            .map_or_else(|| names::slug(&title), str::to_string);
        let mut rows = Vec::new();
        if let Some(Value::Seq(names)) = def.get("responses").map(|n| &n.value) {
            let base = match self.dialect {
                Dialect::Swagger2 => "#/responses/",
                Dialect::OpenApi3 => "#/components/responses/",
            };
            for name in names {
                let Some(text) = name.str() else { continue };
                let reference = format!("{base}{}", escape_pointer(text));
                let Some(response) = pointer_target(self.root, &reference[1..]) else {
                    self.errors.push(Problem::at(
                        name.at,
                        format!("x-catalogue.general names {}, which is not in this document's responses", quoted(text)),
                    ));
                    continue;
                };
                self.general_refs.insert(reference);
                let Some(response) = self.resolve(response) else {
                    continue;
                };
                match response.get("x-entry").and_then(|e| self.entry(e)) {
                    Some(row) => rows.push(row),
                    None => self.errors.push(Problem::at(
                        response.at,
                        format!(
                            "general response {} has no `x-entry` with a `status`",
                            quoted(text)
                        ),
                    )),
                }
            }
        }
        sort_rows(&mut rows);
        General { title, slug, rows }
    }

    /// Every operation with a 4xx or 5xx response (or an `x-endpoint`), and
    /// the `METHOD path` of those left out. Each endpoint comes with where
    /// its name was taken from, for warnings.
    fn operations(&mut self) -> (Vec<(Endpoint, Pos)>, Vec<String>) {
        let mut endpoints = Vec::new();
        let mut left_out = Vec::new();
        let mut routes: BTreeMap<(String, RouteKey), (String, Pos)> = BTreeMap::new();
        let mut joined = paths::Routes::new();
        let Some(paths) = self.root.get("paths") else {
            return (endpoints, left_out);
        };
        let Some(paths) = paths.entries() else {
            self.errors.push(Problem::at(
                paths.at,
                format!("`paths` is {}, not a mapping", paths.kind()),
            ));
            return (endpoints, left_out);
        };
        for (path, item) in paths {
            if path.text.starts_with("x-") {
                continue;
            }
            let Some(item) = self.resolve(item) else {
                continue;
            };
            for (method, op) in item.entries().unwrap_or_default() {
                if !METHODS.contains(&method.text.as_str()) {
                    continue;
                }
                let method_upper = method.text.to_ascii_uppercase();
                // The catalogue's own template, where OpenAPI's cannot say
                // it (`{*name}`), as `errcat render` writes it.
                let own = op
                    .get("x-endpoint")
                    .and_then(|e| e.get_str("path"))
                    .map(|text| Key {
                        text: text.to_string(),
                        at: path.at,
                    });
                let path = match own {
                    Some(own) => own,
                    None => self.multi_segment(path, item, op),
                };
                let (route_path, fragment) = paths::split_fragment(&path.text);
                let route_path = Key {
                    text: route_path.to_string(),
                    at: path.at,
                };
                let Some(endpoint) = self.operation(&method_upper, &route_path, method.at, op)
                else {
                    left_out.push(format!("{method_upper} {}", path.text));
                    continue;
                };
                let key = (method_upper.clone(), route_path.text.clone());
                if let Some(route) = joined.get_mut(&key) {
                    let into = &mut endpoints[route.index].0;
                    self.join(route, into, endpoint, fragment, op, method.at);
                    self.own_servers(&method_upper, &path.text, item, op);
                    continue;
                }
                if !self.route(&mut routes, &endpoint, &route_path) {
                    continue;
                }
                if fragment.is_some() {
                    self.warnings.push(Problem::at(
                        path.at,
                        format!(
                            "{method_upper} {}: a request never sends the fragment: imported as {method_upper} {}",
                            path.text, route_path.text
                        ),
                    ));
                }
                let name = endpoint.name.clone();
                joined.insert(key, paths::Route::new(endpoints.len(), fragment, op, &name));
                self.own_servers(&method_upper, &path.text, item, op);
                let at = op.get("operationId").map_or(method.at, |n| n.at);
                endpoints.push((endpoint, at));
            }
        }
        for route in joined.values() {
            let e = &mut endpoints[route.index].0;
            if let Some(name) = route.name(e) {
                e.slug = names::slug(&name);
                e.name = name;
            }
            e.notes.extend(route.note(e));
        }
        (endpoints, left_out)
    }

    fn operation(&mut self, method: &str, path: &Key, at: Pos, op: &'a Node) -> Option<Endpoint> {
        let ours = op.get("x-endpoint");
        let mut rows: Vec<Row> = Vec::new();
        let mut notes = Vec::new();
        let deprecated = ours.and_then(|e| note(e, "deprecated")).or_else(|| {
            op.get("deprecated")
                .is_some_and(|d| d.value == Value::Bool(true))
                .then(|| DEPRECATED_IN_SPEC.to_string())
        });
        let responses = op
            .get("responses")
            .and_then(Node::entries)
            .unwrap_or_default();
        let mut seen: BTreeMap<u16, Pos> = BTreeMap::new();
        for (code, response) in responses {
            let text = code.text.trim();
            if text.starts_with("x-") {
                continue;
            }
            if text == "default" || is_range(text) {
                let resolved = self.resolve(response);
                if let Some(resolved) = resolved {
                    self.met_response(None, resolved);
                }
                let what = resolved
                    .and_then(|r| r.get_str("description"))
                    .map(|d| format!(" ({})", quoted(&shorten(d))))
                    .unwrap_or_default();
                let label = if text == "default" {
                    "`default`".to_string()
                } else {
                    format!("`{}`", text.to_ascii_uppercase())
                };
                notes.push(format!(
                    "The spec also documents {label}{what}, which names no status."
                ));
                continue;
            }
            let Some(status) = text
                .parse::<u16>()
                .ok()
                .filter(|s| (100..=599).contains(s) && text.len() == 3)
            else {
                self.warnings.push(Problem::at(
                    code.at,
                    format!(
                        "response key {} is not an HTTP status: left out",
                        quoted(text)
                    ),
                ));
                continue;
            };
            // A rendered row of any status is the catalogue's (Slack-like
            // codes come with 200); a hand-made spec's successes are not.
            if status < 400 && !self.has_entry(response) {
                continue;
            }
            if let Some(first) = seen.get(&status) {
                self.warnings.push(Problem::at(
                    code.at,
                    format!(
                        "status {status} is documented twice for {method} {} (first on line {}): the first is kept",
                        path.text, first.line
                    ),
                ));
                continue;
            }
            seen.insert(status, code.at);
            if response
                .get_str("$ref")
                .is_some_and(|r| self.general_refs.contains(r))
            {
                continue; // the general table's row: lookups fall back to it
            }
            let Some(resolved) = self.resolve(response) else {
                continue;
            };
            let row = match resolved.get("x-entry") {
                Some(entry) => self.entry(entry),
                None => Some(self.response_row(status, resolved)),
            };
            rows.extend(row);
        }
        if rows.is_empty() && seen.is_empty() && ours.is_none() {
            return None;
        }
        sort_rows(&mut rows);
        let (name, slug) = match ours {
            Some(e) => (
                e.get_str("name").map(str::to_string),
                e.get_str("slug")
                    .filter(|s| names::is_slug(s))
                    .map(str::to_string),
            ),
            None => (None, None),
        };
        let name = name
            .into_iter()
            .chain(op.get_str("operationId").map(words))
            .chain(op.get_str("summary").map(one_line))
            .find(|n| names::type_ident(n).is_some_and(|i| !names::is_reserved_type_ident(&i)))
            .unwrap_or_else(|| format!("{method} {}", path.text));
        let slug = slug.unwrap_or_else(|| names::slug(&name));
        Some(Endpoint {
            name,
            slug,
            method: method.to_string(),
            path: path.text.clone(),
            deprecated,
            notes,
            rows,
            at,
            order: ours.and_then(|e| e.get("order")).and_then(integer),
        })
    }

    /// A row from a response of the spec: reason phrase, description,
    /// example.
    fn response_row(&mut self, status: u16, response: &'a Node) -> Row {
        let description = response
            .get_str("description")
            .map(soft_breaks_joined)
            .filter(|d| !d.is_empty());
        Row {
            status,
            meaning: reason(status).to_string(),
            description,
            resolution: None,
            retryable: None,
            example: self.example(response),
            allow: Vec::new(),
            deprecated: None,
            codes: self.met_response(Some(status), response),
            notes: Vec::new(),
            order: None,
        }
    }

    /// The response's example body: OpenAPI 3's first media type with an
    /// `example` or `examples`, Swagger 2's `examples`.
    fn example(&mut self, response: &'a Node) -> Option<Example> {
        match self.dialect {
            Dialect::Swagger2 => {
                let (mime, value) = response.get("examples")?.entries()?.first()?;
                Some(example_body(&mime.text, value, None))
            }
            Dialect::OpenApi3 => {
                for (mime, media) in response.get("content")?.entries()? {
                    if let Some(value) = media.get("example") {
                        return Some(example_body(&mime.text, value, None));
                    }
                    let Some(examples) = media.get("examples").and_then(Node::entries) else {
                        continue;
                    };
                    for (_, example) in examples {
                        let Some(example) = self.resolve(example) else {
                            continue;
                        };
                        if let Some(value) = example.get("value") {
                            let caption = example.get_str("summary").map(one_line);
                            return Some(example_body(&mime.text, value, caption));
                        }
                    }
                }
                None
            }
        }
    }

    /// Makes names, slugs and identifiers unique, ignoring case, and apart
    /// from `general` and the general table's slug: a taken one gets the
    /// first free number (`Get Pets 2`), with a warning.
    fn names(&mut self, endpoints: &mut [(Endpoint, Pos)], general_slug: &str) {
        let mut taken: BTreeSet<String> = BTreeSet::new();
        taken.insert(crate::validate::GENERAL_KEY.to_string());
        taken.insert(general_slug.to_ascii_lowercase());
        let keys = |name: &str, slug: &str| -> [String; 3] {
            [
                name.to_ascii_lowercase(),
                slug.to_ascii_lowercase(),
                names::type_ident(name)
                    .unwrap_or_default()
                    .to_ascii_lowercase(),
            ]
        };
        for (endpoint, at) in endpoints {
            let free = |taken: &BTreeSet<String>, name: &str, slug: &str| {
                keys(name, slug)
                    .iter()
                    .all(|k| k.is_empty() || !taken.contains(k))
            };
            if !free(&taken, &endpoint.name, &endpoint.slug) {
                let (name, slug) = (2..)
                    .map(|n| {
                        let name = format!("{} {n}", endpoint.name);
                        let slug = names::slug(&name);
                        (name, slug)
                    })
                    .find(|(name, slug)| free(&taken, name, slug))
                    .unwrap_or_default();
                self.warnings.push(Problem::at(
                    *at,
                    format!(
                        "{} {}: the name {} (or its slug or identifier) is an earlier endpoint's; named {}",
                        endpoint.method,
                        endpoint.path,
                        quoted(&endpoint.name),
                        quoted(&name)
                    ),
                ));
                endpoint.name = name;
                endpoint.slug = slug;
            }
            taken.extend(
                keys(&endpoint.name, &endpoint.slug)
                    .into_iter()
                    .filter(|k| !k.is_empty()),
            );
        }
    }
}

/// Moves each 4xx/5xx status every endpoint documents alike (same
/// description and example) to the general table. Needs two endpoints.
fn lift_general(general: &mut General, endpoints: &mut [(Endpoint, Pos)]) {
    if endpoints.len() < 2 {
        return;
    }
    let shared: Vec<Row> = endpoints[0]
        .0
        .rows
        .iter()
        .filter(|row| {
            endpoints[1..]
                .iter()
                .all(|(e, _)| e.rows.iter().any(|r| r == *row))
        })
        .cloned()
        .collect();
    for (e, _) in endpoints.iter_mut() {
        e.rows.retain(|r| !shared.contains(r));
    }
    general.rows.extend(shared);
    general.rows.sort_by_key(|r| r.status);
}

fn sort_rows(rows: &mut [Row]) {
    if rows.iter().any(|r| r.order.is_some()) {
        rows.sort_by_key(|r| r.order.unwrap_or(i64::MAX));
    }
}
