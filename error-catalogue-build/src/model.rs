//! The file format: `errors.toml` as [`crate::schema`] reads it, every value
//! with its span.
//!
//! These types mirror the file one to one; [`crate::validate`] turns them into
//! a [`crate::Catalogue`]. README.md documents every key.

use toml::Spanned;

use crate::catalogue::CodeValue;
use crate::diagnostic::Code;

/// The whole data file.
#[derive(Debug, Clone)]
pub struct CatalogueFile {
    /// Metadata of the documentation page the catalogue is published as.
    pub page: PageDef,
    /// The general table: what a status means for any endpoint.
    pub general: GeneralDef,
    /// One table per endpoint, in page order.
    pub endpoints: Vec<Spanned<EndpointDef>>,
    /// `[api]`: how requests reach the API.
    pub api: Option<ApiDef>,
    /// `[[codes]]`: the API's registry of application codes, in page order.
    pub codes: Vec<Spanned<CodeDef>>,
    /// Whether the reader left out `[[codes]]` rows (or all of them) for a
    /// missing or mistyped key: a code a row lists may be one of them, so
    /// none is reported unknown.
    pub codes_incomplete: bool,
}

/// `[api]`: how requests reach the API.
#[derive(Debug, Clone, Default)]
pub struct ApiDef {
    /// Prefixes a request may carry before the templates: `""` (none), a
    /// literal path (`/v1.43`) or one with whole-segment parameters
    /// (`/{version}`).
    pub base_paths: Vec<Spanned<String>>,
    /// Where a response body carries its application code, JSON Pointers
    /// tried in order; `None`: the default set.
    pub code_pointers: Option<Vec<Spanned<String>>>,
}

/// `[[codes]]`: one application code and its texts.
#[derive(Debug, Clone)]
pub struct CodeDef {
    /// The code as the API sends it: a string, or a non-negative integer.
    pub code: Spanned<CodeValue>,
    /// The status it comes with; `None`: any status.
    pub status: Option<Spanned<i64>>,
    /// Short meaning.
    pub meaning: Spanned<String>,
    /// What the code means.
    pub description: Option<Spanned<String>>,
    /// What the caller should do.
    pub resolution: Option<Spanned<String>>,
    /// Overrides the retryability derived from the status.
    pub retryable: Option<Spanned<bool>>,
    /// An example error body.
    pub example: Option<ExampleDef>,
    /// Warnings acknowledged for this code, like `#[allow]`.
    pub allow: Vec<Spanned<Code>>,
    /// Why the code is deprecated and what to use instead, when it is.
    pub deprecated: Option<Spanned<String>>,
}

/// `[page]`: the page's front matter, intro and support notice.
#[derive(Debug, Clone)]
pub struct PageDef {
    /// Front matter `id`.
    pub id: Spanned<String>,
    /// Front matter `title`.
    pub title: Spanned<String>,
    /// Front matter `sidebar_label` (defaults to the title).
    pub sidebar_label: Option<Spanned<String>>,
    /// Front matter `slug`: the page's path below the docs base URL.
    pub slug: Spanned<String>,
    /// Where the docs are published; entry anchors hang off `docs_base_url + slug`.
    pub docs_base_url: Spanned<String>,
    /// MDX import lines kept verbatim at the top of the page.
    pub imports: Vec<Spanned<String>>,
    /// Intro paragraphs (inline Markdown).
    pub intro: Vec<Spanned<String>>,
    /// The support notice at the foot of the page.
    pub support: Option<SupportDef>,
}

/// `[page.support]`.
#[derive(Debug, Clone)]
pub struct SupportDef {
    /// The notice (inline Markdown).
    pub notice: Spanned<String>,
    /// The support address.
    pub email: Spanned<String>,
}

/// `[general]`: the table of statuses that hold for every endpoint.
#[derive(Debug, Clone)]
pub struct GeneralDef {
    /// The table's heading.
    pub title: Spanned<String>,
    /// The table's anchor (defaults to the title, kebab-cased).
    pub slug: Option<Spanned<String>>,
    /// `[[general.errors]]`.
    pub errors: Vec<Spanned<EntryDef>>,
}

/// `[[endpoints]]`: one API endpoint and its table.
#[derive(Debug, Clone)]
pub struct EndpointDef {
    /// The endpoint's name as the page heads its table.
    pub name: Spanned<String>,
    /// Its anchor and CLI name (defaults to the name, kebab-cased).
    pub slug: Option<Spanned<String>>,
    /// Its HTTP method.
    pub method: Spanned<String>,
    /// Its path template, parameters in braces: `/v1/manage/tracker/{trackerId}`.
    pub path: Spanned<String>,
    /// Why the endpoint is deprecated and what to use instead, when it is.
    pub deprecated: Option<Spanned<String>>,
    /// `[[endpoints.errors]]`.
    pub errors: Vec<Spanned<EntryDef>>,
}

/// One row of a table.
#[derive(Debug, Clone)]
pub struct EntryDef {
    /// The HTTP status, an integer.
    pub status: Spanned<i64>,
    /// Short meaning, usually the reason phrase.
    pub meaning: Spanned<String>,
    /// What the status means here.
    pub description: Option<Spanned<String>>,
    /// What the caller should do.
    pub resolution: Option<Spanned<String>>,
    /// Overrides the retryability derived from the status.
    pub retryable: Option<Spanned<bool>>,
    /// An example error body.
    pub example: Option<ExampleDef>,
    /// Warnings acknowledged for this entry, like `#[allow]`.
    pub allow: Vec<Spanned<Code>>,
    /// Why the entry is deprecated and what to use instead, when it is.
    pub deprecated: Option<Spanned<String>>,
    /// The application codes this row documents under its status.
    pub codes: Vec<Spanned<CodeValue>>,
}

/// `example`: a response body shown under the tables.
#[derive(Debug, Clone)]
pub struct ExampleDef {
    /// A one-line caption, shown as a comment above the body.
    pub caption: Option<Spanned<String>>,
    /// The code block's language (default `json`).
    pub lang: Option<Spanned<String>>,
    /// The body, verbatim.
    pub body: Spanned<String>,
}
