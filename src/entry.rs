//! [`Entry`]: one row of the catalogue, and its accessors.

use http::StatusCode;

use crate::Endpoint;

/// One row of the catalogue: what a status means (for one endpoint, or for
/// every endpoint in the general table) and what the caller should do.
///
/// Text fields are inline Markdown as written in the data file; the `plain_*`
/// accessors give them with the markup removed, for terminals and messages.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    pub(crate) code: u16,
    /// 0 for the general table, `i + 1` for `Endpoint::ALL[i]`.
    pub(crate) endpoint: u16,
    pub(crate) meaning: &'static str,
    pub(crate) description: Option<&'static str>,
    pub(crate) resolution: Option<&'static str>,
    pub(crate) retryable: bool,
    pub(crate) anchor: &'static str,
    /// The plain-text forms, when any differs from the source.
    pub(crate) plain: Option<&'static Plain>,
    pub(crate) example: Option<&'static Example>,
}

/// Plain-text forms of an entry's fields.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Plain {
    pub(crate) meaning: &'static str,
    pub(crate) description: Option<&'static str>,
    pub(crate) resolution: Option<&'static str>,
}

/// An example response body documented with an entry.
#[derive(Debug, PartialEq, Eq)]
pub struct Example {
    pub(crate) caption: Option<&'static str>,
    pub(crate) lang: &'static str,
    pub(crate) body: &'static str,
}

impl Example {
    /// A one-line caption (the page shows it as a comment above the body).
    pub fn caption(&self) -> Option<&'static str> {
        self.caption
    }

    /// The code block's language, e.g. `json`.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The body, verbatim.
    pub fn body(&self) -> &'static str {
        self.body
    }
}

impl Entry {
    /// The HTTP status.
    #[inline]
    pub fn status(&self) -> StatusCode {
        // Validation keeps every code in 100..=599, which StatusCode accepts.
        StatusCode::from_u16(self.code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The HTTP status as a number.
    #[inline]
    pub fn code(&self) -> u16 {
        self.code
    }

    /// Short meaning, usually the reason phrase ("Conflict"). Inline Markdown.
    #[inline]
    pub fn meaning(&self) -> &'static str {
        self.meaning
    }

    /// What the status means here. Inline Markdown.
    #[inline]
    pub fn description(&self) -> Option<&'static str> {
        self.description
    }

    /// What the caller should do. Inline Markdown.
    #[inline]
    pub fn resolution(&self) -> Option<&'static str> {
        self.resolution
    }

    /// The endpoint whose table holds this entry; `None` for the general table.
    #[inline]
    pub fn endpoint(&self) -> Option<Endpoint> {
        (self.endpoint as usize)
            .checked_sub(1)
            .and_then(|i| Endpoint::ALL.get(i).copied())
    }

    /// Whether the entry is from the general table.
    #[inline]
    pub fn is_general(&self) -> bool {
        self.endpoint == 0
    }

    /// Whether a later retry of the same request may succeed (429 and 5xx
    /// gateway/server errors by default; the data file may override it).
    #[inline]
    pub fn retryable(&self) -> bool {
        self.retryable
    }

    /// The entry's anchor on the docs page: `create-trackers-409`, or
    /// `http-codes-401` for the general table.
    #[inline]
    pub fn anchor(&self) -> &'static str {
        self.anchor
    }

    /// The example body documented with this entry, if any.
    #[inline]
    pub fn example(&self) -> Option<&'static Example> {
        self.example
    }

    /// [`Entry::meaning`] with its markup removed.
    pub fn plain_meaning(&self) -> &'static str {
        self.plain.map_or(self.meaning, |p| p.meaning)
    }

    /// [`Entry::description`] with its markup removed.
    pub fn plain_description(&self) -> Option<&'static str> {
        self.plain.map_or(self.description, |p| p.description)
    }

    /// [`Entry::resolution`] with its markup removed.
    pub fn plain_resolution(&self) -> Option<&'static str> {
        self.plain.map_or(self.resolution, |p| p.resolution)
    }
}
