//! Docs renderers (feature `render`): the compiled catalogue as the
//! Docusaurus page it came from (MDX), plain Markdown, a standalone HTML
//! page, JSON (with `serde`)
//! and an OpenAPI 3.1 document (with `serde`), each written to any
//! [`std::io::Write`]. Output is deterministic: the same catalogue gives the
//! same bytes.
//!
//! ```
//! let mut page = Vec::new();
//! error_catalogue::render::mdx(&mut page).unwrap();
//! let page = String::from_utf8(page).unwrap();
//! assert!(page.contains("409 - Conflict <a id=\"create-trackers-409\"></a> | "));
//! ```
//!
//! A catalogue with application codes gets an "Error codes" table after the
//! endpoints' (code, status or "any", meaning, description, resolution; a
//! row per code, anchored at its entry's anchor, `code-card-declined`), and
//! each table some of whose rows list codes a last "Codes" column linking
//! each to its row; tables of a catalogue without codes are as before.
//!
//! Text fields are inline Markdown: code spans, emphasis, strong,
//! strikethrough and links are markup (see [`parse_inline`] for the exact
//! grammar, shared with the build crate's plain-text forms); everything else
//! is escaped for the target so that it shows as written.

mod escape;
mod flat_routes;
mod go;
mod html;
mod lang;
mod markdown;
mod mdx;
#[cfg(feature = "serde")]
mod openapi;
mod page_parts;
mod python;
mod tables;
mod typescript;
#[cfg(feature = "serde")]
mod yaml;

use std::io::{self, Write};

pub use error_catalogue_markup::{Inline, parse_inline, plain_text};
pub use escape::{Place, Target};
pub use tables::{Cell, Piece, Row, Table};

use crate::engine::{Catalogue, CatalogueEndpoint};

/// A docs format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The Docusaurus page: MDX 3 with GFM tables and front matter.
    Mdx,
    /// CommonMark + GFM, no front matter or JSX.
    Markdown,
    /// A standalone HTML page.
    Html,
    /// The whole catalogue as JSON (`schema/catalogue.schema.json`).
    #[cfg(feature = "serde")]
    Json,
    /// An OpenAPI 3.1 document, JSON.
    #[cfg(feature = "serde")]
    OpenApi,
    /// The same OpenAPI 3.1 document, YAML.
    #[cfg(feature = "serde")]
    OpenApiYaml,
    /// The page's tables as JSON: headings, anchors and every cell's plain
    /// text, for search indexes and for checking a rendered page.
    #[cfg(feature = "serde")]
    Tables,
    /// A TypeScript module: the endpoints, every entry and code, `lookup`,
    /// `lookupCode` and `route`.
    TypeScript,
    /// A Go module (package `errcatalog`): the endpoints, every entry and
    /// application code as data, `Lookup`, `LookupCode` and `Route`.
    Go,
    /// A Python module (`errors.py`): the endpoints, entries and codes as
    /// data, `lookup`, `lookup_code` and `route`; standard library only.
    Python,
}

impl Format {
    /// Every format, in the order `errcat render --all` writes them.
    pub const ALL: &'static [Format] = &[
        Format::Mdx,
        Format::Markdown,
        Format::Html,
        #[cfg(feature = "serde")]
        Format::Json,
        #[cfg(feature = "serde")]
        Format::OpenApi,
        #[cfg(feature = "serde")]
        Format::OpenApiYaml,
        #[cfg(feature = "serde")]
        Format::Tables,
        Format::TypeScript,
        Format::Go,
        Format::Python,
    ];

    /// The format's name on the command line (`openapi-yaml`).
    pub fn name(self) -> &'static str {
        self.describe().0
    }

    /// The file name a docs site would give it (`error-codes.mdx`).
    pub fn file_name(self) -> &'static str {
        self.describe().1
    }

    /// One line for people, as `errcat render --help` shows it.
    pub fn summary(self) -> &'static str {
        self.describe().2
    }

    /// The format by its [`name`](Format::name), ignoring ASCII case.
    ///
    /// ```
    /// use error_catalogue::render::Format;
    ///
    /// assert_eq!(Format::from_name("mdx"), Some(Format::Mdx));
    /// assert!(Format::ALL.iter().all(|&f| Format::from_name(f.name()) == Some(f)));
    /// assert_eq!(Format::from_name("docx"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// Name, file name and summary: every fact about a format but how it is
    /// written, in one place, so that a new format is one arm here, one in
    /// [`Format::ALL`] and one in [`Catalogue::render`] (`errcat` takes its
    /// `--format` values from these).
    fn describe(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Format::Mdx => (
                "mdx",
                "error-codes.mdx",
                "The Docusaurus page: MDX 3 with GFM tables",
            ),
            Format::Markdown => ("markdown", "error-codes.md", "CommonMark + GFM"),
            Format::Html => ("html", "error-codes.html", "A standalone HTML page"),
            #[cfg(feature = "serde")]
            Format::Json => ("json", "catalogue.json", "The whole catalogue as JSON"),
            #[cfg(feature = "serde")]
            Format::OpenApi => ("openapi", "openapi.json", "OpenAPI 3.1, JSON"),
            #[cfg(feature = "serde")]
            Format::OpenApiYaml => ("openapi-yaml", "openapi.yaml", "OpenAPI 3.1, YAML"),
            #[cfg(feature = "serde")]
            Format::Tables => (
                "tables",
                "tables.json",
                "The page's tables, every cell as plain text, JSON",
            ),
            Format::TypeScript => (
                "typescript",
                "errors.ts",
                "A TypeScript module: endpoints, entries, lookup, lookupCode, route",
            ),
            Format::Go => (
                "go",
                "errors.go",
                "A Go module: endpoints, entries, lookups and the router",
            ),
            Format::Python => (
                "python",
                "errors.py",
                "A Python module: endpoints, entries, lookup and route",
            ),
        }
    }
}

impl<E: CatalogueEndpoint> Catalogue<E> {
    /// Renders the catalogue in `format` to `w`.
    pub fn render(self, format: Format, w: &mut impl Write) -> io::Result<()> {
        let text = match format {
            Format::Mdx => mdx::page(self),
            Format::Markdown => markdown::page(self),
            Format::Html => html::page(self),
            #[cfg(feature = "serde")]
            Format::Json => {
                serde_json::to_writer_pretty(&mut *w, &self)?;
                return w.write_all(b"\n");
            }
            #[cfg(feature = "serde")]
            Format::OpenApi => {
                serde_json::to_writer_pretty(&mut *w, &openapi::document(self))?;
                return w.write_all(b"\n");
            }
            #[cfg(feature = "serde")]
            Format::OpenApiYaml => yaml::document(&openapi::document(self)),
            Format::Go => go::module(self),
            #[cfg(feature = "serde")]
            Format::Tables => {
                serde_json::to_writer_pretty(&mut *w, &tables_value(self))?;
                return w.write_all(b"\n");
            }
            Format::TypeScript => typescript::module(self),
            Format::Python => python::module(self),
        };
        w.write_all(text.as_bytes())
    }

    /// The page's tables as rows of cells, in page order.
    pub fn tables(self) -> Vec<Table<E>> {
        tables::of(self)
    }
}

/// Renders the shipped catalogue in `format` to `w`.
#[cfg(feature = "symbl")]
pub fn render(format: Format, w: &mut impl Write) -> io::Result<()> {
    crate::Catalogue.render(format, w)
}

/// The shipped catalogue's tables ([`Catalogue::tables`]).
#[cfg(feature = "symbl")]
pub fn tables() -> Vec<Table<crate::Endpoint>> {
    crate::Catalogue.tables()
}

/// The Docusaurus page (MDX 3 + GFM), laid out as the source page.
#[cfg(feature = "symbl")]
pub fn mdx(w: &mut impl Write) -> io::Result<()> {
    render(Format::Mdx, w)
}

/// The page as CommonMark + GFM.
#[cfg(feature = "symbl")]
pub fn markdown(w: &mut impl Write) -> io::Result<()> {
    render(Format::Markdown, w)
}

/// A standalone HTML page with the same content.
#[cfg(feature = "symbl")]
pub fn html(w: &mut impl Write) -> io::Result<()> {
    render(Format::Html, w)
}

/// The whole catalogue as pretty JSON ([`crate::Catalogue`](type@crate::Catalogue)).
#[cfg(all(feature = "serde", feature = "symbl"))]
pub fn json(w: &mut impl Write) -> io::Result<()> {
    render(Format::Json, w)
}

/// An OpenAPI 3.1 document, JSON.
#[cfg(all(feature = "serde", feature = "symbl"))]
pub fn openapi(w: &mut impl Write) -> io::Result<()> {
    render(Format::OpenApi, w)
}

/// The OpenAPI 3.1 document as YAML.
#[cfg(all(feature = "serde", feature = "symbl"))]
pub fn openapi_yaml(w: &mut impl Write) -> io::Result<()> {
    render(Format::OpenApiYaml, w)
}

/// The page's tables as JSON: `{"intro", "notice", "tables": [{"heading",
/// "anchor", "header", "rows": [{"anchor", "cells"}]}]}`, every text plain
/// (markup removed, line breaks kept).
#[cfg(all(feature = "serde", feature = "symbl"))]
pub fn tables_json(w: &mut impl Write) -> io::Result<()> {
    render(Format::Tables, w)
}

#[cfg(feature = "serde")]
fn tables_value<E: CatalogueEndpoint>(c: Catalogue<E>) -> serde_json::Value {
    let page = c.page();
    let tables: Vec<serde_json::Value> = c
        .tables()
        .iter()
        .map(|t| {
            let rows: Vec<serde_json::Value> = t
                .rows
                .iter()
                .map(|r| {
                    let cells: Vec<String> = r.cells.iter().map(Cell::plain_text).collect();
                    serde_json::json!({ "anchor": r.entry.anchor(), "cells": cells })
                })
                .collect();
            let mut table = serde_json::json!({
                "heading": t.heading,
                "anchor": t.anchor,
                "header": t.header,
                "rows": rows,
            });
            if let Some(note) = t.deprecated {
                table["deprecated"] = serde_json::Value::from(plain_text(note));
            }
            table
        })
        .collect();
    let intro: Vec<String> = page.intro().iter().map(|p| plain_text(p)).collect();
    serde_json::json!({
        "intro": intro,
        "notice": page.support().map(|s| plain_text(s.notice())),
        "tables": tables,
    })
}

/// Writes a text field (inline Markdown) for `target`: its markup as the
/// target's markup, everything else escaped so that it shows as written.
pub fn inline_markup(source: &str, target: Target, place: Place) -> String {
    let mut out = String::new();
    escape::markup(&mut out, source, target, place);
    out
}

/// A problem `type` URI for an anchor on the shipped page: the page's URL,
/// `#`, anchor ([`crate::Page::anchor_url`]).
#[cfg(feature = "symbl")]
pub fn anchor_url(anchor: &str) -> crate::DocsUrl<'_> {
    crate::page().anchor_url(anchor)
}

/// A YAML scalar: plain when it cannot be read as anything but that string,
/// else double-quoted.
fn yaml_scalar(out: &mut String, value: &str) {
    let plain = value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '/')
        && !value.ends_with(' ')
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '/'))
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n" | "nan" | "inf"
        )
        && !value.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        out.push_str(value);
    } else {
        escape::js_string(out, value);
    }
}

/// Whether a link keeps its target: http(s), mailto, or no scheme at all
/// (relative, `#anchor`). Others (`javascript:`, `data:`) render as the
/// link's text alone, in every format.
pub(crate) fn safe_url(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(
                scheme.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto"
            )
        }
        _ => true,
    }
}
