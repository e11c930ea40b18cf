//! Validation: the file model into a [`Catalogue`], with every problem found
//! in one pass reported as a located [`Diagnostic`].

use error_catalogue_records::MAX_PARAMS;

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use crate::catalogue::{self, Catalogue, Endpoint, Entry, Example, Page, Support, Table};
use crate::diagnostic::{Code, Diagnostic, shown};
use crate::model::{CatalogueFile, EndpointDef, EntryDef, ExampleDef};
use crate::names;
use crate::routes::{Key, Template, check_path};

mod codes;

/// The most base paths a catalogue may declare: every template is routed
/// under each, so they multiply the route tries.
const MAX_BASE_PATHS: usize = 64;

/// The most endpoints a catalogue may have (entry rows index them with `u16`).
pub const MAX_ENDPOINTS: usize = u16::MAX as usize - 1;

/// The name the CLI and `FromStr` reserve for the general table.
pub const GENERAL_KEY: &str = "general";

pub use crate::catalogue::METHODS;

/// Checks a parsed file. Returns the catalogue when there are no errors
/// (warnings may be present), and every diagnostic found. The file is
/// borrowed: callers keep its spans next to the catalogue (`crate::diff`
/// locates its findings with them). For a catalogue without errors, the
/// model's endpoints, rows, `[[codes]]` and rows' codes correspond one to
/// one, in order, to the catalogue's.
pub fn validate(file: &CatalogueFile) -> (Option<Catalogue>, Vec<Diagnostic>) {
    let mut v = Validator::default();
    // Codes first: rows list them.
    let codes = v.codes(file);
    let page = v.page(&file.page);
    let general_slug = match &file.general.slug {
        Some(slug) => {
            v.slug(slug);
            slug.get_ref().clone()
        }
        None => names::slug(file.general.title.get_ref()),
    };
    let general_title = v.text(&file.general.title, "title");
    let general_entries = v.table(&file.general.errors);
    let general = Table {
        title: general_title,
        slug: general_slug,
        entries: general_entries,
    };
    let base_paths = v.base_paths(file);
    let mut endpoints = Vec::with_capacity(file.endpoints.len());
    let mut seen = Seen::default();
    seen.reserve_general(&general.slug);
    if file.endpoints.len() > MAX_ENDPOINTS {
        v.push(
            Diagnostic::new(
                Code::Limit,
                format!(
                    "{} endpoints, over the limit of {MAX_ENDPOINTS} (MAX_ENDPOINTS)",
                    file.endpoints.len()
                ),
            )
            .at(file.endpoints[MAX_ENDPOINTS].span()),
        );
    }
    for def in &file.endpoints {
        if let Some(endpoint) = v.endpoint(def.get_ref(), &mut seen) {
            v.redundant(&endpoint, &general, def.get_ref());
            endpoints.push(endpoint);
        }
    }
    let catalogue = Catalogue {
        page,
        general,
        endpoints,
        base_paths,
        code_pointers: v.code_pointers(file),
        codes,
    };
    v.code_names(file);
    v.unlisted_codes(file);
    let listed: Vec<&str> = file
        .api
        .iter()
        .flat_map(|api| &api.base_paths)
        .map(|b| b.get_ref().as_str())
        .collect();
    v.diagnostics
        .extend(crate::routes::ambiguities(&file.endpoints, &listed));
    let has_errors = v.diagnostics.iter().any(Diagnostic::is_error);
    ((!has_errors).then_some(catalogue), v.diagnostics)
}

#[derive(Default)]
struct Validator {
    diagnostics: Vec<Diagnostic>,
    /// Warnings the row being checked allows (its `allow` key).
    allowed: Vec<Code>,
    /// The most parameters a valid base path has: each template's count
    /// with them is bounded.
    base_params: usize,
    /// `[[codes]]` as read, for the rows that list codes.
    registry: codes::Registry,
}

/// Names, slugs and identifiers seen so far, with where.
#[derive(Default)]
struct Seen {
    names: BTreeMap<String, Range<usize>>,
    slugs: BTreeMap<String, Range<usize>>,
    idents: BTreeMap<String, (String, Range<usize>)>,
    keys: BTreeMap<String, Range<usize>>,
}

impl Seen {
    fn reserve_general(&mut self, slug: &str) {
        self.keys.insert(GENERAL_KEY.to_string(), 0..0);
        self.keys.insert(slug.to_ascii_lowercase(), 0..0);
    }
}

impl Validator {
    fn push(&mut self, d: Diagnostic) {
        if d.is_error() || !self.allowed.contains(&d.code) {
            self.diagnostics.push(d);
        }
    }

    /// Allows the warnings a row's `allow` names while it is checked.
    fn allow(&mut self, def: &EntryDef) {
        self.allowed = def.allow.iter().map(|c| *c.get_ref()).collect();
    }

    /// `[api] base_paths`, each valid one kept: `E0019` for one malformed,
    /// matching what an earlier one matches, or naming a parameter a
    /// template also names.
    fn base_paths(&mut self, file: &CatalogueFile) -> Vec<String> {
        let Some(api) = &file.api else {
            return Vec::new();
        };
        if let Some(over) = api.base_paths.get(MAX_BASE_PATHS) {
            self.push(
                Diagnostic::new(
                    Code::Limit,
                    format!(
                        "{} base paths, over the limit of {MAX_BASE_PATHS}",
                        api.base_paths.len()
                    ),
                )
                .at(over.span())
                .label("one too many")
                .hint("every template is routed under every base path: list the prefixes clients send, or one `/{version}`"),
            );
        }
        let templates: Vec<(&EndpointDef, Template)> = file
            .endpoints
            .iter()
            .filter_map(|e| {
                Some((
                    e.get_ref(),
                    Template::parse(e.get_ref().path.get_ref()).ok()?,
                ))
            })
            .collect();
        let mut seen: Vec<(Key, Range<usize>)> = Vec::new();
        let mut kept = Vec::new();
        for base in api.base_paths.iter().take(MAX_BASE_PATHS) {
            let text = base.get_ref();
            let template = match Template::parse_base(text) {
                Ok(t) => t,
                Err(why) => {
                    self.push(
                        Diagnostic::new(Code::BadBasePath, format!("base path {} {why}", shown(text)))
                            .at(base.span())
                            .label("bad base path")
                            .hint("write \"\" for none, a path such as \"/v1.43\", or one with whole-segment parameters such as \"/{version}\""),
                    );
                    continue;
                }
            };
            let key = template.owned_key();
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                self.push(
                    Diagnostic::new(
                        Code::BadBasePath,
                        format!(
                            "base path {} takes the same prefixes as an earlier one",
                            shown(text)
                        ),
                    )
                    .at(base.span())
                    .label("repeated")
                    .related(first.clone(), "first here")
                    .hint("list each prefix once"),
                );
                continue;
            }
            let mut clash = false;
            for name in template.params() {
                if let Some((def, _)) = templates
                    .iter()
                    .find(|(_, t)| t.params().any(|p| p == name))
                {
                    self.push(
                        Diagnostic::new(
                            Code::BadBasePath,
                            format!(
                                "base path parameter `{name}` is also a parameter of {} {}",
                                def.method.get_ref(),
                                def.path.get_ref()
                            ),
                        )
                        .at(base.span())
                        .label("parameter named twice")
                        .related(def.path.span(), "the template's parameter")
                        .hint("rename one of them: a route match names each parameter once"),
                    );
                    clash = true;
                }
            }
            if clash {
                continue;
            }
            self.base_params = self.base_params.max(template.params().count());
            seen.push((key, base.span()));
            kept.push(text.clone());
        }
        kept
    }

    fn page(&mut self, def: &crate::model::PageDef) -> Page {
        let title = self.text(&def.title, "title");
        Page {
            id: self.text(&def.id, "id"),
            sidebar_label: def
                .sidebar_label
                .as_ref()
                .map_or_else(|| title.clone(), |s| self.text(s, "sidebar_label")),
            title,
            slug: self.text(&def.slug, "slug"),
            docs_base_url: self
                .text(&def.docs_base_url, "docs_base_url")
                .trim_end_matches('/')
                .to_string(),
            imports: def
                .imports
                .iter()
                .map(|s| self.text(s, "imports"))
                .collect(),
            intro: def.intro.iter().map(|s| self.text(s, "intro")).collect(),
            support: def.support.as_ref().map(|s| Support {
                notice: self.text(&s.notice, "notice"),
                email: self.text(&s.email, "email"),
            }),
        }
    }

    /// A text value: an error when empty, as an optional key is left out
    /// rather than left empty.
    fn text(&mut self, value: &Spanned<String>, key: &str) -> String {
        if value.get_ref().trim().is_empty() {
            let hint = match key {
                "sidebar_label" | "description" | "resolution" | "caption" | "lang" => {
                    format!("write the {key}, or leave the key out: it is optional")
                }
                "imports" | "intro" => "remove the empty element".to_string(),
                "deprecated" => "say why it is deprecated and what to use instead, or leave the key out if it is not".to_string(),
                _ => format!("write the {key}: it is required"),
            };
            self.push(
                Diagnostic::new(Code::EmptyText, format!("`{key}` is empty"))
                    .at(value.span())
                    .label("empty")
                    .hint(hint),
            );
        }
        value.get_ref().clone()
    }

    fn table(&mut self, rows: &[Spanned<EntryDef>]) -> Vec<Entry> {
        let mut seen: BTreeMap<i64, Range<usize>> = BTreeMap::new();
        let mut entries = Vec::with_capacity(rows.len());
        for row in rows {
            let def = row.get_ref();
            let status = *def.status.get_ref();
            let span = def.status.span();
            if !(100..=599).contains(&status) {
                self.push(
                    Diagnostic::new(
                        Code::StatusRange,
                        format!("status {status} is outside 100–599"),
                    )
                    .at(span)
                    .label("not an HTTP status")
                    .hint("HTTP statuses are three-digit numbers from 100 to 599"),
                );
                continue;
            }
            if let Some(first) = seen.get(&status) {
                self.push(
                    Diagnostic::new(
                        Code::DuplicateStatus,
                        format!("status {status} appears twice in this table"),
                    )
                    .at(span)
                    .label("duplicate")
                    .related(first.clone(), "first defined here")
                    .hint("merge the two rows, or move one to the table it belongs to"),
                );
                continue;
            }
            seen.insert(status, span);
            self.allow(def);
            entries.push(self.entry(def, status as u16));
            self.allowed.clear();
        }
        entries
    }

    fn entry(&mut self, def: &EntryDef, status: u16) -> Entry {
        let optional = |v: &mut Self, value: &Option<Spanned<String>>, key: &str| {
            value.as_ref().map(|s| v.text(s, key))
        };
        let retryable = self.retryable(&def.retryable, Some(status));
        let meaning = self.text(&def.meaning, "meaning");
        if let Some(reason) = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            && meaning != reason
            && !meaning.trim().is_empty()
        {
            self.push(
                Diagnostic::new(
                    Code::ReasonPhrase,
                    format!(
                        "meaning {} differs from {status}'s reason phrase \"{reason}\"",
                        shown(&meaning)
                    ),
                )
                .at(def.meaning.span())
                .label(format!("expected \"{reason}\""))
                .hint(format!(
                    "write `meaning = \"{reason}\"`, or add `allow = [\"non-canonical-meaning\"]` to the row if the difference is intended"
                )),
            );
        }
        Entry {
            status,
            meaning,
            description: optional(self, &def.description, "description"),
            resolution: optional(self, &def.resolution, "resolution"),
            retryable,
            example: def.example.as_ref().map(|e| self.example(e)),
            deprecated: optional(self, &def.deprecated, "deprecated"),
            codes: self.row_codes(def, status),
        }
    }

    /// `retryable` as written, else as the status has it (a code with no
    /// status is not retryable); `W0003` for a 5xx marked not retryable.
    fn retryable(&mut self, flag: &Option<Spanned<bool>>, status: Option<u16>) -> bool {
        let Some(flag) = flag else {
            return status.is_some_and(catalogue::default_retryable);
        };
        if let Some(status) = status.filter(|s| (500..=599).contains(s))
            && !*flag.get_ref()
        {
            self.push(
                Diagnostic::new(
                    Code::NonRetryable5xx,
                    format!("status {status} is marked `retryable = false`"),
                )
                .at(flag.span())
                .label("server errors are usually worth retrying")
                .hint("remove the override if a later try may succeed, or add `allow = [\"non-retryable-5xx\"]` to the row"),
            );
        }
        *flag.get_ref()
    }

    fn example(&mut self, e: &ExampleDef) -> Example {
        Example {
            caption: e.caption.as_ref().map(|c| self.text(c, "caption")),
            lang: e
                .lang
                .as_ref()
                .map_or_else(|| "json".to_string(), |l| self.text(l, "lang")),
            body: self.text(&e.body, "body"),
        }
    }

    fn slug(&mut self, slug: &Spanned<String>) -> bool {
        if names::is_slug(slug.get_ref()) {
            return true;
        }
        self.push(
            Diagnostic::new(
                Code::BadSlug,
                format!(
                    "slug {} is not lower-case kebab-case",
                    shown(slug.get_ref())
                ),
            )
            .at(slug.span())
            .label("not a slug")
            .hint(format!(
                "use lower-case letters, digits and single hyphens, e.g. \"{}\"",
                names::slug(slug.get_ref())
            )),
        );
        false
    }

    fn endpoint(&mut self, def: &EndpointDef, seen: &mut Seen) -> Option<Endpoint> {
        let name = self.text(&def.name, "name");
        let name_span = def.name.span();
        let mut ok = true;
        let slug = match &def.slug {
            Some(s) => {
                ok &= self.slug(s);
                s.get_ref().clone()
            }
            None => names::slug(&name),
        };
        let slug_span = def.slug.as_ref().map_or(name_span.clone(), |s| s.span());
        let ident = match names::type_ident(&name) {
            Some(ident) if !names::is_reserved_type_ident(&ident) => ident,
            other => {
                let why = match other {
                    Some(ident) => format!("it makes `{ident}`, a Rust keyword"),
                    None => "it has no ASCII letter to start an identifier with".to_string(),
                };
                self.push(
                    Diagnostic::new(
                        Code::BadIdent,
                        format!(
                            "endpoint name {} makes no Rust identifier: {why}",
                            shown(&name)
                        ),
                    )
                    .at(name_span.clone())
                    .label("no identifier")
                    .hint("start the name with an ASCII letter, e.g. \"Get Tracker\""),
                );
                ok = false;
                String::new()
            }
        };
        // One collision per endpoint, the root cause first: the same name,
        // else the same identifier (which also makes the same derived slug),
        // else the same slug, else a clash ignoring case.
        ok &= match self.collision(&name, &slug, &ident, &name_span, &slug_span, seen) {
            Some(d) => {
                self.push(d);
                false
            }
            None => true,
        };
        seen.names.entry(name.clone()).or_insert(name_span.clone());
        seen.slugs.entry(slug.clone()).or_insert(slug_span.clone());
        if !ident.is_empty() {
            seen.idents
                .entry(ident.clone())
                .or_insert((name.clone(), name_span.clone()));
        }
        for (key, span) in [
            (name.to_ascii_lowercase(), &name_span),
            (slug.to_ascii_lowercase(), &slug_span),
            (ident.to_ascii_lowercase(), &name_span),
        ] {
            if !key.is_empty() {
                seen.keys.entry(key).or_insert(span.clone());
            }
        }
        let method = def.method.get_ref().clone();
        if !METHODS.contains(&method.as_str()) {
            self.push(
                Diagnostic::new(
                    Code::BadMethod,
                    format!("{} is not an HTTP method", shown(&method)),
                )
                .at(def.method.span())
                .label("unknown method")
                .hint(match crate::suggest::closest(&method, &METHODS) {
                    Some(best) => {
                        format!("did you mean \"{best}\"? use one of {}", METHODS.join(", "))
                    }
                    None => format!("use one of {}", METHODS.join(", ")),
                }),
            );
            ok = false;
        }
        let path = def.path.get_ref().clone();
        if let Err(why) = check_path(&path) {
            self.push(
                Diagnostic::new(Code::BadPath, format!("path template {} {why}", shown(&path)))
                    .at(def.path.span())
                    .label("bad template")
                    .hint("write an absolute path with `{name}` parameters, e.g. \"/v1/manage/tracker/{trackerId}\""),
            );
            ok = false;
        } else {
            let own = path.matches('{').count();
            let params = own + self.base_params;
            if params > MAX_PARAMS {
                let with_base = if self.base_params > 0 {
                    format!(" (with a base path's {})", self.base_params)
                } else {
                    String::new()
                };
                self.push(
                    Diagnostic::new(
                        Code::Limit,
                        format!(
                            "path template {} has {params} parameters{with_base}; the limit is {MAX_PARAMS}",
                            shown(&path)
                        ),
                    )
                    .at(def.path.span())
                    .label("too many parameters")
                    .hint("a route match keeps its parameters inline, without allocating: split the endpoint, or capture less"),
                );
                ok = false;
            }
        }
        let deprecated = def
            .deprecated
            .as_ref()
            .map(|note| self.text(note, "deprecated"));
        let entries = self.table(&def.errors);
        ok.then_some(Endpoint {
            name,
            slug,
            ident,
            method,
            path,
            deprecated,
            entries,
        })
    }

    /// The first way this endpoint collides with an earlier one (or with the
    /// general table), if any.
    fn collision(
        &self,
        name: &str,
        slug: &str,
        ident: &str,
        name_span: &Range<usize>,
        slug_span: &Range<usize>,
        seen: &Seen,
    ) -> Option<Diagnostic> {
        if let Some(first) = seen.names.get(name) {
            return Some(
                Diagnostic::new(
                    Code::DuplicateName,
                    format!("endpoint name {} is used twice", shown(name)),
                )
                .at(name_span.clone())
                .label("duplicate")
                .related(first.clone(), "first used here")
                .hint("give each endpoint its own name"),
            );
        }
        if let Some((other, first)) = seen.idents.get(ident).filter(|_| !ident.is_empty()) {
            return Some(
                Diagnostic::new(
                    Code::DuplicateIdent,
                    format!(
                        "endpoint name {} makes the identifier `{ident}`, as {} does",
                        shown(name),
                        shown(other)
                    ),
                )
                .at(name_span.clone())
                .label(format!("also `Endpoint::{ident}`"))
                .related(first.clone(), "first made here")
                .hint("rename one endpoint so their words differ"),
            );
        }
        if let Some(first) = seen.slugs.get(slug) {
            return Some(
                Diagnostic::new(
                    Code::DuplicateSlug,
                    format!("slug {} is used twice", shown(slug)),
                )
                .at(slug_span.clone())
                .label("duplicate")
                .related(first.clone(), "first used here")
                .hint("set a distinct `slug` for one of the endpoints"),
            );
        }
        for (key, span) in [
            (name.to_ascii_lowercase(), name_span),
            (slug.to_ascii_lowercase(), slug_span),
            (ident.to_ascii_lowercase(), name_span),
        ] {
            let Some(first) = seen.keys.get(&key).filter(|_| !key.is_empty()) else {
                continue;
            };
            let mut d = Diagnostic::new(
                Code::DuplicateSlug,
                format!(
                    "{} would name two endpoints (or the general table) when parsed ignoring case",
                    shown(&key)
                ),
            )
            .at(span.clone())
            .label("ambiguous")
            .hint("endpoint names, slugs and identifiers must differ ignoring case, and must not be \"general\" or the general table's slug");
            if first.end > 0 {
                d = d.related(first.clone(), "also names this one");
            }
            return Some(d);
        }
        None
    }

    /// Warns about endpoint rows that say exactly what the general row says.
    fn redundant(&mut self, endpoint: &Endpoint, general: &Table, def: &EndpointDef) {
        // Rows with a bad status are not entries; pair the rest by status.
        let rows = def.errors.iter().filter_map(|row| {
            let status = u16::try_from(*row.get_ref().status.get_ref()).ok()?;
            let entry = endpoint.entries.iter().find(|e| e.status == status)?;
            Some((entry, row))
        });
        for (entry, row) in rows {
            let same = general.entries.iter().any(|g| {
                g.status == entry.status
                    && g.meaning == entry.meaning
                    && g.description == entry.description
                    && g.resolution == entry.resolution
                    && g.deprecated == entry.deprecated
                    && g.codes == entry.codes
            });
            if same {
                self.allow(row.get_ref());
                self.push(
                    Diagnostic::new(
                        Code::RedundantEntry,
                        format!(
                            "{} {}'s row for {} repeats the general table's",
                            endpoint.method, endpoint.path, entry.status
                        ),
                    )
                    .at(row.get_ref().status.span())
                    .label("same as the general entry")
                    .hint("remove the row (lookups fall back to the general table), or add `allow = [\"redundant-entry\"]` to it"),
                );
                self.allowed.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! What needs the model, which only this crate sees: the rest of the
    //! rules are tested through `check_str` in tests/rules.rs.
    use super::*;
    use crate::{Code, check_str};

    /// A small valid catalogue.
    const BASE: &str = "[page]\nid = \"errors\"\ntitle = \"Error Codes\"\nslug = \"/errors/\"\n\
        docs_base_url = \"https://docs.example.com\"\n\n[general]\ntitle = \"HTTP Codes\"\n\n\
        [[general.errors]]\nstatus = 400\nmeaning = \"Bad Request\"\n\n\
        [[endpoints]]\nname = \"Get Tracker\"\nmethod = \"GET\"\npath = \"/v1/tracker/{id}\"\n\n\
        [[endpoints.errors]]\nstatus = 404\nmeaning = \"Not Found\"\n";

    /// `BASE` with `from` replaced by `to` (which must be there, once).
    fn edit(from: &str, to: &str) -> String {
        assert_eq!(BASE.matches(from).count(), 1, "{from}");
        BASE.replace(from, to)
    }

    /// The model of `text`, which must parse.
    fn model(text: &str) -> crate::model::CatalogueFile {
        let source = crate::Source::new("errors.toml", text);
        let (file, diagnostics) = crate::read::parse(&source, crate::MAX_FILE_BYTES);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        file.unwrap()
    }

    #[test]
    fn validate_takes_the_model_and_answers_as_check_does() {
        let (catalogue, diagnostics) = validate(&model(BASE));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(catalogue, check_str("errors.toml", BASE).catalogue);
        let text = edit("method = \"GET\"", "method = \"FETCH\"");
        let (catalogue, diagnostics) = validate(&model(&text));
        assert!(catalogue.is_none());
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.id()).collect();
        assert_eq!(codes, ["E0014"]);
    }

    /// `n` endpoints, each with its own name and path and no rows.
    fn with_endpoints(n: usize) -> crate::model::CatalogueFile {
        let mut file = model(BASE);
        let template = file.endpoints[0].clone();
        file.endpoints = (0..n)
            .map(|i| {
                let mut def = template.clone();
                let e = def.get_mut();
                *e.name.get_mut() = format!("Endpoint n{i}");
                *e.path.get_mut() = format!("/e/{i}");
                e.errors.clear();
                def
            })
            .collect();
        file
    }

    #[test]
    fn e0017_endpoint_limit_is_max_endpoints_exactly() {
        // Entry records name their endpoint's row in a u16, row 0 being the
        // general table: every endpoint's row must fit.
        assert_eq!(MAX_ENDPOINTS, usize::from(u16::MAX) - 1);
        let (catalogue, diagnostics) = validate(&with_endpoints(MAX_ENDPOINTS));
        assert!(diagnostics.is_empty(), "{:?}", diagnostics.first());
        assert_eq!(catalogue.unwrap().endpoints.len(), MAX_ENDPOINTS);

        let file = with_endpoints(MAX_ENDPOINTS + 1);
        let extra = file.endpoints[MAX_ENDPOINTS].span();
        let (catalogue, diagnostics) = validate(&file);
        assert!(catalogue.is_none());
        assert_eq!(diagnostics.len(), 1, "{:?}", diagnostics.get(1));
        assert_eq!(diagnostics[0].code, Code::Limit);
        assert_eq!(diagnostics[0].span, Some(extra));
        assert_eq!(
            diagnostics[0].message,
            format!(
                "{} endpoints, over the limit of {MAX_ENDPOINTS} (MAX_ENDPOINTS)",
                MAX_ENDPOINTS + 1
            )
        );
    }
}
