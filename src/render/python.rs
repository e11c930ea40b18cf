//! `errcat render --format python`: the catalogue as one Python module
//! (`errors.py`) an SDK drops in, standard library only, accepted by
//! `mypy --strict`, Python 3.9 or later.
//!
//! It holds the endpoints as an `enum.Enum` (`Endpoint.CREATE_TRACKERS`,
//! whose value is an `EndpointInfo`: title, slug, method, path), every
//! entry and application code as a frozen `Entry` constant named from its
//! anchor (`CREATE_TRACKERS_409`, `CODE_CARD_DECLINED`), the tuples
//! `ENTRIES`, `GENERAL`, `CODES`, `BASE_PATHS` and `CODE_POINTERS`, and the
//! functions `lookup`, `lookup_general`, `lookup_code`, `lookup_response`,
//! `lookup_request` and `route`. Held to the engine by
//! `errcat/tests/languages*.rs`, as the TypeScript and Go modules are
//! (every lookup, code, text and thousands of requests).
//!
//! Everything is read from the runtime [`Catalogue`], so a compiled
//! catalogue, a third-party one and `errcat --catalogue X` render alike:
//! the lookup tables are what the engine's lookups answer, and the routes
//! are the engine's own route tries, flattened into one line per template
//! (under each base path, and HEAD's with the GET templates the build adds),
//! each mixed segment carrying its place among its node's mixed edges. The
//! module's matcher takes, of the templates that match, the one whose
//! per-segment priorities (literal, mixed by that place, `{name}`,
//! `{*name}` by segments taken) are least: the order the engine's depth-first
//! walk finds them in.
//!
//! Catalogue text is only ever written as a Python string literal, escaped
//! by [`string`]; names come from [`Names`], which keeps them unique.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use error_catalogue_records::Part;

use super::flat_routes::{self, Segment};
use http::StatusCode;

use super::lang::{self, Names, screaming, words};
use crate::engine::{Catalogue, CatalogueEndpoint, Entry};

/// Module-level names the module defines itself, which an entry's constant
/// must not take (it gets a trailing `_`).
const RESERVED: &[&str] = &[
    "ENTRIES",
    "GENERAL",
    "CODES",
    "BASE_PATHS",
    "CODE_POINTERS",
    "INTEGER_CODES",
    "PAGE_URL",
];

/// What precedes the `Endpoint` enum's members.
const HEAD: &str = r##"
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Dict, Final, List, Optional, Tuple, Union


@dataclass(frozen=True)
class EndpointInfo:
    """An endpoint as the page documents it: the value of its Endpoint member."""

    title: str
    """The name the page heads its table with ("Create Trackers")."""
    slug: str
    """The kebab-case slug, the anchor of its table ("create-trackers")."""
    method: str
    """The HTTP method ("POST")."""
    path: str
    """The path template, parameters in braces ("/v1/manage/tracker/{trackerId}")."""
    deprecated: Optional[str]
    """Why the endpoint is deprecated and what to use instead, when it is."""


class Endpoint(enum.Enum):
    """The catalogue's endpoints, in page order. ``str()`` gives the title;
    Enum's own ``name`` is the member's name."""

    _value_: EndpointInfo
"##;

/// The rest of `Endpoint`, and the entry types.
const TYPES: &str = r##"
    @property
    def title(self) -> str:
        """The name the page heads its table with."""
        return self.value.title

    @property
    def slug(self) -> str:
        """The kebab-case slug, the anchor of its table."""
        return self.value.slug

    @property
    def method(self) -> str:
        """The HTTP method."""
        return self.value.method

    @property
    def path(self) -> str:
        """The path template, parameters in braces."""
        return self.value.path

    @property
    def deprecated(self) -> Optional[str]:
        """Why the endpoint is deprecated and what to use instead, when it is."""
        return self.value.deprecated

    @property
    def entries(self) -> Tuple[Entry, ...]:
        """This endpoint's own entries, in page order (not the general table's)."""
        return tuple(e for e in ENTRIES if e.endpoint is self)

    def __str__(self) -> str:
        return self.value.title

    @classmethod
    def parse(cls, text: str) -> Optional[Endpoint]:
        """The endpoint of a title, slug or member name, ignoring ASCII case."""
        key = text.translate(_ASCII_LOWER)
        for e in cls:
            if key in (f.translate(_ASCII_LOWER) for f in (e.value.title, e.value.slug, e.name)):
                return e
        return None


_ASCII_LOWER: Final[Dict[int, int]] = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


@dataclass(frozen=True)
class Example:
    """An example response body documented with an entry."""

    caption: Optional[str]
    """A one-line caption."""
    lang: str
    """The code block's language ("json")."""
    body: str
    """The body, verbatim."""


@dataclass(frozen=True)
class Entry:
    """One row of the catalogue: what a status means (for one endpoint, or
    for every endpoint in the general table), or one application code.
    Texts are inline Markdown; the ``plain_`` forms have the markup removed."""

    anchor: str
    """The entry's anchor on the docs page ("create-trackers-409")."""
    endpoint: Optional[Endpoint]
    """The endpoint whose table holds it; None for the general table and codes."""
    status: Optional[int]
    """The HTTP status; None for an application code documented with any status."""
    app_code: Optional[str]
    """An application code's entry: the code as sent (integers in decimal)."""
    listed_codes: Tuple[str, ...]
    """The application codes this table row documents under its status."""
    meaning: str
    """Short meaning, usually the reason phrase."""
    plain_meaning: str
    description: Optional[str]
    """What the status means here."""
    plain_description: Optional[str]
    resolution: Optional[str]
    """What the caller should do."""
    plain_resolution: Optional[str]
    retryable: bool
    """Whether a later retry of the same request may succeed."""
    deprecated: Optional[str]
    """Why the entry is deprecated and what to use instead, when it is."""
    example: Optional[Example]
    """The example body documented with it, if any."""
    url: str
    """The entry's URL on the docs page: the page's URL, "#", its anchor."""

    @property
    def is_general(self) -> bool:
        """Whether the entry is the general table's."""
        return self.endpoint is None and self.app_code is None

    def __str__(self) -> str:
        """``409 Conflict``, or for a code ``card_declined Card declined``."""
        head = self.app_code if self.app_code is not None else str(self.status)
        return f"{head} {self.plain_meaning}"
"##;

/// The module's functions and the matcher.
const RUNTIME: &str = include_str!("python/runtime.py");

/// The module for `c`.
pub(super) fn module<E: CatalogueEndpoint>(c: Catalogue<E>) -> String {
    let page = c.page();
    let mut out = format!(
        "# @generated by `errcat render --format python` from page {} at {}.\n\
         # Do not edit: render it again from the catalogue.\n\
         \"\"\"The error catalogue as data: its endpoints, every entry and\n\
         application code, and the lookups and router of the Rust engine.\"\"\"\n",
        string(page.id()),
        string(&page.url().to_string()),
    );
    out.push_str(HEAD);
    let mut members = Names::new(&[], "N_");
    let member: Vec<String> = E::all()
        .iter()
        .map(|e| members.unique(screaming(&words(e.ident()))))
        .collect();
    for (e, name) in E::all().iter().zip(&member) {
        let _ = write!(
            out,
            "\n    {name} = EndpointInfo(\n        title={},\n        slug={},\n        method={},\n        path={},\n        deprecated={},\n    )\n",
            string(e.name()),
            string(e.slug()),
            string(e.method().as_str()),
            string(e.path()),
            optional(e.deprecated()),
        );
    }
    out.push_str(TYPES);
    let endpoint = |e: E| format!("Endpoint.{}", member[e.index()]);

    let mut constants = Names::new(RESERVED, "N_");
    let all: Vec<&'static Entry<E>> = c.entries().iter().chain(c.codes()).collect();
    let named: Vec<(&str, String)> = all
        .iter()
        .map(|e| (e.anchor(), constants.unique(screaming(&words(e.anchor())))))
        .collect();
    // Anchors are unique in a checked catalogue.
    let by_anchor: BTreeMap<&str, &str> = named.iter().map(|(a, n)| (*a, n.as_str())).collect();
    out.push_str("\n\n# The entries: the general table's, each endpoint's, then the codes'.\n");
    for (e, (_, name)) in all.iter().zip(&named) {
        entry(&mut out, name, e, e.endpoint().map(endpoint));
    }
    tables(&mut out, c, &by_anchor, &endpoint);
    out.push_str(RUNTIME);
    routes(&mut out, &endpoint);
    out
}

/// One entry's constant.
fn entry<E: CatalogueEndpoint>(
    out: &mut String,
    name: &str,
    e: &Entry<E>,
    endpoint: Option<String>,
) {
    let listed: Vec<String> = e.listed_codes().iter().map(|c| string(c)).collect();
    let example = e.example().map_or("None".to_string(), |x| {
        format!(
            "Example(caption={}, lang={}, body={})",
            optional(x.caption()),
            string(x.lang()),
            string(x.body())
        )
    });
    let _ = write!(
        out,
        "\n{name}: Final = Entry(\n    anchor={},\n    endpoint={},\n    status={},\n    app_code={},\n    listed_codes={},\n    meaning={},\n    plain_meaning={},\n    description={},\n    plain_description={},\n    resolution={},\n    plain_resolution={},\n    retryable={},\n    deprecated={},\n    example={example},\n    url={},\n)\n",
        string(e.anchor()),
        endpoint.as_deref().unwrap_or("None"),
        e.documented_status()
            .map_or("None".to_string(), |s| s.as_u16().to_string()),
        optional(e.app_code()),
        tuple(&listed),
        string(e.meaning()),
        string(e.plain_meaning()),
        optional(e.description()),
        optional(e.plain_description()),
        optional(e.resolution()),
        optional(e.plain_resolution()),
        if e.retryable() { "True" } else { "False" },
        optional(e.deprecated()),
        string(&e.url().to_string()),
    );
}

/// The public tuples and the lookup indexes, each filled with what the
/// engine's lookups answer.
fn tables<E: CatalogueEndpoint>(
    out: &mut String,
    c: Catalogue<E>,
    by_anchor: &BTreeMap<&str, &str>,
    endpoint: &dyn Fn(E) -> String,
) {
    let name_of = |e: &Entry<E>| by_anchor.get(e.anchor()).copied().unwrap_or("None");
    let names = |entries: &[Entry<E>]| -> Vec<String> {
        entries.iter().map(|e| name_of(e).to_string()).collect()
    };
    let _ = write!(
        out,
        "\n\nENTRIES: Final[Tuple[Entry, ...]] = {}\n\"\"\"Every table entry: the general table's, then each endpoint's, in page order.\"\"\"\n\
         \nGENERAL: Final[Tuple[Entry, ...]] = {}\n\"\"\"The general table: what a status means for any endpoint.\"\"\"\n\
         \nCODES: Final[Tuple[Entry, ...]] = {}\n\"\"\"Every application code's entry, in registry order.\"\"\"\n\
         \nBASE_PATHS: Final[Tuple[str, ...]] = {}\n\"\"\"The base paths a request may carry before the templates.\"\"\"\n\
         \nCODE_POINTERS: Final[Tuple[str, ...]] = {}\n\"\"\"Where a response body carries its application code: JSON Pointers, tried in order.\"\"\"\n\
         \nINTEGER_CODES: Final = {}\n\"\"\"Whether the application codes are integers (sent as JSON numbers), not strings.\"\"\"\n\
         \nPAGE_URL: Final = {}\n\"\"\"The docs page's URL.\"\"\"\n",
        lines("(", &names(c.entries()), ")"),
        lines("(", &names(c.general()), ")"),
        lines("(", &names(c.codes()), ")"),
        lines(
            "(",
            &c.base_paths().iter().map(|b| string(b)).collect::<Vec<_>>(),
            ")",
        ),
        lines(
            "(",
            &c.code_pointers()
                .iter()
                .map(|p| string(p))
                .collect::<Vec<_>>(),
            ")",
        ),
        if c.integer_codes() { "True" } else { "False" },
        string(&c.page().url().to_string()),
    );
    // Each status once, in page order.
    let statuses = |entries: &[Entry<E>]| {
        let mut seen: Vec<StatusCode> = Vec::new();
        for s in entries.iter().filter_map(Entry::documented_status) {
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
        seen
    };
    let index = |pairs: Vec<(StatusCode, Option<&Entry<E>>)>| {
        let items: Vec<String> = pairs
            .into_iter()
            .filter_map(|(s, e)| Some(format!("{}: {}", s.as_u16(), name_of(e?))))
            .collect();
        format!("{{{}}}", items.join(", "))
    };
    let general: Vec<String> = statuses(c.general())
        .into_iter()
        .filter_map(|s| {
            Some(format!(
                "{}: {}",
                s.as_u16(),
                name_of(E::lookup_general(s)?)
            ))
        })
        .collect();
    let _ = write!(
        out,
        "\n_GENERAL_BY_STATUS: Final[Dict[int, Entry]] = {}\n\
         \n_OWN_BY_STATUS: Final[Dict[Endpoint, Dict[int, Entry]]] = {{\n",
        lines("{", &general, "}")
    );
    for &e in E::all() {
        let own = statuses(e.entries())
            .into_iter()
            .map(|s| (s, e.lookup(s).filter(|x| x.endpoint() == Some(e))))
            .collect();
        let _ = writeln!(out, "    {}: {},", endpoint(e), index(own));
    }
    out.push_str("}\n\n_BY_CODE: Final[Dict[str, Entry]] = {");
    let codes: Vec<String> = c
        .codes()
        .iter()
        .filter_map(|e| {
            let code = e.app_code()?;
            let found = E::lookup_code(code)?;
            Some(format!("\n    {}: {},", string(code), name_of(found)))
        })
        .collect();
    out.push_str(&codes.concat());
    out.push_str(if codes.is_empty() { "}\n" } else { "\n}\n" });
}

/// The routes, per method ([`flat_routes::by_method`]), one line per
/// template, in page order of their endpoints.
fn routes<E: CatalogueEndpoint>(out: &mut String, endpoint: &dyn Fn(E) -> String) {
    out.push_str("\n\n_ROUTES: Final[Dict[str, Tuple[_Route, ...]]] = {\n");
    for (method, mut routes) in flat_routes::by_method::<E>() {
        let base_at = |base: &str| {
            E::tables()
                .base_paths
                .iter()
                .position(|b| *b == base)
                .unwrap_or(0)
        };
        routes.sort_by_key(|r| (r.endpoint.index(), base_at(r.base_path)));
        let _ = writeln!(out, "    {}: (", string(method));
        for route in routes {
            let segments: Vec<String> = route.segments.iter().map(segment).collect();
            let _ = writeln!(
                out,
                "        _Route({}, {}, {}),",
                endpoint(route.endpoint),
                string(route.base_path),
                tuple(&segments)
            );
        }
        out.push_str("    ),\n");
    }
    out.push_str("}\n");
}

/// A route's segment as a Python expression: `_lit("v1")`, `_mixed(rank,
/// parts…)` (each text a string, each parameter `None`), `_PARAM`,
/// `_CATCH_ALL`.
fn segment(segment: &Segment) -> String {
    match *segment {
        Segment::Literal(text) => format!("_lit({})", string(text)),
        Segment::Mixed { rank, parts } => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| match p {
                    Part::Text(t) => string(t),
                    Part::Param(_) => "None".to_string(),
                })
                .collect();
            format!("_mixed({rank}, {})", parts.join(", "))
        }
        Segment::Param => "_PARAM".to_string(),
        Segment::Multi => "_CATCH_ALL".to_string(),
    }
}

/// A Python tuple of expressions (`()`, `(a,)`, `(a, b)`).
fn tuple(items: &[String]) -> String {
    match items {
        [] => "()".to_string(),
        [one] => format!("({one},)"),
        _ => format!("({})", items.join(", ")),
    }
}

/// A tuple or dict of `items`, one a line (`()` or `{}` when empty), so a
/// change shows as a line of the snapshot's diff.
fn lines(open: &str, items: &[String], close: &str) -> String {
    if items.is_empty() {
        return format!("{open}{close}");
    }
    let mut out = format!("{open}\n");
    for item in items {
        let _ = writeln!(out, "    {item},");
    }
    out + close
}

/// `None`, or the string literal.
fn optional(s: Option<&str>) -> String {
    s.map_or("None".to_string(), string)
}

/// A Python string literal of `s`, double-quoted ([`lang::quoted`]).
pub(crate) fn string(s: &str) -> String {
    lang::quoted(s, lang::escape_code_point)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_python_or_a_reader_would_misread() {
        assert_eq!(
            string("plain é 🚀 {x} ${y} */ #"),
            "\"plain é 🚀 {x} ${y} */ #\""
        );
        assert_eq!(string("\"\"\" '''"), r#""\"\"\" '''""#);
        assert_eq!(string(r"\N{BULLET} \x41"), r#""\\N{BULLET} \\x41""#);
        assert_eq!(string("a\r\n\tb"), r#""a\r\n\tb""#);
        assert_eq!(string("\0\u{7f}\u{85}\u{b}"), r#""\x00\x7f\u0085\x0b""#);
        assert_eq!(
            string("\u{2028}\u{2029}\u{202e}\u{2066}\u{feff}"),
            r#""\u2028\u2029\u202e\u2066\ufeff""#
        );
    }

    #[test]
    fn tuples_and_blocks() {
        assert_eq!(tuple(&[]), "()");
        assert_eq!(tuple(&["a".into()]), "(a,)");
        assert_eq!(tuple(&["a".into(), "b".into()]), "(a, b)");
        assert_eq!(lines("(", &[], ")"), "()");
        assert_eq!(lines("(", &["a".into()], ")"), "(\n    a,\n)");
    }
}
