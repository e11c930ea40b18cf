//! What generated code names, and nothing else: `#[doc(hidden)]`, outside
//! semver, public only because the code `error-catalogue-build` generates
//! lives in other crates (as prost's `encoding` and tonic's `codegen`).
//!
//! A catalogue module is data: [`Tables`] of records and the `Endpoint`
//! enum. The behaviour is here and in the engine's generic types; the
//! [`catalogue_api!`] macro writes the module's API as thin calls into them.

pub use error_catalogue_records::{
    CONTRACT_V7, EndpointRecord, EntryRecord, Example, Literal, Method, MethodRoutes, Mixed, Node,
    Page, Part, Plain, Route, Support,
};
pub use http;
pub use phf;
#[cfg(feature = "serde")]
pub use serde;

pub use crate::__catalogue_api as catalogue_api;
pub use crate::__catalogue_code_api as catalogue_code_api;
pub use crate::__catalogue_code_serde_api as catalogue_code_serde_api;
pub use crate::__catalogue_error as catalogue_error;
pub use crate::__catalogue_serde_api as catalogue_serde_api;
pub use crate::__endpoint_error as endpoint_error;
pub use crate::__error_axum as error_axum;
pub use crate::__error_miette as error_miette;
pub use crate::__error_serde as error_serde;
pub use crate::code::parse_code;
pub use crate::engine::CatalogueEndpoint;
use crate::engine::Entry;
#[cfg(feature = "axum")]
pub use crate::typed::axum_response;
pub use crate::typed::{fmt_code_variant, fmt_error, fmt_variant};
#[cfg(feature = "miette")]
pub use crate::typed::{miette_code, miette_help, miette_url};
#[cfg(feature = "axum")]
pub use axum_core;
#[cfg(feature = "miette")]
pub use miette;

/// Every table of one catalogue, as generated.
pub struct Tables<E: 'static> {
    /// The page's metadata.
    pub page: Page<'static>,
    /// The base paths a request may carry before the templates, as listed.
    pub base_paths: &'static [&'static str],
    /// The endpoints' records, in `Endpoint::ALL` order.
    pub endpoints: &'static [EndpointRecord<'static>],
    /// Every entry, in page order: the general table's, then each endpoint's.
    pub entries: &'static [Entry<E>],
    /// How many of [`Tables::entries`] are the general table's.
    pub general_len: usize,
    /// The (endpoint, status) index.
    pub lookup: Lookup<E>,
    /// Every endpoint's lower-cased name, slug and identifier.
    pub keys: &'static phf::Map<&'static str, E>,
    /// Each method's route trie.
    pub routes: &'static [MethodRoutes<'static, E>],
    /// Every application code's entry, in registry (page) order.
    pub codes: &'static [Entry<E>],
    /// Where a response body carries its application code: JSON Pointers,
    /// tried in order.
    pub code_pointers: &'static [&'static str],
    /// Whether the codes are integers (sent as JSON numbers), not strings.
    pub integer_codes: bool,
    /// The entry of an application code as sent, exactly; `None` for a
    /// code the catalogue lacks. Generated code's reads its own index.
    pub lookup_code: fn(&str) -> Option<&'static Entry<E>>,
}

impl<E> core::fmt::Debug for Tables<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Tables")
            .field("page", &self.page.title)
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

/// An entry over its record, for generated code.
pub const fn entry<E>(record: EntryRecord<'static, E>) -> Entry<E> {
    Entry::from_record(record)
}

/// Where each status is among the index's columns: `StatusCode` keeps
/// codes in 100..=999, so 1,024 slots, indexed by the code, hold them all.
const STATUS_SLOTS: usize = 1024;

/// A status no table lists, in [`Lookup`]'s column table.
const NO_COLUMN: u16 = u16::MAX;

/// The (endpoint, status) index: a row per table (row 0 the general table,
/// row `i + 1` endpoint `i`, the general table's entries filled in), a
/// column per status some table lists. A lookup is two loads: the status's
/// column, then the cell.
pub struct Lookup<E: 'static> {
    /// Each status's column, or [`NO_COLUMN`].
    columns: [u16; STATUS_SLOTS],
    /// Cells per row.
    width: usize,
    /// The rows, one after another.
    cells: &'static [Option<&'static Entry<E>>],
}

impl<E> Lookup<E> {
    /// The index over `statuses` (ascending, each a column) and `rows`,
    /// evaluated at compile time in generated code.
    pub const fn new<const W: usize>(
        statuses: &[u16; W],
        rows: &'static [[Option<&'static Entry<E>>; W]],
    ) -> Lookup<E> {
        Lookup {
            columns: columns(statuses),
            width: W,
            cells: rows.as_flattened(),
        }
    }

    /// The index over `statuses` and `cells`, `statuses.len()` per row.
    pub fn from_cells(statuses: &[u16], cells: &'static [Option<&'static Entry<E>>]) -> Lookup<E> {
        Lookup {
            columns: columns(statuses),
            width: statuses.len(),
            cells,
        }
    }

    /// What `status` means in row `row`.
    #[inline]
    pub fn get(&self, row: usize, status: u16) -> Option<&'static Entry<E>> {
        let column = self.columns[usize::from(status) % STATUS_SLOTS];
        if column == NO_COLUMN {
            return None;
        }
        let cell = row * self.width + usize::from(column);
        *self.cells.get(cell)?
    }
}

/// Each status's position in `statuses` (at most `u16::MAX - 1` of them:
/// the slots bound them far below).
const fn columns(statuses: &[u16]) -> [u16; STATUS_SLOTS] {
    let mut columns = [NO_COLUMN; STATUS_SLOTS];
    let mut i = 0;
    while i < statuses.len() && i < STATUS_SLOTS {
        columns[statuses[i] as usize % STATUS_SLOTS] = i as u16;
        i += 1;
    }
    columns
}

// Loaded by `#[path]` from lib.rs, this file's modules resolve beside it.
#[cfg(test)]
#[path = "private/tests.rs"]
mod tests;
