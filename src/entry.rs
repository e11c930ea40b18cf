//! [`Entry`]: one row of a catalogue, and its accessors.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use error_catalogue_layout::EntryRecord;
use http::StatusCode;

use crate::engine::CatalogueEndpoint;
use crate::page::DocsUrl;

/// One row of a catalogue: what a status means (for one endpoint, or for
/// every endpoint in the general table) and what the caller should do.
///
/// `E` is the catalogue's `Endpoint` enum; each catalogue module names
/// `Entry<Endpoint>` its `Entry` (`error_catalogue::Entry` for the shipped one).
///
/// Text fields are inline Markdown as written in the data file; the `plain_*`
/// accessors give them with the markup removed, for terminals and messages.
pub struct Entry<E: 'static> {
    /// The entry's position in its catalogue's entries, and so its record.
    pub(crate) index: u32,
    /// The status code, copied from the record: the one field read on the
    /// lookup path, kept one load away.
    pub(crate) code: u16,
    catalogue: PhantomData<fn() -> E>,
}

impl<E> Entry<E> {
    /// A handle to no record, to fill arrays before the real ones.
    pub(crate) const NONE: Entry<E> = Entry::new(u32::MAX, 0);

    pub(crate) const fn new(index: u32, code: u16) -> Entry<E> {
        Entry {
            index,
            code,
            catalogue: PhantomData,
        }
    }
}

impl<E> Clone for Entry<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for Entry<E> {}

impl<E: CatalogueEndpoint> PartialEq for Entry<E> {
    /// Equal records: the same fields, texts compared by value.
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.record() == other.record()
    }
}

impl<E: CatalogueEndpoint> Eq for Entry<E> {}

impl<E: CatalogueEndpoint> Hash for Entry<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.record().hash(state);
    }
}

/// An example response body documented with an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

impl<E: CatalogueEndpoint> Entry<E> {
    /// The entry's record, texts resolved.
    #[inline(always)]
    fn record(&self) -> EntryRecord<&'static str> {
        E::tables().entry(self.index)
    }

    /// The HTTP status.
    #[inline]
    pub fn status(&self) -> StatusCode {
        // Validation keeps every code in 100..=599, which StatusCode accepts.
        StatusCode::from_u16(self.code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The HTTP status as a number.
    #[inline]
    pub fn code(&self) -> u16 {
        self.code
    }

    /// Short meaning, usually the reason phrase ("Conflict"). Inline Markdown.
    #[inline]
    pub fn meaning(&self) -> &'static str {
        self.record().meaning
    }

    /// What the status means here. Inline Markdown.
    #[inline]
    pub fn description(&self) -> Option<&'static str> {
        self.record().description
    }

    /// What the caller should do. Inline Markdown.
    #[inline]
    pub fn resolution(&self) -> Option<&'static str> {
        self.record().resolution
    }

    /// The endpoint whose table holds this entry; `None` for the general table.
    #[inline]
    pub fn endpoint(&self) -> Option<E> {
        usize::from(self.record().endpoint_row)
            .checked_sub(1)
            .and_then(|i| E::all().get(i).copied())
    }

    /// Whether the entry is from the general table.
    #[inline]
    pub fn is_general(&self) -> bool {
        self.record().endpoint_row == 0
    }

    /// Whether a later retry of the same request may succeed (429 and 5xx
    /// gateway/server errors by default; the data file may override it).
    #[inline]
    pub fn retryable(&self) -> bool {
        self.record().retryable
    }

    /// The entry's anchor on the docs page: `create-trackers-409`, or
    /// `http-codes-401` for the general table.
    #[inline]
    pub fn anchor(&self) -> &'static str {
        self.record().anchor
    }

    /// Why the entry is deprecated and what to use instead, when it is (its
    /// own note; see its endpoint's too).
    #[inline]
    pub fn deprecated(&self) -> Option<&'static str> {
        self.record().deprecated
    }

    /// The example body documented with this entry, if any.
    #[inline]
    pub fn example(&self) -> Option<&'static Example> {
        let i = self.record().example?;
        E::tables().examples.get(i as usize)
    }

    /// [`Entry::meaning`] with its markup removed.
    pub fn plain_meaning(&self) -> &'static str {
        let r = self.record();
        r.plain.map_or(r.meaning, |p| p.meaning)
    }

    /// [`Entry::description`] with its markup removed.
    pub fn plain_description(&self) -> Option<&'static str> {
        let r = self.record();
        r.plain.map_or(r.description, |p| p.description)
    }

    /// [`Entry::resolution`] with its markup removed.
    pub fn plain_resolution(&self) -> Option<&'static str> {
        let r = self.record();
        r.plain.map_or(r.resolution, |p| p.resolution)
    }

    /// The entry's URL on the docs page: the page's URL, `#`, its anchor.
    /// Allocates nothing: the URL is written when displayed.
    pub fn url(&self) -> DocsUrl<'static> {
        E::tables().page.anchor_url(self.anchor())
    }
}

impl<E: CatalogueEndpoint> fmt::Debug for Entry<E> {
    /// Shows the texts, not their indices.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("code", &self.code())
            .field("endpoint", &self.endpoint())
            .field("meaning", &self.meaning())
            .field("description", &self.description())
            .field("resolution", &self.resolution())
            .field("retryable", &self.retryable())
            .field("anchor", &self.anchor())
            .field("plain_meaning", &self.plain_meaning())
            .field("plain_description", &self.plain_description())
            .field("plain_resolution", &self.plain_resolution())
            .field("example", &self.example())
            .finish()
    }
}

impl<E: CatalogueEndpoint> fmt::Display for Entry<E> {
    /// `409 Conflict`: the status and the plain meaning.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.plain_meaning())
    }
}
