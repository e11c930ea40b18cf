//! [`Entry`]: one row of the catalogue, and its accessors.

use http::StatusCode;

use crate::Endpoint;
use crate::generated::{
    ENTRY_RECORD, ENTRY_RECORDS, EXAMPLES, NO_TEXT, NONE, PLAIN, TEXT, TEXT_ENDS,
};

/// Text `id`; `None` for `NO_TEXT` (past the end of the table).
#[inline]
pub(crate) fn text(id: u32) -> Option<&'static str> {
    if id == NO_TEXT {
        return None;
    }
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
pub struct Entry {
    /// The entry's position in `ENTRIES`, and so its record in `ENTRY_RECORDS`.
    /// An entry is only this handle (built at compile time by `handles`):
    /// its data is one fixed-width record in a byte-string literal, which
    /// rustc compiles far faster at scale than one struct literal per entry.
    index: u32,
    /// The status code, copied from the record: the one field read on the
    /// lookup path, kept one load away as when entries were structs.
    code: u16,
}

// The record layout decoded below; the build crate writes it.
const _: () = assert!(ENTRY_RECORD == 29);

/// Record of an entry that does not exist: every field absent (unreachable,
/// as handles are only built for records that exist).
static NO_RECORD: [u8; ENTRY_RECORD] = [0xFF; ENTRY_RECORD];

/// The generated `ENTRIES`, evaluated at compile time: `Entry { index: i,
/// code }` for `i` in `0..N`, `code` from bytes 0..2 of record `i` of
/// `records` (0 past its end, which generation never leaves).
pub(crate) const fn handles<const N: usize>(records: &[u8]) -> [Entry; N] {
    const FIRST: Entry = Entry { index: 0, code: 0 };
    let mut all = [FIRST; N];
    let mut i = 0;
    // Compile-time only; `i < N` and the length test keep the indices in range.
    while i < N {
        let at = i * ENTRY_RECORD;
        let code = if at + 1 < records.len() {
            u16::from_le_bytes([records[at], records[at + 1]])
        } else {
            0
        };
        all[i] = Entry {
            index: i as u32,
            code,
        };
        i += 1;
    }
    all
}

impl PartialEq for Entry {
    /// Equal fields, as a derive over them would compare (the record holds
    /// every field, and nothing else).
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.record() == other.record()
    }
}

impl Eq for Entry {}

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
    /// The entry's record in `ENTRY_RECORDS` (see there for the layout).
    #[inline]
    fn record(&self) -> &'static [u8; ENTRY_RECORD] {
        let (records, _) = ENTRY_RECORDS.as_chunks::<ENTRY_RECORD>();
        records.get(self.index as usize).unwrap_or(&NO_RECORD)
    }

    /// Little-endian `u32` number `i` of the record: 0 the code and endpoint
    /// row, 1–4 the text ids of the meaning, description, resolution and
    /// anchor (`NO_TEXT` for an absent text), 5 the index into `PLAIN`, 6 into
    /// `EXAMPLES` (`NONE` for none).
    #[inline]
    fn word(&self, i: usize) -> u32 {
        let (words, _) = self.record().as_chunks::<4>();
        words.get(i).map_or(NONE, |w| u32::from_le_bytes(*w))
    }

    /// 0 for the general table, `i + 1` for `Endpoint::ALL[i]`.
    #[inline]
    fn endpoint_row(&self) -> u16 {
        (self.word(0) >> 16) as u16
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
        text(self.word(1)).unwrap_or_default()
    }

    /// What the status means here. Inline Markdown.
    #[inline]
    pub fn description(&self) -> Option<&'static str> {
        text(self.word(2))
    }

    /// What the caller should do. Inline Markdown.
    #[inline]
    pub fn resolution(&self) -> Option<&'static str> {
        text(self.word(3))
    }

    /// The endpoint whose table holds this entry; `None` for the general table.
    #[inline]
    pub fn endpoint(&self) -> Option<Endpoint> {
        usize::from(self.endpoint_row())
            .checked_sub(1)
            .and_then(|i| Endpoint::ALL.get(i).copied())
    }

    /// Whether the entry is from the general table.
    #[inline]
    pub fn is_general(&self) -> bool {
        self.endpoint_row() == 0
    }

    /// Whether a later retry of the same request may succeed (429 and 5xx
    /// gateway/server errors by default; the data file may override it).
    #[inline]
    pub fn retryable(&self) -> bool {
        self.record().get(28).is_some_and(|&b| b != 0)
    }

    /// The entry's anchor on the docs page: `create-trackers-409`, or
    /// `http-codes-401` for the general table.
    #[inline]
    pub fn anchor(&self) -> &'static str {
        text(self.word(4)).unwrap_or_default()
    }

    /// The example body documented with this entry, if any.
    #[inline]
    pub fn example(&self) -> Option<&'static Example> {
        EXAMPLES.get(self.word(6) as usize)
    }

    /// The plain form's text ids (meaning, description, resolution), if any
    /// differs: `PLAIN`'s record of three little-endian `u32`s.
    #[inline]
    fn plain(&self) -> Option<[u32; 3]> {
        let (plains, _) = PLAIN.as_chunks::<12>();
        let (words, _) = plains.get(self.word(5) as usize)?.as_chunks::<4>();
        match words {
            [m, d, r] => Some([m, d, r].map(|w| u32::from_le_bytes(*w))),
            _ => None,
        }
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
