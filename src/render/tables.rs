//! The page's tables as rows of cells: the one layout the MDX and Markdown
//! renderers share, and the plain cell texts a check can compare a rendered
//! page with.

use std::borrow::Cow;

use crate::engine::{Catalogue, CatalogueEndpoint, Entry};

/// One table of the page: the general table, an endpoint's, or the
/// application codes' ("Error codes", after the others, when the catalogue
/// has codes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<E: CatalogueEndpoint> {
    /// The heading, plain text ("HTTP Codes", "Create Trackers - POST").
    pub heading: String,
    /// The section's anchor: the general table's slug, the endpoint's, or
    /// `error-codes` for the codes' table.
    pub anchor: Cow<'static, str>,
    /// The endpoint, or `None` for the general table and the codes' table.
    pub endpoint: Option<E>,
    /// The endpoint's deprecation note, when it is deprecated (inline
    /// Markdown): the page says so under the heading.
    pub deprecated: Option<&'static str>,
    /// Column headings.
    pub header: &'static [&'static str],
    /// The source page's delimiter row, kept as written.
    pub delimiter: &'static str,
    /// One row per entry, in page order.
    pub rows: Vec<Row<E>>,
}

/// One row: an entry's cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<E: CatalogueEndpoint> {
    /// The entry shown.
    pub entry: &'static Entry<E>,
    /// The cells, left to right.
    pub cells: Vec<Cell>,
}

/// A cell: plain text pieces (the status, separators) and inline-Markdown
/// pieces (the entry's fields), in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell(pub Vec<Piece>);

/// A piece of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text the renderer wrote (a status, ` - `, ` -- `): no markup.
    Plain(String),
    /// A text field, inline Markdown.
    Markup(&'static str),
    /// An application code as sent, shown as a code span; linked to `anchor`
    /// (its row in the codes' table) when it has one.
    Code {
        /// The code as the API sends it (never markup).
        code: &'static str,
        /// The anchor of the code's row, for a row that lists the code.
        anchor: Option<&'static str>,
    },
}

impl Cell {
    /// The cell as it reads: markup removed, line breaks kept.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Plain(s) => out.push_str(s),
                Piece::Markup(s) => out.push_str(&super::plain_text(s)),
                Piece::Code { code, .. } => out.push_str(code),
            }
        }
        out
    }
}

/// The general table's columns: `200 | OK -- Success.`
const GENERAL_HEADER: &[&str] = &["Error Code", "Meaning"];
/// An endpoint table's columns: `409 - Conflict | description | resolution`.
const ENDPOINT_HEADER: &[&str] = &["Error Code", "Description", "Resolution"];
/// An endpoint table none of whose rows has a resolution (an imported
/// OpenAPI description has none) leaves that column out.
const ENDPOINT_HEADER_NO_RESOLUTION: &[&str] = &["Error Code", "Description"];
/// A table some of whose rows list application codes gains a last column,
/// each code linked to its row in the codes' table; tables whose rows list
/// none keep the columns above.
const GENERAL_HEADER_CODES: &[&str] = &["Error Code", "Meaning", "Codes"];
const ENDPOINT_HEADER_CODES: &[&str] = &["Error Code", "Description", "Resolution", "Codes"];
const ENDPOINT_HEADER_NO_RESOLUTION_CODES: &[&str] = &["Error Code", "Description", "Codes"];
/// The codes' table: `` `card_declined` | 402 | Card declined | … ``.
const CODES_HEADER: &[&str] = &["Code", "Status", "Meaning", "Description", "Resolution"];
/// The codes' table's heading, and its anchor unless a section has it.
pub(crate) const CODES_TITLE: &str = "Error codes";
const CODES_SLUG: &str = "error-codes";
/// What the status column says of a code that comes with any status.
pub(crate) const ANY_STATUS: &str = "any";

/// Every table, general first, then each endpoint's, in page order.
pub(crate) fn of<E: CatalogueEndpoint>(c: Catalogue<E>) -> Vec<Table<E>> {
    let page = c.page();
    let general_codes = lists_codes(c.general());
    let (header, delimiter) = if general_codes {
        (GENERAL_HEADER_CODES, "---------- | ------- | -----")
    } else {
        (GENERAL_HEADER, "---------- | -------")
    };
    let mut tables = vec![Table {
        heading: page.general_title().to_string(),
        anchor: Cow::Borrowed(page.general_slug()),
        endpoint: None,
        deprecated: None,
        header,
        delimiter,
        rows: c
            .general()
            .iter()
            .map(|x| {
                let mut row = general_row(x);
                if general_codes {
                    row.cells.push(listed_codes(x));
                }
                row
            })
            .collect(),
    }];
    tables.extend(c.endpoints().iter().map(|&e| {
        let resolutions = e.entries().iter().any(|x| x.resolution().is_some());
        let codes = lists_codes(e.entries());
        let (header, delimiter) = match (resolutions, codes) {
            (true, false) => (ENDPOINT_HEADER, "---------- | ------- | ---------"),
            (false, false) => (ENDPOINT_HEADER_NO_RESOLUTION, "---------- | -------"),
            (true, true) => (
                ENDPOINT_HEADER_CODES,
                "---------- | ------- | --------- | -----",
            ),
            (false, true) => (
                ENDPOINT_HEADER_NO_RESOLUTION_CODES,
                "---------- | ------- | -----",
            ),
        };
        Table {
            heading: format!("{} - {}", e.name(), e.method()),
            anchor: Cow::Borrowed(e.slug()),
            endpoint: Some(e),
            deprecated: e.deprecated(),
            header,
            delimiter,
            rows: e
                .entries()
                .iter()
                .map(|x| {
                    let mut row = endpoint_row(x, resolutions);
                    if codes {
                        row.cells.push(listed_codes(x));
                    }
                    row
                })
                .collect(),
        }
    }));
    if !c.codes().is_empty() {
        tables.push(Table {
            heading: CODES_TITLE.to_string(),
            anchor: codes_anchor(c),
            endpoint: None,
            deprecated: None,
            header: CODES_HEADER,
            delimiter: "---- | ------ | ------- | ----------- | ----------",
            rows: c.codes().iter().map(code_row).collect(),
        });
    }
    tables
}

/// The codes' table's anchor: `error-codes`, or the first `error-codes-N`
/// no other section or row has (an endpoint may be named "Error Codes").
pub(crate) fn codes_anchor<E: CatalogueEndpoint>(c: Catalogue<E>) -> Cow<'static, str> {
    let taken = |anchor: &str| {
        c.page().general_slug() == anchor
            || c.endpoints().iter().any(|e| e.slug() == anchor)
            || c.entries().iter().any(|x| x.anchor() == anchor)
    };
    if !taken(CODES_SLUG) {
        return Cow::Borrowed(CODES_SLUG);
    }
    let free = (2..)
        .map(|n| format!("{CODES_SLUG}-{n}"))
        .find(|a| !taken(a))
        .unwrap_or_default();
    Cow::Owned(free)
}

fn lists_codes<E: CatalogueEndpoint>(entries: &[Entry<E>]) -> bool {
    entries.iter().any(|x| !x.listed_codes().is_empty())
}

/// The codes a row lists, each linked to its row in the codes' table.
fn listed_codes<E: CatalogueEndpoint>(entry: &Entry<E>) -> Cell {
    let mut pieces = Vec::new();
    for (i, &code) in entry.listed_codes().iter().enumerate() {
        if i > 0 {
            pieces.push(Piece::Plain(", ".to_string()));
        }
        pieces.push(Piece::Code {
            code,
            anchor: E::lookup_code(code).map(|x| x.anchor()),
        });
    }
    Cell(pieces)
}

/// A code's row: code, status (or "any"), meaning, description (and its
/// deprecation), resolution.
fn code_row<E: CatalogueEndpoint>(entry: &'static Entry<E>) -> Row<E> {
    let optional =
        |field: Option<&'static str>| Cell(field.map(Piece::Markup).into_iter().collect());
    let status = entry
        .documented_status()
        .map_or_else(|| ANY_STATUS.to_string(), |s| s.as_u16().to_string());
    let mut description = optional(entry.description());
    deprecation(&mut description.0, entry);
    Row {
        entry,
        cells: vec![
            Cell(vec![Piece::Code {
                code: entry.app_code().unwrap_or_default(),
                anchor: None,
            }]),
            Cell(vec![Piece::Plain(status)]),
            Cell(vec![Piece::Markup(entry.meaning())]),
            description,
            optional(entry.resolution()),
        ],
    }
}

fn general_row<E: CatalogueEndpoint>(entry: &'static Entry<E>) -> Row<E> {
    let mut meaning = vec![Piece::Markup(entry.meaning())];
    if let Some(d) = entry.description() {
        meaning.push(Piece::Plain(" -- ".to_string()));
        meaning.push(Piece::Markup(d));
    }
    deprecation(&mut meaning, entry);
    Row {
        entry,
        cells: vec![
            Cell(vec![Piece::Plain(entry.code().to_string())]),
            Cell(meaning),
        ],
    }
}

fn endpoint_row<E: CatalogueEndpoint>(entry: &'static Entry<E>, resolution: bool) -> Row<E> {
    let optional =
        |field: Option<&'static str>| Cell(field.map(Piece::Markup).into_iter().collect());
    let mut cells = vec![
        Cell(vec![
            Piece::Plain(format!("{} - ", entry.code())),
            Piece::Markup(entry.meaning()),
        ]),
        optional(entry.description()),
    ];
    if let Some(Cell(description)) = cells.last_mut() {
        deprecation(description, entry);
    }
    if resolution {
        cells.push(optional(entry.resolution()));
    }
    Row { entry, cells }
}

/// Appends an entry's deprecation to a cell: `Deprecated: <note>`, after the
/// text already there.
fn deprecation<E: CatalogueEndpoint>(cell: &mut Vec<Piece>, entry: &Entry<E>) {
    if let Some(note) = entry.deprecated() {
        let lead = if cell.is_empty() { "" } else { " " };
        cell.push(Piece::Plain(format!("{lead}Deprecated: ")));
        cell.push(Piece::Markup(note));
    }
}
