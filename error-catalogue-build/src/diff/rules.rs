//! The comparison itself: two checked versions side by side, each rule's
//! findings made as the tables are walked (the page's in `page.rs`, the
//! application codes' in `codes.rs`).

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::{Bump, Checked, Diff, Finding, Level, Rule, Side};
use crate::catalogue::{AppCode, Catalogue, CodeValue, Endpoint, Entry};
use crate::diagnostic::shown;
use crate::model::{CatalogueFile, CodeDef, EndpointDef, EntryDef};
use crate::names;
use crate::validate::GENERAL_KEY;

/// Compares two checked catalogues. Linear in their sizes (plus one finding
/// per endpoint that relied on a changed general entry).
pub fn diff(old: &Checked, new: &Checked) -> Diff {
    let old = Version::new(old);
    let new = Version::new(new);
    let mut d = Differ {
        findings: Vec::new(),
    };
    d.page(&old, &new);
    d.base_paths(&old, &new);
    d.general(&old, &new);
    d.endpoints(&old, &new);
    d.codes(&old, &new);
    let mut findings = d.findings;
    findings.sort_by(|a, b| {
        (b.level, b.side, a.span.start, a.rule).cmp(&(a.level, a.side, b.span.start, b.rule))
    });
    Diff { findings }
}

/// One side, indexed: model and catalogue side by side.
pub(super) struct Version<'a> {
    pub(super) file: &'a CatalogueFile,
    pub(super) cat: &'a Catalogue,
    slugs: HashMap<&'a str, usize>,
    /// Per endpoint, status → row index.
    rows: Vec<HashMap<u16, usize>>,
    general: HashMap<u16, usize>,
    /// Code → index in `[[codes]]`.
    codes: HashMap<&'a CodeValue, usize>,
}

impl<'a> Version<'a> {
    fn new(c: &'a Checked) -> Self {
        let cat = c.catalogue();
        let file = &c.file;
        // A catalogue without errors keeps every endpoint and row of its model.
        debug_assert_eq!(cat.endpoints.len(), file.endpoints.len());
        debug_assert_eq!(cat.general.entries.len(), file.general.errors.len());
        debug_assert_eq!(cat.codes.len(), file.codes.len());
        let statuses = |entries: &[Entry]| -> HashMap<u16, usize> {
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| (e.status, i))
                .collect()
        };
        Version {
            file,
            cat,
            slugs: cat
                .endpoints
                .iter()
                .enumerate()
                .map(|(i, e)| (e.slug.as_str(), i))
                .collect(),
            rows: cat.endpoints.iter().map(|e| statuses(&e.entries)).collect(),
            general: statuses(&cat.general.entries),
            codes: cat
                .codes
                .iter()
                .enumerate()
                .map(|(i, c)| (&c.code, i))
                .collect(),
        }
    }

    /// The `[[codes]]` entry of `code`, checked and as written.
    pub(super) fn code(&self, code: &CodeValue) -> Option<(&'a AppCode, &'a CodeDef)> {
        let &i = self.codes.get(code)?;
        Some((&self.cat.codes[i], self.file.codes[i].get_ref()))
    }

    fn endpoint(&self, i: usize) -> (&'a Endpoint, &'a EndpointDef) {
        (&self.cat.endpoints[i], self.file.endpoints[i].get_ref())
    }
}

/// Where an endpoint is named: its `slug`, else its `name`.
fn endpoint_span(def: &EndpointDef) -> Range<usize> {
    def.slug.as_ref().unwrap_or(&def.name).span()
}

/// One table's rows, catalogue and model side by side.
#[derive(Clone, Copy)]
pub(super) struct Rows<'a> {
    /// The side the table is on.
    pub(super) version: &'a Version<'a>,
    /// `general` or the endpoint's slug.
    pub(super) key: &'a str,
    /// The slug the `codes::` constants are named by.
    const_slug: &'a str,
    entries: &'a [Entry],
    defs: &'a [Spanned<EntryDef>],
    statuses: &'a HashMap<u16, usize>,
    /// Whether the table's endpoint is deprecated (its rows with it).
    pub(super) deprecated: bool,
}

pub(super) struct Differ {
    findings: Vec<Finding>,
}

/// A finding under construction.
pub(super) struct F {
    rule: Rule,
    level: Level,
    bump: Bump,
    side: Side,
    span: Range<usize>,
    endpoint: Option<String>,
    status: Option<u16>,
    code: Option<String>,
}

impl F {
    pub(super) fn new(rule: Rule, level: Level, bump: Bump, side: Side, span: Range<usize>) -> F {
        F {
            rule,
            level,
            bump,
            side,
            span,
            endpoint: None,
            status: None,
            code: None,
        }
    }

    pub(super) fn on(mut self, endpoint: &str, status: Option<u16>) -> F {
        self.endpoint = Some(endpoint.to_string());
        self.status = status;
        self
    }

    /// About one application code: `status` is the code's (`None`: any
    /// status), or the row's for a row's listing of it.
    pub(super) fn about(mut self, code: &CodeValue, status: Option<u16>) -> F {
        self.code = Some(code.to_string());
        self.status = status;
        self
    }
}

pub(super) fn label(key: &str, e: &Entry) -> String {
    format!("{key} {} {}", e.status, shown(&e.meaning))
}

fn route(e: &Endpoint) -> String {
    format!("{} {}", e.method, e.path)
}

pub(super) const DEPRECATE_FIRST: &str = "deprecate it first (`deprecated = \"why, and what to use instead\"`), release that, and remove it in a later major version";

/// Level, bump, consequence and hint of removing something: what was
/// deprecated first goes as planned (info, minor); anything else breaks
/// what `breaks` says, with its hint (breaking, major).
pub(super) fn removal(
    deprecated: bool,
    breaks: impl FnOnce() -> (String, Option<String>),
) -> (Level, Bump, String, Option<String>) {
    if deprecated {
        (
            Level::Info,
            Bump::Minor,
            "it was deprecated".to_string(),
            None,
        )
    } else {
        let (what, hint) = breaks();
        (Level::Breaking, Bump::Major, what, hint)
    }
}

impl Differ {
    pub(super) fn push(&mut self, f: F, message: String, hint: Option<String>) {
        self.findings.push(Finding {
            rule: f.rule,
            level: f.level,
            bump: f.bump,
            side: f.side,
            span: f.span,
            endpoint: f.endpoint,
            status: f.status,
            code: f.code,
            message,
            hint,
        });
    }

    fn general(&mut self, old: &Version<'_>, new: &Version<'_>) {
        let (og, ng) = (&old.cat.general, &new.cat.general);
        let ngd = &new.file.general;
        if og.title != ng.title {
            self.push(
                F::new(
                    Rule::PageChanged,
                    Level::Info,
                    Bump::Patch,
                    Side::New,
                    ngd.title.span(),
                )
                .on(GENERAL_KEY, None),
                format!(
                    "the general table's title changed from {} to {}",
                    shown(&og.title),
                    shown(&ng.title)
                ),
                None,
            );
        }
        if og.slug != ng.slug {
            let span = ngd.slug.as_ref().unwrap_or(&ngd.title).span();
            let example = og.entries.first().map_or(String::new(), |e| {
                format!(
                    " (`codes::{}` becomes `codes::{}`)",
                    names::const_ident(&og.slug, e.status),
                    names::const_ident(&ng.slug, e.status)
                )
            });
            self.push(
                F::new(Rule::GeneralSlugChanged, Level::Breaking, Bump::Major, Side::New, span)
                    .on(GENERAL_KEY, None),
                format!(
                    "the general table's slug changed from {} to {}: its entries' `codes::` constants{example} and docs anchors change",
                    shown(&og.slug),
                    shown(&ng.slug)
                ),
                Some(format!("keep `slug = {}` under [general]", shown(&og.slug))),
            );
        }
        self.rows(
            Rows {
                version: old,
                key: GENERAL_KEY,
                const_slug: &og.slug,
                entries: &og.entries,
                defs: &old.file.general.errors,
                statuses: &old.general,
                deprecated: false,
            },
            Rows {
                version: new,
                key: GENERAL_KEY,
                const_slug: &ng.slug,
                entries: &ng.entries,
                defs: &new.file.general.errors,
                statuses: &new.general,
                deprecated: false,
            },
        );
    }

    fn endpoints(&mut self, old: &Version<'_>, new: &Version<'_>) {
        // Routes of the endpoints only one side has, to tell a renamed slug.
        let removed: Vec<usize> = (0..old.cat.endpoints.len())
            .filter(|&i| !new.slugs.contains_key(old.cat.endpoints[i].slug.as_str()))
            .collect();
        let added: Vec<usize> = (0..new.cat.endpoints.len())
            .filter(|&i| !old.slugs.contains_key(new.cat.endpoints[i].slug.as_str()))
            .collect();
        let routes = |v: &Version<'_>, which: &[usize]| -> HashMap<(String, String), String> {
            which
                .iter()
                .map(|&i| {
                    let e = &v.cat.endpoints[i];
                    ((e.method.clone(), e.path.clone()), e.slug.clone())
                })
                .collect()
        };
        // General entries removed or answering differently, for `fallback-changed`.
        let changed: Vec<(&Entry, Option<&Entry>)> = old
            .cat
            .general
            .entries
            .iter()
            .filter_map(|o| {
                let answer = new
                    .general
                    .get(&o.status)
                    .map(|&k| &new.cat.general.entries[k]);
                match answer {
                    Some(a) if !answers_differ(o, a) => None,
                    _ => Some((o, answer)),
                }
            })
            .collect();
        let removed_routes = routes(old, &removed);
        let added_routes = routes(new, &added);
        for &i in &removed {
            let (e, def) = old.endpoint(i);
            let renamed = added_routes.get(&(e.method.clone(), e.path.clone()));
            let (level, bump) = if e.deprecated.is_some() {
                (Level::Info, Bump::Minor)
            } else {
                (Level::Breaking, Bump::Major)
            };
            let hint = match (renamed, &e.deprecated) {
                (Some(slug), _) => Some(format!(
                    "the route {} is the same as new endpoint {}'s: if this is a rename, keep `slug = {}` so `codes::` constants, docs anchors and CLI names stay",
                    route(e),
                    shown(slug),
                    shown(&e.slug)
                )),
                (None, Some(_)) => None,
                (None, None) => Some(DEPRECATE_FIRST.to_string()),
            };
            let what = if e.deprecated.is_some() {
                "it was deprecated".to_string()
            } else {
                format!(
                    "code naming `Endpoint::{}` or its `codes::` constants stops compiling, and clients of {} lose its documented errors",
                    e.ident,
                    route(e)
                )
            };
            self.push(
                F::new(
                    Rule::EndpointRemoved,
                    level,
                    bump,
                    Side::Old,
                    endpoint_span(def),
                )
                .on(&e.slug, None),
                format!(
                    "endpoint {} ({}) was removed: {what}",
                    shown(&e.slug),
                    route(e)
                ),
                hint,
            );
        }
        for (i, (e, def)) in new
            .cat
            .endpoints
            .iter()
            .zip(&new.file.endpoints)
            .enumerate()
        {
            let def = def.get_ref();
            let Some(&j) = old.slugs.get(e.slug.as_str()) else {
                let hint = removed_routes
                    .get(&(e.method.clone(), e.path.clone()))
                    .map(|slug| {
                        format!(
                            "the route {} is the same as removed endpoint {}'s",
                            route(e),
                            shown(slug)
                        )
                    });
                self.push(
                    F::new(
                        Rule::EndpointAdded,
                        Level::Info,
                        Bump::Minor,
                        Side::New,
                        endpoint_span(def),
                    )
                    .on(&e.slug, None),
                    format!("endpoint {} ({}) was added", shown(&e.slug), route(e)),
                    hint,
                );
                continue;
            };
            let (o, odef) = old.endpoint(j);
            self.endpoint(o, e, def);
            self.rows(
                Rows {
                    version: old,
                    key: &o.slug,
                    const_slug: &o.slug,
                    entries: &o.entries,
                    defs: &odef.errors,
                    statuses: &old.rows[j],
                    deprecated: o.deprecated.is_some(),
                },
                Rows {
                    version: new,
                    key: &e.slug,
                    const_slug: &e.slug,
                    entries: &e.entries,
                    defs: &def.errors,
                    statuses: &new.rows[i],
                    deprecated: e.deprecated.is_some(),
                },
            );
            self.fallback(&changed, (&old.rows[j], &new.rows[i]), e, def);
        }
    }

    /// One endpoint both sides have: route, name, deprecation.
    fn endpoint(&mut self, o: &Endpoint, n: &Endpoint, ndef: &EndpointDef) {
        if (&o.method, &o.path) != (&n.method, &n.path) {
            let span = if o.method != n.method {
                ndef.method.span()
            } else {
                ndef.path.span()
            };
            self.push(
                F::new(Rule::EndpointRouteChanged, Level::Breaking, Bump::Major, Side::New, span)
                    .on(&n.slug, None),
                format!(
                    "endpoint {} moved from {} to {}: clients calling the old route, and code matching its parameters, break",
                    shown(&n.slug),
                    route(o),
                    route(n)
                ),
                Some(format!(
                    "keep {} and add the new route as another endpoint, deprecating the old one",
                    route(o)
                )),
            );
        }
        if o.name != n.name {
            let (level, bump, what) = if o.ident != n.ident {
                (
                    Level::Breaking,
                    Bump::Major,
                    format!(
                        ": `Endpoint::{}` becomes `Endpoint::{}`, and code naming it stops compiling",
                        o.ident, n.ident
                    ),
                )
            } else {
                (Level::Info, Bump::Patch, String::new())
            };
            self.push(
                F::new(
                    Rule::EndpointRenamed,
                    level,
                    bump,
                    Side::New,
                    ndef.name.span(),
                )
                .on(&n.slug, None),
                format!(
                    "endpoint {} was renamed from {} to {}{what}",
                    shown(&n.slug),
                    shown(&o.name),
                    shown(&n.name)
                ),
                None,
            );
        }
        let status_span = ndef.name.span();
        self.deprecation(
            &o.deprecated,
            &n.deprecated,
            ndef.deprecated.as_ref().map_or(status_span, Spanned::span),
            |f| f.on(&n.slug, None),
            &format!("endpoint {}", shown(&n.slug)),
        );
    }

    /// `deprecated`: `about` says whose (an endpoint, entry or code).
    pub(super) fn deprecation(
        &mut self,
        was: &Option<String>,
        is: &Option<String>,
        span: Range<usize>,
        about: impl FnOnce(F) -> F,
        what: &str,
    ) {
        let (bump, message) = match (was, is) {
            (None, Some(note)) => (
                Bump::Minor,
                format!("{what} is now deprecated: {}", shown(note)),
            ),
            (Some(_), None) => (Bump::Minor, format!("{what} is no longer deprecated")),
            (Some(a), Some(b)) if a != b => (
                Bump::Patch,
                format!("{what}'s deprecation note changed to {}", shown(b)),
            ),
            _ => return,
        };
        self.push(
            about(F::new(Rule::Deprecated, Level::Info, bump, Side::New, span)),
            message,
            None,
        );
    }

    /// One table both sides have: removed, added and changed rows.
    fn rows(&mut self, old: Rows<'_>, new: Rows<'_>) {
        if old.entries == new.entries {
            return;
        }
        for (o, odef) in old.entries.iter().zip(old.defs) {
            if new.statuses.contains_key(&o.status) {
                continue;
            }
            let deprecated = o.deprecated.is_some() || old.deprecated;
            let konst = names::const_ident(old.const_slug, o.status);
            let (level, bump, what, hint) = removal(deprecated, || {
                let (whose, then) = if old.key == GENERAL_KEY {
                    ("any endpoint's", "without its own row answer nothing")
                } else {
                    (old.key, "fall back to the general table")
                };
                (
                    format!(
                        "`codes::{konst}` and code naming it stop compiling, and lookups for {whose} {} {then}",
                        o.status
                    ),
                    Some(DEPRECATE_FIRST.to_string()),
                )
            });
            self.push(
                F::new(
                    Rule::EntryRemoved,
                    level,
                    bump,
                    Side::Old,
                    odef.get_ref().status.span(),
                )
                .on(old.key, Some(o.status)),
                format!("entry {} was removed: {what}", label(old.key, o)),
                hint,
            );
        }
        for (n, ndef) in new.entries.iter().zip(new.defs) {
            let ndef = ndef.get_ref();
            let at = |span: Option<Range<usize>>| span.unwrap_or_else(|| ndef.status.span());
            let Some(&j) = old.statuses.get(&n.status) else {
                self.push(
                    F::new(
                        Rule::EntryAdded,
                        Level::Info,
                        Bump::Minor,
                        Side::New,
                        ndef.status.span(),
                    )
                    .on(new.key, Some(n.status)),
                    format!("entry {} was added", label(new.key, n)),
                    None,
                );
                continue;
            };
            let (o, odef) = (&old.entries[j], old.defs[j].get_ref());
            if o == n {
                continue;
            }
            let f = |rule, level, bump, span| {
                F::new(rule, level, bump, Side::New, span).on(new.key, Some(n.status))
            };
            if o.meaning != n.meaning {
                self.push(
                    f(
                        Rule::EntryMeaningChanged,
                        Level::Warning,
                        Bump::Minor,
                        ndef.meaning.span(),
                    ),
                    format!(
                        "entry {} {}'s meaning changed from {} to {}",
                        new.key,
                        n.status,
                        shown(&o.meaning),
                        shown(&n.meaning)
                    ),
                    None,
                );
            }
            let texts = [
                (
                    "description",
                    &o.description,
                    &n.description,
                    &ndef.description,
                ),
                ("resolution", &o.resolution, &n.resolution, &ndef.resolution),
            ];
            for (key, was, is, def) in texts {
                let change = match (was, is) {
                    (None, Some(_)) => "was added",
                    (Some(_), None) => "was removed",
                    (Some(a), Some(b)) if a != b => "changed",
                    _ => continue,
                };
                self.push(
                    f(
                        Rule::EntryTextChanged,
                        Level::Info,
                        Bump::Patch,
                        at(def.as_ref().map(Spanned::span)),
                    ),
                    format!("entry {}'s {key} {change}", label(new.key, n)),
                    None,
                );
            }
            if o.example != n.example {
                let span = at(ndef.example.as_ref().map(|e| e.body.span()));
                let change = match (&o.example, &n.example) {
                    (None, _) => "was added",
                    (_, None) => "was removed",
                    _ => "changed",
                };
                self.push(
                    f(Rule::EntryExampleChanged, Level::Info, Bump::Patch, span),
                    format!("entry {}'s example {change}", label(new.key, n)),
                    None,
                );
            }
            if o.retryable != n.retryable {
                let span = at(ndef.retryable.as_ref().map(Spanned::span));
                if o.retryable {
                    self.push(
                        f(Rule::EntryRetryableNarrowed, Level::Breaking, Bump::Major, span),
                        format!(
                            "entry {} is no longer retryable: retry loops and `Retry-After` handling that relied on it change",
                            label(new.key, n)
                        ),
                        Some("keep `retryable = true` unless a retry can never succeed".to_string()),
                    );
                } else {
                    self.push(
                        f(Rule::EntryRetryableWidened, Level::Info, Bump::Minor, span),
                        format!("entry {} is now retryable", label(new.key, n)),
                        None,
                    );
                }
            }
            self.deprecation(
                &o.deprecated,
                &n.deprecated,
                at(ndef.deprecated.as_ref().map(Spanned::span)),
                |f| f.on(new.key, Some(n.status)),
                &format!("entry {}", label(new.key, n)),
            );
            self.listed_codes(&old, &new, (o, odef), (n, ndef));
        }
    }

    /// `fallback-changed`: statuses this endpoint had no row for on either
    /// side, answered by a general entry that was removed or changed.
    fn fallback(
        &mut self,
        changed: &[(&Entry, Option<&Entry>)],
        (own_old, own_new): (&HashMap<u16, usize>, &HashMap<u16, usize>),
        n: &Endpoint,
        ndef: &EndpointDef,
    ) {
        for &(o, answer) in changed {
            if own_old.contains_key(&o.status) || own_new.contains_key(&o.status) {
                continue;
            }
            let general = label(GENERAL_KEY, o);
            let (level, bump, message, hint) = match answer {
                None => (
                    Level::Breaking,
                    Bump::Major,
                    format!(
                        "lookup({}, {}) fell back to {general}, which was removed: it now answers nothing",
                        n.slug, o.status
                    ),
                    format!(
                        "keep the general row, or give {} its own {} row",
                        shown(&n.slug),
                        o.status
                    ),
                ),
                Some(a) => (
                    Level::Warning,
                    Bump::Minor,
                    format!(
                        "lookup({}, {}) falls back to {general}, whose {} changed: it answers differently for this endpoint",
                        n.slug,
                        o.status,
                        changed_fields(o, a).join(", ")
                    ),
                    format!(
                        "if {} should keep the old answer, give it its own {} row",
                        shown(&n.slug),
                        o.status
                    ),
                ),
            };
            self.push(
                F::new(
                    Rule::FallbackChanged,
                    level,
                    bump,
                    Side::New,
                    endpoint_span(ndef),
                )
                .on(&n.slug, Some(o.status)),
                message,
                Some(hint),
            );
        }
    }
}

/// The fields of `a` and `b` that a lookup's caller sees differ in.
fn changed_fields(a: &Entry, b: &Entry) -> Vec<&'static str> {
    [
        ("meaning", a.meaning != b.meaning),
        ("description", a.description != b.description),
        ("resolution", a.resolution != b.resolution),
        ("retryable", a.retryable != b.retryable),
        ("example", a.example != b.example),
        ("codes", !super::codes::same_codes(&a.codes, &b.codes)),
    ]
    .into_iter()
    .filter_map(|(field, differs)| differs.then_some(field))
    .collect()
}

/// Whether a lookup answering `b` instead of `a` tells the caller something else.
fn answers_differ(a: &Entry, b: &Entry) -> bool {
    !changed_fields(a, b).is_empty()
}
