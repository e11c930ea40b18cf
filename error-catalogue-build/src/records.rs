//! A checked [`Catalogue`] as the records generated code holds
//! (`error_catalogue_records`), as values: what `codegen` writes as struct
//! literals, and what error-catalogue's `load` feature serves at run time.
//! Each record is made here once for both.

use std::collections::{BTreeMap, BTreeSet};

use error_catalogue_records::{EndpointRecord, EntryRecord, Example, Method, Plain};

use crate::catalogue::{Catalogue, Entry};
use crate::markup;

/// The texts a catalogue's entries derive: each one's anchor and, where
/// markup differs, its plain texts. Records borrow them.
#[derive(Debug, Clone)]
pub struct Derived<'c> {
    anchors: Vec<String>,
    plains: Vec<Option<PlainTexts>>,
    examples: Vec<Option<Example<'c>>>,
}

/// Every entry with its table, in [`Catalogue::entries`] order: the
/// general table's (no endpoint), then each endpoint's (its index); the
/// slug is the table's, which names its entries' anchors and constants.
pub fn rows(catalogue: &Catalogue) -> impl Iterator<Item = (Option<usize>, &str, &Entry)> {
    let general = catalogue
        .general
        .entries
        .iter()
        .map(|e| (None, catalogue.general.slug.as_str(), e));
    let endpoints = catalogue.endpoints.iter().enumerate().flat_map(|(i, ep)| {
        ep.entries
            .iter()
            .map(move |e| (Some(i), ep.slug.as_str(), e))
    });
    general.chain(endpoints)
}

impl<'c> Derived<'c> {
    /// The derived texts of every entry, in [`Catalogue::entries`] order.
    pub fn new(catalogue: &'c Catalogue) -> Derived<'c> {
        let (anchors, plains) = rows(catalogue)
            .map(|(_, slug, e)| (format!("{slug}-{}", e.status), plain(e)))
            .unzip();
        let examples = catalogue
            .entries()
            .map(|e| {
                e.example.as_ref().map(|x| Example {
                    caption: x.caption.as_deref(),
                    lang: &x.lang,
                    body: &x.body,
                })
            })
            .collect();
        Derived {
            anchors,
            plains,
            examples,
        }
    }
}

/// An entry's meaning, description and resolution with markup removed.
type PlainTexts = (String, Option<String>, Option<String>);

/// An entry's plain texts, when any differs from its source.
fn plain(e: &Entry) -> Option<PlainTexts> {
    let meaning = markup::plain_text(&e.meaning);
    let description = e.description.as_deref().map(markup::plain_text);
    let resolution = e.resolution.as_deref().map(markup::plain_text);
    let same = meaning == e.meaning && description == e.description && resolution == e.resolution;
    (!same).then_some((meaning, description, resolution))
}

/// Every entry's record, in [`Catalogue::entries`] order (the general
/// table's, then each endpoint's), naming its endpoint by index.
pub fn entries<'d>(
    catalogue: &'d Catalogue,
    derived: &'d Derived<'_>,
) -> impl Iterator<Item = EntryRecord<'d, usize>> {
    rows(catalogue)
        .zip(derived.anchors.iter().zip(&derived.plains))
        .zip(&derived.examples)
        .map(
            |(((endpoint, _, e), (anchor, plain)), example)| EntryRecord {
                anchor,
                status: e.status,
                endpoint,
                retryable: e.retryable,
                meaning: &e.meaning,
                description: e.description.as_deref(),
                resolution: e.resolution.as_deref(),
                plain: plain
                    .as_ref()
                    .map(|(meaning, description, resolution)| Plain {
                        meaning,
                        description: description.as_deref(),
                        resolution: resolution.as_deref(),
                    }),
                example: example.as_ref(),
                deprecated: e.deprecated.as_deref(),
            },
        )
}

/// Every endpoint's record, in page order.
pub fn endpoints(catalogue: &Catalogue) -> impl Iterator<Item = EndpointRecord<'_>> {
    let mut start = catalogue.general.entries.len();
    catalogue.endpoints.iter().map(move |e| {
        let entries = start..start + e.entries.len();
        start = entries.end;
        EndpointRecord {
            name: &e.name,
            slug: &e.slug,
            ident: &e.ident,
            // Validation admits only these methods.
            method: Method::parse(&e.method).unwrap_or(Method::Get),
            path: &e.path,
            entries,
            deprecated: e.deprecated.as_deref(),
        }
    })
}

/// The (endpoint, status) index: every status some table lists,
/// ascending, and per table the entry each status means there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    /// The statuses, ascending: a row's cell `i` is for `statuses[i]`.
    pub statuses: Vec<u16>,
    /// Row 0 the general table, row `i + 1` endpoint `i` with the general
    /// table's entries where it lists none: each cell the position of the
    /// entry among all entries, or `None`.
    pub rows: Vec<Vec<Option<usize>>>,
}

/// The catalogue's [`Lookup`], the general fallback resolved here so that a
/// lookup reads one cell.
pub fn lookup(catalogue: &Catalogue) -> Lookup {
    let statuses: Vec<u16> = catalogue
        .entries()
        .map(|e| e.status)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let column: BTreeMap<u16, usize> = statuses.iter().enumerate().map(|(i, &s)| (s, i)).collect();
    let mut general = vec![None; statuses.len()];
    for (k, e) in catalogue.general.entries.iter().enumerate() {
        general[column[&e.status]] = Some(k);
    }
    let mut rows = vec![general.clone()];
    let mut next = catalogue.general.entries.len();
    for ep in &catalogue.endpoints {
        let mut row = general.clone();
        for e in &ep.entries {
            row[column[&e.status]] = Some(next);
            next += 1;
        }
        rows.push(row);
    }
    Lookup { statuses, rows }
}

/// The perfect hash (phf's, its PtrHash form) of every endpoint's
/// lower-cased name, slug and identifier, which `FromStr` reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    /// phf's hash seed.
    pub key: u64,
    /// phf's pilots, one per bucket.
    pub pilots: Vec<u8>,
    /// phf's remapping of slots past the end.
    pub remap: Vec<u32>,
    /// `(key, endpoint index)` in phf's slot order.
    pub entries: Vec<(String, usize)>,
}

/// The catalogue's [`Keys`].
pub fn keys(catalogue: &Catalogue) -> Keys {
    // Validation made the lower-cased keys unambiguous.
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    for (i, e) in catalogue.endpoints.iter().enumerate() {
        for key in [&e.name, &e.slug, &e.ident] {
            keys.entry(key.to_ascii_lowercase()).or_insert(i);
        }
    }
    let keys: Vec<(String, usize)> = keys.into_iter().collect();
    let names: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
    let state = phf_generator::ptrhash::generate_hash(&names);
    Keys {
        key: state.seed,
        pilots: state.pilots,
        remap: state.remap,
        entries: state.map.iter().map(|&i| keys[i].clone()).collect(),
    }
}
