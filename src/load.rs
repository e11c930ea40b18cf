//! A catalogue read at run time (feature `load`): any `errors.toml`, read and
//! validated by `error-catalogue-build`, served by the same engine, so every
//! renderer, lookup and explanation gives what the compiled catalogue would.
//!
//! Its endpoints are [`Loaded`]. One catalogue is loaded per process (the
//! engine finds a catalogue's tables through its endpoint type, and this
//! type is one); its tables live as long as the process.
//!
//! ```
//! use error_catalogue::CatalogueEndpoint;
//! use error_catalogue::load::{self, Loaded};
//! use http::StatusCode;
//!
//! let report = error_catalogue_build::check_file(concat!(env!("CARGO_MANIFEST_DIR"), "/errors.toml"));
//! load::load(report.catalogue.as_ref().unwrap()).unwrap();
//! let e: Loaded = "create-trackers".parse().unwrap();
//! assert_eq!(e.lookup(StatusCode::CONFLICT).unwrap().anchor(), "create-trackers-409");
//! ```

use core::fmt;
use core::str::FromStr;
use std::sync::OnceLock;

use error_catalogue_build::Catalogue as Model;
use error_catalogue_build::codegen::packed_tables;
use error_catalogue_layout::route::Edge;

use crate::__private::{
    Columns, EndpointRecords, EntryRecords, KeyTable, LookupIndex, Tables, Texts,
};
use crate::engine::{CatalogueEndpoint, Entry};
use crate::route::RouteTables;
use crate::{Example, Page, ParseEndpointError, Support};

/// An endpoint of the catalogue loaded at run time: its index in page order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loaded(u32);

static LOADED: OnceLock<(&'static Tables<Loaded>, &'static [Loaded])> = OnceLock::new();

/// The tables before anything is loaded: no page, no entry, no endpoint.
static EMPTY: Tables<Loaded> = Tables {
    page: Page {
        id: "",
        title: "",
        sidebar_label: "",
        slug: "",
        docs_base_url: "",
        imports: &[],
        intro: &[],
        support: None,
        general_title: "",
        general_slug: "",
    },
    entries: &[],
    general_len: 0,
    entry_records: EntryRecords::Packed(&[]),
    endpoint_records: EndpointRecords::Packed(&[]),
    texts: Texts::NONE,
    examples: &[],
    index: LookupIndex {
        status_column: Columns::U16(&[0; 1024]),
        rows: &[],
        row_width: 1,
        cell_bytes: 2,
    },
    keys: KeyTable {
        seed: 0,
        pilots: &[],
        remap: &[],
        slots: &[],
    },
    routes: RouteTables::new(&[], &[], &[], &[], "", &[], &[]),
};

/// Why a catalogue was not loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadError {
    /// A catalogue is already loaded in this process.
    AlreadyLoaded,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a catalogue is already loaded in this process")
    }
}

impl std::error::Error for LoadError {}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Vec::leak(v)
}

fn leak_str(s: &str) -> &'static str {
    String::leak(s.to_owned())
}

/// Loads a checked catalogue (`error_catalogue_build::check_file`'s) as
/// this process's [`Loaded`] catalogue. Its tables are built with the
/// build crate's own code, the same bytes generated code holds.
pub fn load(model: &Model) -> Result<(), LoadError> {
    if LOADED.get().is_some() {
        return Err(LoadError::AlreadyLoaded);
    }
    let packed = packed_tables(model);
    let entry_count = model.entries().count();
    let entries: Vec<Entry<Loaded>> = model
        .entries()
        .enumerate()
        .map(|(i, e)| Entry::new(u32::try_from(i).unwrap_or(u32::MAX), e.status))
        .collect();
    let examples: Vec<Example> = model
        .entries()
        .filter_map(|e| e.example.as_ref())
        .map(|x| Example {
            caption: x.caption.as_deref().map(leak_str),
            lang: leak_str(&x.lang),
            body: leak_str(&x.body),
        })
        .collect();
    let mut columns = Box::new([0u16; 1024]);
    for &(status, column) in &packed.status_columns {
        columns[usize::from(status) & 1023] = column;
    }
    let edges: Vec<Edge<'static>> = packed
        .route_edges
        .iter()
        .map(|e| e.edge_over(leak(e.bytes.clone())))
        .collect();
    let r = &packed.routes;
    let p = &model.page;
    let tables = Tables {
        page: Page {
            id: leak_str(&p.id),
            title: leak_str(&p.title),
            sidebar_label: leak_str(&p.sidebar_label),
            slug: leak_str(&p.slug),
            docs_base_url: leak_str(&p.docs_base_url),
            imports: leak(p.imports.iter().map(|s| leak_str(s)).collect()),
            intro: leak(p.intro.iter().map(|s| leak_str(s)).collect()),
            support: p.support.as_ref().map(|s| Support {
                notice: leak_str(&s.notice),
                email: leak_str(&s.email),
            }),
            general_title: leak_str(&model.general.title),
            general_slug: leak_str(&model.general.slug),
        },
        entries: leak(entries),
        general_len: model.general.entries.len(),
        entry_records: EntryRecords::Packed(leak(packed.entry_records)),
        endpoint_records: EndpointRecords::Packed(leak(packed.endpoint_records)),
        texts: Texts {
            blob: String::leak(packed.text),
            ends: leak(packed.text_ends),
        },
        examples: leak(examples),
        index: LookupIndex {
            status_column: Columns::U16(Box::leak(columns)),
            rows: leak(packed.rows),
            row_width: packed.row_width,
            cell_bytes: packed.cell_bytes,
        },
        keys: KeyTable {
            seed: packed.key_seed,
            pilots: leak(packed.key_pilots),
            remap: leak(packed.key_remap),
            slots: leak(packed.key_slots),
        },
        routes: RouteTables::new(
            leak(r.roots.clone()),
            leak(r.nodes.clone()),
            leak(edges),
            leak(r.slots.clone()),
            leak_str(&r.param_names),
            leak(r.param_ends.clone()),
            leak(r.base_paths.iter().map(|b| leak_str(b)).collect()),
        ),
    };
    debug_assert_eq!(tables.entries.len(), entry_count);
    let all: Vec<Loaded> = (0..model.endpoints.len())
        .map(|i| Loaded(u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    LOADED
        .set((Box::leak(Box::new(tables)), leak(all)))
        .map_err(|_| LoadError::AlreadyLoaded)
}

impl CatalogueEndpoint for Loaded {
    #[inline]
    fn all() -> &'static [Self] {
        LOADED.get().map_or(&[], |l| l.1)
    }

    #[inline]
    fn index(self) -> usize {
        self.0 as usize
    }

    #[inline]
    fn tables() -> &'static Tables<Self> {
        LOADED.get().map_or(&EMPTY, |l| l.0)
    }
}

impl fmt::Debug for Loaded {
    /// Writes the identifier, as a generated `Endpoint` does.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.ident())
    }
}

impl fmt::Display for Loaded {
    /// Writes the name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for Loaded {
    type Err = ParseEndpointError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Loaded::parse(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Loaded {
    /// An endpoint serializes as its slug.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.slug())
    }
}
