//! [`Endpoint`]'s accessors and parsing; the enum itself is generated.

use core::fmt;
use core::str::FromStr;

use http::Method;

use crate::entry::text;
use crate::generated::{self, ENDPOINTS};
use crate::{Entry, StatusCode};

pub use crate::generated::Endpoint;

/// Per-endpoint metadata, generated as numbers (which compile fast at scale):
/// text ids, an index into `METHODS`, and its entries' range in `ENTRIES`.
#[derive(Debug)]
pub(crate) struct EndpointInfo {
    pub(crate) name: u32,
    pub(crate) slug: u32,
    pub(crate) ident: u32,
    pub(crate) path: u32,
    pub(crate) method: u8,
    pub(crate) entries: [u32; 2],
}

impl Endpoint {
    #[inline]
    fn info(self) -> &'static EndpointInfo {
        &ENDPOINTS[self.index()]
    }

    /// The name the page heads its table with ("Create Trackers").
    #[inline]
    pub fn name(self) -> &'static str {
        text(self.info().name).unwrap_or_default()
    }

    /// The kebab-case slug ("create-trackers"), the anchor of its table.
    #[inline]
    pub fn slug(self) -> &'static str {
        text(self.info().slug).unwrap_or_default()
    }

    /// The HTTP method.
    #[inline]
    pub fn method(self) -> Method {
        generated::METHODS
            .get(usize::from(self.info().method))
            .cloned()
            .unwrap_or(Method::GET)
    }

    /// The path template, parameters in braces (`/v1/manage/tracker/{trackerId}`).
    #[inline]
    pub fn path(self) -> &'static str {
        text(self.info().path).unwrap_or_default()
    }

    /// This endpoint's own entries, in page order (not the general table's).
    #[inline]
    pub fn entries(self) -> &'static [Entry] {
        let [from, to] = self.info().entries;
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
        f.write_str(text(self.info().ident).unwrap_or_default())
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
        if ENDPOINT_KEYS.is_empty() {
            return Err(ParseEndpointError);
        }
        let hash = keyhash::hash(s.as_bytes(), KEY_SEED);
        let slot = phf_shared::ptrhash::get_index(
            KEY_SEED,
            hash,
            &KEY_PILOTS,
            &KEY_REMAP,
            ENDPOINT_KEYS.len(),
        );
        match ENDPOINT_KEYS.get(slot as usize) {
            Some(&[key, index])
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
