//! Symbl.ai's error codes as checked, compiled data.
//!
//! The catalogue (`errors.toml`) is read, validated and turned into static
//! tables at build time, so a lookup is two array reads: no parsing, no
//! allocation, no panic.
//!
//! ```
//! use error_catalogue::{lookup, Endpoint, Entry};
//! use http::StatusCode;
//!
//! let e: &'static Entry = lookup(Endpoint::CreateTrackers, StatusCode::CONFLICT).unwrap();
//! assert_eq!(e.code(), 409);
//! assert_eq!(e.meaning(), "Conflict");
//! assert_eq!(e.endpoint(), Some(Endpoint::CreateTrackers));
//! assert!(!e.retryable());
//! assert!(e.resolution().unwrap().starts_with("Modify the name of the Tracker"));
//!
//! // Statuses an endpoint does not list fall back to the general table.
//! let general = lookup(Endpoint::GetTracker, StatusCode::UNAUTHORIZED).unwrap();
//! assert_eq!((general.meaning(), general.endpoint()), ("Unauthorized", None));
//!
//! // Statuses nobody lists are not in the catalogue.
//! assert!(lookup(Endpoint::GetTracker, StatusCode::IM_A_TEAPOT).is_none());
//!
//! // Endpoints parse from their name, slug or identifier, ignoring case.
//! assert_eq!("create-trackers".parse::<Endpoint>(), Ok(Endpoint::CreateTrackers));
//! assert_eq!("Get Tracker".parse::<Endpoint>(), Ok(Endpoint::GetTracker));
//! ```
//!
//! # Features
//!
// Each linked item exists only with its feature: the link is written only then,
// so the docs build without warnings under any set of features.
#![cfg_attr(
    feature = "serde",
    doc = "- `serde` (default): `Serialize` for the public types, and [`Catalogue`]"
)]
#![cfg_attr(
    not(feature = "serde"),
    doc = "- `serde` (default): `Serialize` for the public types, and `Catalogue`"
)]
//!   as one serializable value.
#![cfg_attr(
    feature = "entry-consts",
    doc = "- `entry-consts` (default): one constant per entry in [`codes`], so code"
)]
#![cfg_attr(
    not(feature = "entry-consts"),
    doc = "- `entry-consts` (default): one constant per entry in `codes`, so code"
)]
//!   that names an entry stops compiling if the entry leaves the catalogue.
#![cfg_attr(
    feature = "render",
    doc = "- `render` (default): [`render`], the docs renderers (MDX, Markdown;"
)]
#![cfg_attr(
    not(feature = "render"),
    doc = "- `render` (default): `render`, the docs renderers (MDX, Markdown;"
)]
//!   JSON and OpenAPI with `serde`).
//! - `cli` (default): the `errcat` binary. Depend with
//!   `default-features = false` to compile none of its dependencies.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod endpoint;
mod entry;
#[cfg(feature = "serde")]
mod explain;
mod generated;
mod page;
#[cfg(feature = "serde")]
mod problem;
#[cfg(feature = "render")]
pub mod render;
mod route;
#[cfg(feature = "serde")]
mod ser;

pub use endpoint::{Endpoint, ParseEndpointError};
pub use entry::{Entry, Example};
#[cfg(feature = "serde")]
pub use explain::{Explanation, MAX_EXPLAINED_BODY, RetryAfter};
#[cfg(feature = "entry-consts")]
pub use generated::codes;
pub use http::StatusCode;
pub use page::{Page, Support};
#[cfg(feature = "serde")]
pub use problem::{ExtensionError, PROBLEM_JSON, Problem, STANDARD_MEMBERS};
pub use route::{RouteMatch, lookup_request, route};
#[cfg(feature = "serde")]
pub use ser::Catalogue;

use generated::{ENTRIES, EntryIndex, GENERAL_LEN, ROW_BYTES, ROW_WIDTH, ROWS, STATUS_COLUMN};

/// What `status` from `endpoint` means: the endpoint's own entry, else the
/// general table's, else `None`. Never allocates or panics.
#[inline]
pub fn lookup(endpoint: Endpoint, status: StatusCode) -> Option<&'static Entry> {
    lookup_row(endpoint.index() + 1, status.as_u16())
}

/// What `status` means in the general table.
#[inline]
pub fn lookup_general(status: StatusCode) -> Option<&'static Entry> {
    lookup_row(0, status.as_u16())
}

/// Row 0 is the general table, row `i + 1` endpoint `i`, fallback included.
/// Column 0 and cell 0 mean "none"; both tables are power-of-two wide, so the
/// masks stand in for bounds checks and the only test left is the last one,
/// which also turns cell 0 into `None` (it wraps to `usize::MAX`).
///
/// `ROWS` is bytes (a byte-string literal compiles far faster than arrays of
/// numbers at scale): `as_chunks` views it as rows of `ROW_BYTES` and a row as
/// `ROW_WIDTH` cells of fixed-size arrays, so the decode is one little-endian
/// load, and the row check is the only bounds check (the enum keeps it in range).
#[inline]
fn lookup_row(row: usize, code: u16) -> Option<&'static Entry> {
    const CELL: usize = size_of::<EntryIndex>();
    // `StatusCode` keeps codes in 100..=999, within the 1024-slot table.
    let column = STATUS_COLUMN[usize::from(code) & (STATUS_COLUMN.len() - 1)];
    let (rows, _) = ROWS.as_chunks::<ROW_BYTES>();
    let (cells, _) = rows.get(row)?.as_chunks::<CELL>();
    // A row holds exactly `ROW_WIDTH` cells, so the mask keeps this in range.
    let cell = EntryIndex::from_le_bytes(*cells.get(usize::from(column) & (ROW_WIDTH - 1))?);
    // `EntryIndex` is u16 or u32, both lossless as usize.
    ENTRIES.get((cell as usize).wrapping_sub(1))
}

/// Every entry: the general table's, then each endpoint's, in page order.
#[inline]
pub fn entries() -> &'static [Entry] {
    &ENTRIES
}

/// The general table: what a status means for any endpoint.
#[inline]
pub fn general() -> &'static [Entry] {
    &ENTRIES[..GENERAL_LEN]
}

/// The documentation page's metadata.
#[inline]
pub fn page() -> &'static Page {
    &generated::PAGE
}

/// README.md's Rust examples, compiled and run as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
