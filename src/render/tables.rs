//! The page's tables as rows of cells: the one layout the MDX and Markdown
//! renderers share, and the plain cell texts a check can compare a rendered
//! page with.

use crate::engine::{Catalogue, CatalogueEndpoint, Entry};

/// One table of the page: the general table or an endpoint's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<E: CatalogueEndpoint> {
    /// The heading, plain text ("HTTP Codes", "Create Trackers - POST").
    pub heading: String,
    /// The section's anchor: the general table's slug or the endpoint's.
    pub anchor: &'static str,
    /// The endpoint, or `None` for the general table.
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
}

impl Cell {
    /// The cell as it reads: markup removed, line breaks kept.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Plain(s) => out.push_str(s),
                Piece::Markup(s) => out.push_str(&super::plain_text(s)),
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

/// Every table, general first, then each endpoint's, in page order.
pub(crate) fn of<E: CatalogueEndpoint>(c: Catalogue<E>) -> Vec<Table<E>> {
    let page = c.page();
    let mut tables = vec![Table {
        heading: page.general_title().to_string(),
        anchor: page.general_slug(),
        endpoint: None,
        deprecated: None,
        header: GENERAL_HEADER,
        delimiter: "---------- | -------",
        rows: c.general().iter().map(general_row).collect(),
    }];
    tables.extend(c.endpoints().iter().map(|&e| {
        let resolutions = e.entries().iter().any(|x| x.resolution().is_some());
        let (header, delimiter) = if resolutions {
            (ENDPOINT_HEADER, "---------- | ------- | ---------")
        } else {
            (ENDPOINT_HEADER_NO_RESOLUTION, "---------- | -------")
        };
        Table {
            heading: format!("{} - {}", e.name(), e.method()),
            anchor: e.slug(),
            endpoint: Some(e),
            deprecated: e.deprecated(),
            header,
            delimiter,
            rows: e
                .entries()
                .iter()
                .map(|x| endpoint_row(x, resolutions))
                .collect(),
        }
    }));
    tables
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
