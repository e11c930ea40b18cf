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
    /// `[api] code_pointers`: where a response body carries its application
    /// code, JSON Pointers tried in order ([`DEFAULT_CODE_POINTERS`] unless
    /// the file replaces them).
    pub code_pointers: Vec<String>,
    /// `[[codes]]`: the API's registry of application codes, in file order;
    /// all text or all integers, each unique.
    pub codes: Vec<AppCode>,
}

/// Where a response body carries its application code unless `[api]
/// code_pointers` says otherwise: Stripe's and Ably's nested
/// `{"error": {"code": …}}`, Slack's `{"ok": false, "error": …}`, and a
/// problem+json or flat body's `code` member.
pub const DEFAULT_CODE_POINTERS: [&str; 3] = ["/error/code", "/error", "/code"];

/// An application code as the API sends it: a string compared exactly, or a
/// non-negative integer. One catalogue's codes are all of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeValue {
    /// A string code (`card_declined`), case-sensitive.
    Text(String),
    /// An integer code (Ably's `40140`).
    Integer(u64),
}

impl core::fmt::Display for CodeValue {
    /// The code as sent: the string itself, or the integer in decimal.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            CodeValue::Text(s) => f.write_str(s),
            CodeValue::Integer(n) => write!(f, "{n}"),
        }
    }
}

/// One `[[codes]]` entry: an application code and its texts, written once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppCode {
    /// The code as the API sends it.
    pub code: CodeValue,
    /// The Rust variant name of its `Code` enum (`CardDeclined`, `Code40140`).
    pub ident: String,
    /// Its anchor on the docs page (`code-card-declined`), unique among all
    /// anchors of the catalogue.
    pub anchor: String,
    /// The status it comes with; `None`: any status.
    pub status: Option<u16>,
    /// Meaning (inline Markdown).
    pub meaning: String,
    /// Description (inline Markdown).
    pub description: Option<String>,
    /// Resolution (inline Markdown).
    pub resolution: Option<String>,
    /// Whether retrying may succeed (derived from the status unless
    /// overridden; a code with no status is not retryable by default).
    pub retryable: bool,
    /// Example body.
    pub example: Option<Example>,
    /// Why the code is deprecated and what to use instead, when it is.
    pub deprecated: Option<String>,
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
    /// The application codes this row documents under its status, each one
    /// of [`Catalogue::codes`], in file order (empty: none listed).
    pub codes: Vec<CodeValue>,
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

    /// The `[[codes]]` entry whose code is `code`.
    pub fn code(&self, code: &CodeValue) -> Option<&AppCode> {
        self.codes.iter().find(|c| &c.code == code)
    }
}
