//! What generated code names, and nothing else: `#[doc(hidden)]`, outside
//! semver, public only because the code `error-catalogue-build` generates
//! lives in other crates (as prost's `encoding` and tonic's `codegen`).
//!
//! A catalogue module is data: [`Tables`] and the `Endpoint` enum. The
//! behaviour is here and in the engine's generic types; the
//! [`catalogue_api!`] macro writes the module's API as thin calls into them.

pub use error_catalogue_layout::route::Edge;
pub use error_catalogue_layout::{CONTRACT_V4, EndpointRecord, EntryRecord, Method, Plain, TextId};
pub use http;
#[cfg(feature = "serde")]
pub use serde;

pub use crate::__catalogue_api as catalogue_api;
pub use crate::__catalogue_error as catalogue_error;
pub use crate::__catalogue_serde_api as catalogue_serde_api;
pub use crate::__endpoint_error as endpoint_error;
pub use crate::__error_axum as error_axum;
pub use crate::__error_miette as error_miette;
pub use crate::__error_serde as error_serde;
pub use crate::engine::CatalogueEndpoint;
use crate::engine::Entry;
pub use crate::entry::Example;
pub use crate::page::{Page, Support};
pub use crate::route::{Aligned, RouteTables};
#[cfg(feature = "axum")]
pub use crate::typed::axum_response;
pub use crate::typed::{fmt_error, fmt_variant};
#[cfg(feature = "miette")]
pub use crate::typed::{miette_code, miette_help, miette_url};
#[cfg(feature = "axum")]
pub use axum_core;
#[cfg(feature = "miette")]
pub use miette;

use error_catalogue_layout::{STATUS_SLOTS, endpoint, entry, text};

/// Every table of one catalogue, as generated.
pub struct Tables<E: 'static> {
    /// The page's metadata.
    pub page: Page,
    /// Entry handles, one per record, in page order: the general table's,
    /// then each endpoint's.
    pub entries: &'static [Entry<E>],
    /// How many of [`Tables::entries`] are the general table's.
    pub general_len: usize,
    /// The entries' records.
    pub entry_records: EntryRecords,
    /// The endpoints' records, in `Endpoint::ALL` order.
    pub endpoint_records: EndpointRecords,
    /// The packed form's texts (empty in the readable form).
    pub texts: Texts,
    /// The examples entries refer to.
    pub examples: &'static [Example],
    /// The (endpoint, status) index.
    pub index: LookupIndex,
    /// The perfect-hash table of endpoint names, slugs and identifiers.
    pub keys: KeyTable,
    /// The route tables.
    pub routes: RouteTables<'static>,
}

impl<E> core::fmt::Debug for Tables<E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Tables")
            .field("page", &self.page.title())
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

/// The record of no entry: what an index past the records reads as.
const NO_ENTRY_RECORD: EntryRecord<&'static str> = EntryRecord {
    status: 0,
    endpoint_row: 0,
    retryable: false,
    meaning: "",
    description: None,
    resolution: None,
    anchor: "",
    plain: None,
    example: None,
    deprecated: None,
};

/// Entry records: written out (readable) or packed.
#[derive(Debug)]
pub enum EntryRecords {
    /// One struct literal per entry.
    Readable(&'static [EntryRecord<&'static str>]),
    /// [`entry::SIZE`] bytes per entry, texts in [`Tables::texts`].
    Packed(&'static [u8]),
}

/// Endpoint records: written out (readable) or packed.
#[derive(Debug)]
pub enum EndpointRecords {
    /// One struct literal per endpoint.
    Readable(&'static [EndpointRecord<&'static str>]),
    /// [`endpoint::SIZE`] bytes per endpoint, texts in [`Tables::texts`].
    Packed(&'static [u8]),
}

/// A packed catalogue's texts: each once, one after another, and where each
/// ends (see [`error_catalogue_layout::text`]).
#[derive(Debug)]
pub struct Texts {
    /// Every text, concatenated.
    pub blob: &'static str,
    /// Where each text ends in `blob`, as little-endian `u32`s.
    pub ends: &'static [u8],
}

impl Texts {
    /// No texts: the readable form's.
    pub const NONE: Texts = Texts {
        blob: "",
        ends: &[],
    };

    /// Text `id`; `""` for an id that names none (generation leaves none).
    #[inline]
    pub fn get(&self, id: TextId) -> &'static str {
        text(self.blob, self.ends, id).unwrap_or_default()
    }
}

/// The two-level (endpoint, status) index: `status_column[status & 1023]`
/// is the status's column (0: no table lists it); `rows` holds one row of
/// `row_width` cells per table (row 0 the general table, row `i + 1`
/// endpoint `i` with the general fallback filled in), each cell the entry's
/// index + 1 (0: none) in `cell_bytes` little-endian bytes. With rows
/// [`STATUS_SLOTS`] wide it is direct: each status is its own column.
#[derive(Debug)]
pub struct LookupIndex {
    /// Status → column.
    pub status_column: Columns,
    /// The rows' cells.
    pub rows: &'static [u8],
    /// Cells per row, a power of two.
    pub row_width: usize,
    /// Bytes per cell: 2 or 4.
    pub cell_bytes: usize,
}

/// Status → column, in the narrowest type that holds every column.
#[derive(Debug)]
pub enum Columns {
    /// Up to 255 columns.
    U8(&'static [u8; 1024]),
    /// More.
    U16(&'static [u16; 1024]),
}

/// The ptrhash table of lower-cased endpoint keys (see
/// [`error_catalogue_layout::keyhash`]): slots are
/// [`error_catalogue_layout::KeySlot`]s.
#[derive(Debug)]
pub struct KeyTable {
    /// The hash seed the table was solved for.
    pub seed: u64,
    /// ptrhash's per-bucket pilots.
    pub pilots: &'static [u8],
    /// ptrhash's remapping of slots past the end.
    pub remap: &'static [u32],
    /// The slots, packed.
    pub slots: &'static [u8],
}

impl<E: CatalogueEndpoint> Tables<E> {
    /// Entry `i`'s record, texts resolved (an empty record past the end,
    /// which handles never reach).
    #[inline(always)]
    pub(crate) fn entry(&self, i: u32) -> EntryRecord<&'static str> {
        let i = i as usize;
        let found = match self.entry_records {
            EntryRecords::Readable(records) => records.get(i).copied(),
            EntryRecords::Packed(bytes) => {
                let (records, _) = bytes.as_chunks::<{ entry::SIZE }>();
                records
                    .get(i)
                    .map(|r| EntryRecord::from_bytes(r).map(|t| self.texts.get(t)))
            }
        };
        found.unwrap_or(NO_ENTRY_RECORD)
    }

    /// Endpoint `i`'s record, texts resolved.
    #[inline(always)]
    pub(crate) fn endpoint(&self, i: usize) -> EndpointRecord<&'static str> {
        let found = match self.endpoint_records {
            EndpointRecords::Readable(records) => records.get(i).copied(),
            EndpointRecords::Packed(bytes) => {
                let (records, _) = bytes.as_chunks::<{ endpoint::SIZE }>();
                records
                    .get(i)
                    .map(|r| EndpointRecord::from_bytes(r).map(|t| self.texts.get(t)))
            }
        };
        found.unwrap_or(EndpointRecord {
            name: "",
            slug: "",
            ident: "",
            method: Method::Get,
            path: "",
            entries_start: 0,
            entries_end: 0,
            deprecated: None,
        })
    }
}

/// What `code` means in row `row` of `index` (0: the general table,
/// `i + 1`: endpoint `i`, fallback included), among `entries`. Generated
/// catalogues pass constants, so after inlining the index's shape folds
/// away: two loads and one comparison.
#[inline(always)]
pub fn lookup_in<E>(
    index: &LookupIndex,
    entries: &'static [Entry<E>],
    row: usize,
    code: u16,
) -> Option<&'static Entry<E>> {
    // `StatusCode` keeps codes in 100..=999, within the 1024 slots.
    let slot = usize::from(code) & 1023;
    let column = match index.status_column {
        Columns::U8(c) => usize::from(c[slot]),
        Columns::U16(c) => usize::from(c[slot]),
    };
    // Masking keeps the column within the row (the width is a power of two).
    let cell = row * index.row_width + (column & (index.row_width - 1));
    let at = cell * index.cell_bytes;
    let entry = if index.cell_bytes == 2 {
        let bytes = index.rows.get(at..)?.first_chunk::<2>()?;
        usize::from(u16::from_le_bytes(*bytes))
    } else {
        let bytes = index.rows.get(at..)?.first_chunk::<4>()?;
        u32::from_le_bytes(*bytes) as usize
    };
    // Cell 0 wraps to `usize::MAX`: `None`.
    entries.get(entry.wrapping_sub(1))
}

/// [`lookup_in`] with the index's shape as type and const parameters, as
/// generated catalogues call it: `columns` is `STATUS_COLUMN`, `rows` rows
/// of `ROW_BYTES` bytes, each `ROW_BYTES / CELL` cells of `CELL` (2 or 4)
/// little-endian bytes. With the shape known at compile time a lookup is
/// two loads, two masks and one comparison.
#[inline(always)]
pub fn lookup_fixed<C, E, const ROW_BYTES: usize, const CELL: usize>(
    columns: &[C; STATUS_SLOTS],
    rows: &[u8],
    entries: &'static [Entry<E>],
    row: usize,
    code: u16,
) -> Option<&'static Entry<E>>
where
    C: Copy + Into<usize>,
{
    let slot = usize::from(code) & (STATUS_SLOTS - 1);
    // A direct index's column is the status (its `columns` map each listed
    // status to itself): one load fewer, decided at compile time.
    let column: usize = if ROW_BYTES / CELL == STATUS_SLOTS {
        slot
    } else {
        columns[slot].into()
    };
    let (rows, _) = rows.as_chunks::<ROW_BYTES>();
    let (cells, _) = rows.get(row)?.as_chunks::<CELL>();
    // A row holds a power-of-two number of cells: the mask keeps this in range.
    let cell = cells.get(column & (ROW_BYTES / CELL - 1))?;
    // A cell of 4 bytes holds a `u32`, one of 2 a `u16`: with CELL a
    // constant, the one that applies is known at compile time.
    let entry = match cell.first_chunk::<4>() {
        Some(wide) => u32::from_le_bytes(*wide) as usize,
        None => cell
            .first_chunk::<2>()
            .map_or(0, |narrow| usize::from(u16::from_le_bytes(*narrow))),
    };
    // Cell 0 wraps to `usize::MAX`: `None`.
    entries.get(entry.wrapping_sub(1))
}

/// The page's metadata, for generated code.
#[allow(clippy::too_many_arguments)]
pub const fn page(
    id: &'static str,
    title: &'static str,
    sidebar_label: &'static str,
    slug: &'static str,
    docs_base_url: &'static str,
    imports: &'static [&'static str],
    intro: &'static [&'static str],
    support: Option<Support>,
    general_title: &'static str,
    general_slug: &'static str,
) -> Page {
    Page {
        id,
        title,
        sidebar_label,
        slug,
        docs_base_url,
        imports,
        intro,
        support,
        general_title,
        general_slug,
    }
}

/// Status → column for at most 255 columns, from `(status, column)` pairs.
pub const fn columns_u8(pairs: &[(u16, u8)]) -> [u8; 1024] {
    let mut columns = [0; 1024];
    let mut i = 0;
    while i < pairs.len() {
        let (status, column) = pairs[i];
        columns[status as usize & 1023] = column;
        i += 1;
    }
    columns
}

/// Status → column for more columns, from `(status, column)` pairs.
pub const fn columns_u16(pairs: &[(u16, u16)]) -> [u16; 1024] {
    let mut columns = [0; 1024];
    let mut i = 0;
    while i < pairs.len() {
        let (status, column) = pairs[i];
        columns[status as usize & 1023] = column;
        i += 1;
    }
    columns
}

/// The support notice, for generated code.
pub const fn support(notice: &'static str, email: &'static str) -> Support {
    Support { notice, email }
}

/// An example, for generated code.
pub const fn example(
    caption: Option<&'static str>,
    lang: &'static str,
    body: &'static str,
) -> Example {
    Example {
        caption,
        lang,
        body,
    }
}

/// The entry handles of a readable catalogue, evaluated at compile time.
pub const fn entry_handles<E, const N: usize>(
    records: &[EntryRecord<&'static str>; N],
) -> [Entry<E>; N] {
    let mut all = [Entry::<E>::NONE; N];
    let mut i = 0;
    while i < N {
        all[i] = Entry::new(i as u32, records[i].status);
        i += 1;
    }
    all
}

/// The entry handles of a packed catalogue, evaluated at compile time: the
/// status is read from each record's [`entry::STATUS`] bytes.
pub const fn packed_entry_handles<E, const N: usize>(records: &[u8]) -> [Entry<E>; N] {
    let mut all = [Entry::<E>::NONE; N];
    let mut i = 0;
    while i < N {
        let at = i * entry::SIZE + entry::STATUS;
        let code = if at + 1 < records.len() {
            u16::from_le_bytes([records[at], records[at + 1]])
        } else {
            0
        };
        all[i] = Entry::new(i as u32, code);
        i += 1;
    }
    all
}

// Loaded by `#[path]` from lib.rs, this file's modules resolve beside it.
#[cfg(test)]
#[path = "private/tests.rs"]
mod tests;
