//! [`Endpoint`]'s accessors and parsing; the enum itself is generated.

use core::fmt;
use core::str::FromStr;

use http::Method;

use crate::entry::text;
use crate::generated::{self, ENDPOINT_RECORD, ENDPOINT_RECORDS};
use crate::{Entry, StatusCode};

pub use crate::generated::Endpoint;

// The record layout decoded below; the build crate writes it.
const _: () = assert!(ENDPOINT_RECORD == 25);

/// Record of an endpoint that does not exist: every field absent (unreachable,
/// as the enum's variants are exactly the records).
static NO_RECORD: [u8; ENDPOINT_RECORD] = [0xFF; ENDPOINT_RECORD];

impl Endpoint {
    /// The endpoint's record in `ENDPOINT_RECORDS` (see there for the layout).
    #[inline]
    fn record(self) -> &'static [u8; ENDPOINT_RECORD] {
        let (records, _) = ENDPOINT_RECORDS.as_chunks::<ENDPOINT_RECORD>();
        records.get(self.index()).unwrap_or(&NO_RECORD)
    }

    /// Little-endian `u32` number `i` of the record: 0–3 the text ids of the
    /// name, slug, identifier and path, 4 and 5 the entries' range in `ENTRIES`.
    #[inline]
    fn word(self, i: usize) -> u32 {
        let (words, _) = self.record().as_chunks::<4>();
        words.get(i).map_or(u32::MAX, |w| u32::from_le_bytes(*w))
    }

    /// The name the page heads its table with ("Create Trackers").
    #[inline]
    pub fn name(self) -> &'static str {
        text(self.word(0)).unwrap_or_default()
    }

    /// The kebab-case slug ("create-trackers"), the anchor of its table.
    #[inline]
    pub fn slug(self) -> &'static str {
        text(self.word(1)).unwrap_or_default()
    }

    /// The HTTP method.
    #[inline]
    pub fn method(self) -> Method {
        generated::METHODS
            .get(usize::from(
                self.record().get(24).copied().unwrap_or(u8::MAX),
            ))
            .cloned()
            .unwrap_or(Method::GET)
    }

    /// The path template, parameters in braces (`/v1/manage/tracker/{trackerId}`).
    #[inline]
    pub fn path(self) -> &'static str {
        text(self.word(3)).unwrap_or_default()
    }

    /// This endpoint's own entries, in page order (not the general table's).
    #[inline]
    pub fn entries(self) -> &'static [Entry] {
        let (from, to) = (self.word(4), self.word(5));
        generated::ENTRIES
            .get(from as usize..to as usize)
            .unwrap_or(&[])
    }

    /// What `status` means for this endpoint: its own entry, else the general
    /// table's. The same as [`crate::lookup`].
    #[inline]
    pub fn lookup(self, status: StatusCode) -> Option<&'static Entry> {
        crate::lookup(self, status)
    }
}

impl fmt::Debug for Endpoint {
    /// Writes the identifier (`CreateTrackers`), as a derive would; a table
    /// lookup instead of a derived `match`, which is slow to compile at scale.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(text(self.word(2)).unwrap_or_default())
    }
}

impl fmt::Display for Endpoint {
    /// Writes the name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// The error from parsing an [`Endpoint`]: no endpoint has that name, slug or
/// identifier (compared ignoring ASCII case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseEndpointError;

impl fmt::Display for ParseEndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no endpoint has that name or slug; expected one of: ")?;
        for (i, e) in Endpoint::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(e.slug())?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseEndpointError {}

impl FromStr for Endpoint {
    type Err = ParseEndpointError;

    /// Parses a name ("Create Trackers"), slug ("create-trackers") or
    /// identifier ("CreateTrackers"), ignoring ASCII case. Never allocates or
    /// copies: the generated key hash folds case as it reads the input.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        use generated::{ENDPOINT_KEYS, KEY_PILOTS, KEY_REMAP, KEY_SEED, keyhash};
        // Slots of two little-endian `u32`s: the key's text id, the endpoint's index.
        let (slots, _) = ENDPOINT_KEYS.as_chunks::<8>();
        if slots.is_empty() {
            return Err(ParseEndpointError);
        }
        let hash = keyhash::hash(s.as_bytes(), KEY_SEED);
        let slot =
            phf_shared::ptrhash::get_index(KEY_SEED, hash, KEY_PILOTS, &KEY_REMAP, slots.len());
        let words = |slot: &[u8; 8]| {
            let (words, _) = slot.as_chunks::<4>();
            match words {
                [key, index] => Some((u32::from_le_bytes(*key), u32::from_le_bytes(*index))),
                _ => None,
            }
        };
        match slots.get(slot as usize).and_then(words) {
            Some((key, index))
                if keyhash::eq_folded(s.as_bytes(), text(key).unwrap_or_default().as_bytes()) =>
            {
                Endpoint::ALL
                    .get(index as usize)
                    .copied()
                    .ok_or(ParseEndpointError)
            }
            _ => Err(ParseEndpointError),
        }
    }
}
