//! [`Entry`]: one row of the catalogue, and its accessors.

use http::StatusCode;

use crate::Endpoint;
use crate::generated::{EXAMPLES, PLAIN, TEXT, TEXT_ENDS};

/// Text `id`; `None` for `NO_TEXT` (past the end of the table).
#[inline]
pub(crate) fn text(id: u32) -> Option<&'static str> {
    // `TEXT_ENDS` is little-endian `u32`s in a byte string (fast to compile).
    let (ends, _) = TEXT_ENDS.as_chunks::<4>();
    let end_of = |i: usize| ends.get(i).map(|b| u32::from_le_bytes(*b) as usize);
    let id = id as usize;
    let end = end_of(id)?;
    let start = match id.checked_sub(1) {
        Some(prev) => end_of(prev)?,
        None => 0,
    };
    // Generated offsets fall on char boundaries; `get` keeps this panic-free anyway.
    TEXT.get(start..end)
}

/// One row of the catalogue: what a status means (for one endpoint, or for
/// every endpoint in the general table) and what the caller should do.
///
/// Text fields are inline Markdown as written in the data file; the `plain_*`
/// accessors give them with the markup removed, for terminals and messages.
///
/// Texts are stored once in a generated table and referred to by index, so
/// texts that entries share (resolutions, meanings) exist once; equal entries
/// have equal indices.
#[derive(PartialEq, Eq)]
pub struct Entry {
    pub(crate) code: u16,
    /// 0 for the general table, `i + 1` for `Endpoint::ALL[i]`.
    pub(crate) endpoint: u16,
    /// Text ids (see `generated::TEXT_ENDS`); `NO_TEXT` for an absent optional text.
    pub(crate) meaning: u32,
    pub(crate) description: u32,
    pub(crate) resolution: u32,
    pub(crate) retryable: bool,
    pub(crate) anchor: u32,
    /// The plain-text forms, when any differs from the source.
    /// Index into `PLAIN` of the plain-text forms, when any differs from the
    /// source; `NONE` otherwise.
    pub(crate) plain: u32,
    /// Index into `EXAMPLES`, or `NONE`.
    pub(crate) example: u32,
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
        text(self.meaning).unwrap_or_default()
    }

    /// What the status means here. Inline Markdown.
    #[inline]
    pub fn description(&self) -> Option<&'static str> {
        text(self.description)
    }

    /// What the caller should do. Inline Markdown.
    #[inline]
    pub fn resolution(&self) -> Option<&'static str> {
        text(self.resolution)
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
        text(self.anchor).unwrap_or_default()
    }

    /// The example body documented with this entry, if any.
    #[inline]
    pub fn example(&self) -> Option<&'static Example> {
        EXAMPLES.get(self.example as usize)
    }

    /// The plain form's text ids (meaning, description, resolution), if any differs.
    #[inline]
    fn plain(&self) -> Option<&'static [u32; 3]> {
        PLAIN.get(self.plain as usize)
    }

    /// [`Entry::meaning`] with its markup removed.
    pub fn plain_meaning(&self) -> &'static str {
        self.plain()
            .map_or(self.meaning(), |p| text(p[0]).unwrap_or_default())
    }

    /// [`Entry::description`] with its markup removed.
    pub fn plain_description(&self) -> Option<&'static str> {
        self.plain().map_or(self.description(), |p| text(p[1]))
    }

    /// [`Entry::resolution`] with its markup removed.
    pub fn plain_resolution(&self) -> Option<&'static str> {
        self.plain().map_or(self.resolution(), |p| text(p[2]))
    }
}

impl core::fmt::Debug for Entry {
    /// Shows the texts, not their indices.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Entry")
            .field("code", &self.code)
            .field("endpoint", &self.endpoint())
            .field("meaning", &self.meaning())
            .field("description", &self.description())
            .field("resolution", &self.resolution())
            .field("retryable", &self.retryable)
            .field("anchor", &self.anchor())
            .field("plain_meaning", &self.plain_meaning())
            .field("plain_description", &self.plain_description())
            .field("plain_resolution", &self.plain_resolution())
            .field("example", &self.example())
            .finish()
    }
}
