//! [`Entry`]: one row of a catalogue, and its accessors.

use core::fmt;
use core::hash::{Hash, Hasher};

use error_catalogue_records::EntryRecord;
use http::StatusCode;

use crate::DocsUrl;
use crate::engine::CatalogueEndpoint;

/// One row of a catalogue: what a status means (for one endpoint, or for
/// every endpoint in the general table) and what the caller should do; or
/// one application code of the catalogue's registry (`[[codes]]`), with
/// [`app_code`](Entry::app_code) the code as sent.
///
/// `E` is the catalogue's `Endpoint` enum; each catalogue module names
/// `Entry<Endpoint>` its `Entry` (`error_catalogue::Entry` for the shipped one).
///
/// Text fields are inline Markdown as written in the data file; the `plain_*`
/// accessors give them with the markup removed, for terminals and messages.
pub struct Entry<E: 'static> {
    record: EntryRecord<'static, E>,
}

impl<E> Entry<E> {
    /// The entry over its record (generated code's `__private::entry`).
    pub(crate) const fn from_record(record: EntryRecord<'static, E>) -> Entry<E> {
        Entry { record }
    }

    /// The entry's record.
    #[cfg(test)]
    pub(crate) fn record(&self) -> &EntryRecord<'static, E> {
        &self.record
    }
}

impl<E: Copy> Clone for Entry<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: Copy> Copy for Entry<E> {}

/// An example response body documented with an entry: its
/// [`caption`](Example::caption), [`lang`](Example::lang) and
/// [`body`](Example::body).
pub type Example = error_catalogue_records::Example<'static>;

impl<E: PartialEq> PartialEq for Entry<E> {
    /// Equal records: the same fields, texts compared by value.
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.record == other.record
    }
}

impl<E: Eq> Eq for Entry<E> {}

impl<E: Hash> Hash for Entry<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.record.hash(state);
    }
}

impl<E: CatalogueEndpoint> Entry<E> {
    /// The HTTP status. An application code documented with any status
    /// (see [`documented_status`](Entry::documented_status)) answers
    /// `500 Internal Server Error`; a table row always has its own.
    #[inline]
    pub fn status(&self) -> StatusCode {
        // Validation keeps every status in 100..=599, which StatusCode accepts.
        StatusCode::from_u16(self.code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The HTTP status as a number (500 for an application code documented
    /// with any status, as [`status`](Entry::status)).
    #[inline]
    pub fn code(&self) -> u16 {
        self.record.status.unwrap_or(500)
    }

    /// The HTTP status as documented: always `Some` for a table row; `None`
    /// for an application code that comes with any status.
    ///
    /// ```
    /// use error_catalogue::StatusCode;
    ///
    /// let e = error_catalogue::codes::CREATE_TRACKERS_409;
    /// assert_eq!(e.documented_status(), Some(StatusCode::CONFLICT));
    /// ```
    #[inline]
    pub fn documented_status(&self) -> Option<StatusCode> {
        self.record
            .status
            .and_then(|s| StatusCode::from_u16(s).ok())
    }

    /// For an application code's entry, the code as the API sends it
    /// (`card_declined`; an integer code in decimal, `40140`); `None` for a
    /// table row. (`code` is the HTTP status number.)
    ///
    /// ```
    /// // The shipped catalogue's entries are all table rows.
    /// assert!(error_catalogue::entries().iter().all(|e| e.app_code().is_none()));
    /// ```
    #[inline]
    pub fn app_code(&self) -> Option<&'static str> {
        self.record.code
    }

    /// The application codes this table row documents under its status, as
    /// sent, in file order; empty when it lists none, and for a code's entry.
    ///
    /// ```
    /// let e = error_catalogue::codes::CREATE_TRACKERS_409;
    /// assert!(e.listed_codes().is_empty());
    /// ```
    #[inline]
    pub fn listed_codes(&self) -> &'static [&'static str] {
        self.record.codes
    }

    /// Short meaning, usually the reason phrase ("Conflict"). Inline Markdown.
    #[inline]
    pub fn meaning(&self) -> &'static str {
        self.record.meaning
    }

    /// What the status means here. Inline Markdown.
    #[inline]
    pub fn description(&self) -> Option<&'static str> {
        self.record.description
    }

    /// What the caller should do. Inline Markdown.
    #[inline]
    pub fn resolution(&self) -> Option<&'static str> {
        self.record.resolution
    }

    /// The endpoint whose table holds this entry; `None` for the general
    /// table and for an application code.
    #[inline]
    pub fn endpoint(&self) -> Option<E> {
        self.record.endpoint
    }

    /// Whether the entry is from the general table (not an endpoint's row,
    /// nor an application code).
    #[inline]
    pub fn is_general(&self) -> bool {
        self.record.endpoint.is_none() && self.record.code.is_none()
    }

    /// Whether a later retry of the same request may succeed (429 and 5xx
    /// gateway/server errors by default; the data file may override it).
    #[inline]
    pub fn retryable(&self) -> bool {
        self.record.retryable
    }

    /// The entry's anchor on the docs page: `create-trackers-409`,
    /// `http-codes-401` for the general table, or `code-card-declined` for
    /// an application code.
    #[inline]
    pub fn anchor(&self) -> &'static str {
        self.record.anchor
    }

    /// Why the entry is deprecated and what to use instead, when it is (its
    /// own note; see its endpoint's too).
    #[inline]
    pub fn deprecated(&self) -> Option<&'static str> {
        self.record.deprecated
    }

    /// The example body documented with this entry, if any.
    #[inline]
    pub fn example(&self) -> Option<&'static Example> {
        self.record.example
    }

    /// [`Entry::meaning`] with its markup removed.
    pub fn plain_meaning(&self) -> &'static str {
        let r = &self.record;
        r.plain.map_or(r.meaning, |p| p.meaning)
    }

    /// [`Entry::description`] with its markup removed.
    pub fn plain_description(&self) -> Option<&'static str> {
        let r = &self.record;
        r.plain.map_or(r.description, |p| p.description)
    }

    /// [`Entry::resolution`] with its markup removed.
    pub fn plain_resolution(&self) -> Option<&'static str> {
        let r = &self.record;
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
            .field("app_code", &self.app_code())
            .field("listed_codes", &self.listed_codes())
            .finish()
    }
}

impl<E: CatalogueEndpoint> fmt::Display for Entry<E> {
    /// `409 Conflict`: the status and the plain meaning; for an
    /// application code, the code and the plain meaning (`card_declined
    /// Card declined`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.app_code() {
            Some(code) => write!(f, "{code} {}", self.plain_meaning()),
            None => write!(f, "{} {}", self.code(), self.plain_meaning()),
        }
    }
}
