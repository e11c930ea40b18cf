//! The validated catalogue: what code generation and renderers consume.
//!
//! Every value here has passed validation ([`crate::check_file`],
//! [`crate::check_str`]): names, slugs and identifiers are unique, statuses
//! are in range, defaults are resolved.

/// A checked catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    /// Page metadata.
    pub page: Page,
    /// The general table.
    pub general: Table,
    /// One table per endpoint, in file order.
    pub endpoints: Vec<Endpoint>,
    /// `[api] base_paths`: prefixes a request may carry before the
    /// templates, as written (empty: none declared, the templates alone).
    pub base_paths: Vec<String>,
}

/// Methods an endpoint may have, in the layout crate's order.
pub const METHODS: [&str; 9] = {
    let mut names = [""; 9];
    let mut i = 0;
    while i < names.len() {
        names[i] = error_catalogue_records::Method::ALL[i].as_str();
        i += 1;
    }
    names
};

/// Page metadata: front matter, intro and support notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Front matter `id`.
    pub id: String,
    /// Front matter `title`.
    pub title: String,
    /// Front matter `sidebar_label`.
    pub sidebar_label: String,
    /// Front matter `slug`.
    pub slug: String,
    /// Docs base URL, without a trailing slash.
    pub docs_base_url: String,
    /// MDX import lines.
    pub imports: Vec<String>,
    /// Intro paragraphs (inline Markdown).
    pub intro: Vec<String>,
    /// Support notice (inline Markdown) and address.
    pub support: Option<Support>,
}

/// The support notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Support {
    /// The notice (inline Markdown).
    pub notice: String,
    /// The support address.
    pub email: String,
}

/// The general table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Heading.
    pub title: String,
    /// Anchor.
    pub slug: String,
    /// Rows, in file order.
    pub entries: Vec<Entry>,
}

/// An endpoint and its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Display name.
    pub name: String,
    /// Kebab-case slug, unique.
    pub slug: String,
    /// The Rust variant name (`CreateTrackers`).
    pub ident: String,
    /// HTTP method, upper case.
    pub method: String,
    /// Path template.
    pub path: String,
    /// Why the endpoint is deprecated and what to use instead, when it is.
    pub deprecated: Option<String>,
    /// Rows, in file order.
    pub entries: Vec<Entry>,
}

/// One row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// HTTP status, 100–599.
    pub status: u16,
    /// Meaning (inline Markdown).
    pub meaning: String,
    /// Description (inline Markdown).
    pub description: Option<String>,
    /// Resolution (inline Markdown).
    pub resolution: Option<String>,
    /// Whether retrying may succeed (derived from the status unless overridden).
    pub retryable: bool,
    /// Example body.
    pub example: Option<Example>,
    /// Why the entry is deprecated and what to use instead, when it is.
    pub deprecated: Option<String>,
}

/// An example response body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// Caption.
    pub caption: Option<String>,
    /// Code block language.
    pub lang: String,
    /// Body, verbatim.
    pub body: String,
}

/// The retryability a status has unless an entry overrides it: 429 and 500,
/// 502, 503, 504 may succeed on a later try; nothing else does.
pub fn default_retryable(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
}

impl Catalogue {
    /// Every entry, general table first, then each endpoint's, in file order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.general
            .entries
            .iter()
            .chain(self.endpoints.iter().flat_map(|e| e.entries.iter()))
    }
}
