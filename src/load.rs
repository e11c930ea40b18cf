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
use error_catalogue_build::catalogue::CodeValue;
use error_catalogue_build::records::{self, CodeTexts, Derived};
use error_catalogue_build::routes::{self, TrieNode};
use error_catalogue_records::{
    EndpointRecord, EntryRecord, Example, Literal, MethodRoutes, Node, Plain, Route, Support,
};

use crate::__private::{Lookup, Tables};
use crate::engine::{CatalogueEndpoint, Entry};
use crate::{Page, ParseEndpointError};

/// An endpoint of the catalogue loaded at run time: its index in page order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loaded(u32);

/// The catalogue this process loaded.
struct Held {
    tables: &'static Tables<Loaded>,
    /// Its endpoints, in page order.
    all: &'static [Loaded],
    /// Its codes as sent, each to its position in the tables' `codes`:
    /// what `lookup_code` reads.
    code_keys: &'static phf::Map<&'static str, usize>,
}

static LOADED: OnceLock<Held> = OnceLock::new();

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
    base_paths: &[],
    endpoints: &[],
    entries: &[],
    general_len: 0,
    lookup: Lookup::new(&[], &[]),
    keys: &phf::Map {
        key: 0,
        pilots: &[],
        remap: &[],
        entries: &[],
    },
    routes: &[],
    codes: &[],
    code_pointers: &[],
    integer_codes: false,
    lookup_code,
};

/// The entry of an application code of the loaded catalogue, as sent.
fn lookup_code(code: &str) -> Option<&'static Entry<Loaded>> {
    let held = LOADED.get()?;
    held.code_keys
        .get(code)
        .and_then(|&i| held.tables.codes.get(i))
}

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

fn leak_opt(s: Option<&str>) -> Option<&'static str> {
    s.map(leak_str)
}

/// Endpoint `i` of a loaded catalogue.
fn loaded(i: usize) -> Loaded {
    // Validation bounds the endpoints far below `u32::MAX`.
    Loaded(u32::try_from(i).unwrap_or(u32::MAX))
}

/// Loads a checked catalogue (`error_catalogue_build::check_file`'s) as
/// this process's [`Loaded`] catalogue: the records generated code would
/// hold, made by the build crate's own code, their texts leaked to live as
/// long as the process.
pub fn load(model: &Model) -> Result<(), LoadError> {
    if LOADED.get().is_some() {
        return Err(LoadError::AlreadyLoaded);
    }
    let texts = CodeTexts::new(model);
    let derived = Derived::new(model, &texts);
    let entries: Vec<Entry<Loaded>> = records::entries(model, &derived)
        .map(|r| crate::__private::entry(entry(r)))
        .collect();
    let entries = leak(entries);
    let codes: Vec<Entry<Loaded>> = records::codes(model, &texts, &derived)
        .map(|r| crate::__private::entry(entry(r)))
        .collect();
    let code_keys = leaked_keys(records::code_keys(&texts), |i| i);
    let lookup = records::lookup(model);
    let cells = lookup
        .rows
        .iter()
        .flatten()
        .map(|cell| cell.and_then(|k| entries.get(k)))
        .collect();
    let keys = leaked_keys(records::keys(model), loaded);
    let endpoints = records::endpoints(model)
        .map(|r| EndpointRecord {
            name: leak_str(r.name),
            slug: leak_str(r.slug),
            ident: leak_str(r.ident),
            method: r.method,
            path: leak_str(r.path),
            entries: r.entries,
            deprecated: leak_opt(r.deprecated),
        })
        .collect();
    let routes = routes::tries(model)
        .iter()
        .map(|(method, root)| MethodRoutes {
            method: *method,
            root: leaked_node(root, &loaded),
        })
        .collect();
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
        base_paths: leak(model.base_paths.iter().map(|b| leak_str(b)).collect()),
        endpoints: leak(endpoints),
        entries,
        general_len: model.general.entries.len(),
        lookup: Lookup::from_cells(&lookup.statuses, leak(cells)),
        keys,
        routes: leak(routes),
        codes: leak(codes),
        code_pointers: leak(model.code_pointers.iter().map(|p| leak_str(p)).collect()),
        integer_codes: model
            .codes
            .iter()
            .any(|c| matches!(c.code, CodeValue::Integer(_))),
        lookup_code,
    };
    let all: Vec<Loaded> = (0..model.endpoints.len()).map(loaded).collect();
    LOADED
        .set(Held {
            tables: Box::leak(Box::new(tables)),
            all: leak(all),
            code_keys,
        })
        .map_err(|_| LoadError::AlreadyLoaded)
}

/// phf's map of `keys`, leaked, each position mapped by `value`.
fn leaked_keys<V>(
    keys: records::Keys,
    value: impl Fn(usize) -> V,
) -> &'static phf::Map<&'static str, V> {
    Box::leak(Box::new(phf::Map {
        key: keys.key,
        pilots: leak(keys.pilots),
        remap: leak(keys.remap),
        entries: leak(
            keys.entries
                .iter()
                .map(|(k, i)| (leak_str(k), value(*i)))
                .collect(),
        ),
    }))
}

/// An entry's record, its texts leaked.
fn entry(r: EntryRecord<'_, usize>) -> EntryRecord<'static, Loaded> {
    EntryRecord {
        anchor: leak_str(r.anchor),
        status: r.status,
        endpoint: r.endpoint.map(loaded),
        code: leak_opt(r.code),
        codes: leak(r.codes.iter().map(|c| leak_str(c)).collect()),
        retryable: r.retryable,
        meaning: leak_str(r.meaning),
        description: leak_opt(r.description),
        resolution: leak_opt(r.resolution),
        plain: r.plain.map(|p| Plain {
            meaning: leak_str(p.meaning),
            description: leak_opt(p.description),
            resolution: leak_opt(p.resolution),
        }),
        example: r.example.map(|x| {
            &*Box::leak(Box::new(Example {
                caption: leak_opt(x.caption),
                lang: leak_str(x.lang),
                body: leak_str(x.body),
            }))
        }),
        deprecated: leak_opt(r.deprecated),
    }
}

/// A route trie's node, leaked, its endpoints named by `endpoint(index)`.
pub(crate) fn leaked_node<E>(n: &TrieNode, endpoint: &impl Fn(usize) -> E) -> Node<'static, E> {
    let child = |c: &Option<Box<TrieNode>>| {
        c.as_deref()
            .map(|c| &*Box::leak(Box::new(leaked_node(c, endpoint))))
    };
    Node {
        literals: leak(
            n.literals
                .iter()
                .map(|(segment, next)| Literal {
                    segment: leak_str(segment),
                    node: leaked_node(next, endpoint),
                })
                .collect(),
        ),
        param: child(&n.param),
        catch_all: child(&n.catch_all),
        route: n.route.as_ref().map(|(at, base_path)| Route {
            endpoint: endpoint(*at),
            base_path: leak_str(base_path),
        }),
    }
}

impl CatalogueEndpoint for Loaded {
    #[inline]
    fn all() -> &'static [Self] {
        LOADED.get().map_or(&[], |l| l.all)
    }

    #[inline]
    fn index(self) -> usize {
        self.0 as usize
    }

    #[inline]
    fn tables() -> &'static Tables<Self> {
        LOADED.get().map_or(&EMPTY, |l| l.tables)
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
