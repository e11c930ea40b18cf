//! A checked [`Catalogue`] as the records generated code holds
//! (`error_catalogue_records`), as values: what `codegen` writes as struct
//! literals, and what error-catalogue's `load` feature serves at run time.
//! Each record is made here once for both.

use std::collections::{BTreeMap, BTreeSet};

use error_catalogue_records::{EndpointRecord, EntryRecord, Example, Method, Plain};

use crate::catalogue::{Catalogue, CodeValue, Entry};
use crate::markup;

/// Every code of a catalogue's registry as the API sends it (an integer in
/// decimal), in [`Catalogue::codes`] order: the text that records, the
/// code index and `Display` name a code by. Records borrow them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeTexts(Vec<String>);

impl CodeTexts {
    /// The texts of `catalogue`'s codes.
    pub fn new(catalogue: &Catalogue) -> CodeTexts {
        CodeTexts(catalogue.codes.iter().map(|c| c.code.to_string()).collect())
    }

    /// The texts, in [`Catalogue::codes`] order.
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }
}

/// The texts a catalogue's entries and codes derive: each entry's anchor,
/// the codes each row lists as text and, where markup differs, the plain
/// texts. Records borrow them.
#[derive(Debug, Clone)]
pub struct Derived<'c> {
    anchors: Vec<String>,
    listed: Vec<Vec<&'c str>>,
    plains: Vec<Option<PlainTexts>>,
    examples: Vec<Option<Example<'c>>>,
    code_plains: Vec<Option<PlainTexts>>,
    code_examples: Vec<Option<Example<'c>>>,
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
    /// The derived texts of every entry, in [`Catalogue::entries`] order,
    /// and of every code, in [`Catalogue::codes`] order; `texts` are the
    /// catalogue's [`CodeTexts`].
    pub fn new(catalogue: &'c Catalogue, texts: &'c CodeTexts) -> Derived<'c> {
        let (anchors, plains) = rows(catalogue)
            .map(|(_, slug, e)| {
                let plain = plain(
                    &e.meaning,
                    e.description.as_deref(),
                    e.resolution.as_deref(),
                );
                (format!("{slug}-{}", e.status), plain)
            })
            .unzip();
        let position: BTreeMap<&CodeValue, usize> = catalogue
            .codes
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.code, i))
            .collect();
        // Validation admits only listed codes of the registry.
        let listed = catalogue
            .entries()
            .map(|e| {
                e.codes
                    .iter()
                    .filter_map(|c| position.get(c).and_then(|&i| texts.0.get(i)))
                    .map(String::as_str)
                    .collect()
            })
            .collect();
        let examples = catalogue
            .entries()
            .map(|e| example(e.example.as_ref()))
            .collect();
        let code_plains = catalogue
            .codes
            .iter()
            .map(|c| {
                plain(
                    &c.meaning,
                    c.description.as_deref(),
                    c.resolution.as_deref(),
                )
            })
            .collect();
        let code_examples = catalogue
            .codes
            .iter()
            .map(|c| example(c.example.as_ref()))
            .collect();
        Derived {
            anchors,
            listed,
            plains,
            examples,
            code_plains,
            code_examples,
        }
    }
}

/// An example's record.
fn example(x: Option<&crate::catalogue::Example>) -> Option<Example<'_>> {
    x.map(|x| Example {
        caption: x.caption.as_deref(),
        lang: &x.lang,
        body: &x.body,
    })
}

/// A meaning, description and resolution with markup removed.
type PlainTexts = (String, Option<String>, Option<String>);

/// The plain forms of texts, when any differs from its source.
fn plain(meaning: &str, description: Option<&str>, resolution: Option<&str>) -> Option<PlainTexts> {
    let plain_meaning = markup::plain_text(meaning);
    let plain_description = description.map(markup::plain_text);
    let plain_resolution = resolution.map(markup::plain_text);
    let same = plain_meaning == meaning
        && plain_description.as_deref() == description
        && plain_resolution.as_deref() == resolution;
    (!same).then_some((plain_meaning, plain_description, plain_resolution))
}

/// The record of derived plain texts.
fn plain_record(plain: &Option<PlainTexts>) -> Option<Plain<'_>> {
    plain
        .as_ref()
        .map(|(meaning, description, resolution)| Plain {
            meaning,
            description: description.as_deref(),
            resolution: resolution.as_deref(),
        })
}

/// Every entry's record, in [`Catalogue::entries`] order (the general
/// table's, then each endpoint's), naming its endpoint by index.
pub fn entries<'d>(
    catalogue: &'d Catalogue,
    derived: &'d Derived<'_>,
) -> impl Iterator<Item = EntryRecord<'d, usize>> {
    rows(catalogue)
        .zip(derived.anchors.iter().zip(&derived.plains))
        .zip(derived.examples.iter().zip(&derived.listed))
        .map(
            |(((endpoint, _, e), (anchor, plain)), (example, listed))| EntryRecord {
                anchor,
                status: Some(e.status),
                endpoint,
                code: None,
                codes: listed,
                retryable: e.retryable,
                meaning: &e.meaning,
                description: e.description.as_deref(),
                resolution: e.resolution.as_deref(),
                plain: plain_record(plain),
                example: example.as_ref(),
                deprecated: e.deprecated.as_deref(),
            },
        )
}

/// Every application code's record, in [`Catalogue::codes`] order: no
/// endpoint, its code as text (`texts`, the catalogue's [`CodeTexts`]).
pub fn codes<'d>(
    catalogue: &'d Catalogue,
    texts: &'d CodeTexts,
    derived: &'d Derived<'_>,
) -> impl Iterator<Item = EntryRecord<'d, usize>> {
    catalogue
        .codes
        .iter()
        .zip(&texts.0)
        .zip(derived.code_plains.iter().zip(&derived.code_examples))
        .map(|((c, text), (plain, example))| EntryRecord {
            anchor: &c.anchor,
            status: c.status,
            endpoint: None,
            code: Some(text),
            codes: &[],
            retryable: c.retryable,
            meaning: &c.meaning,
            description: c.description.as_deref(),
            resolution: c.resolution.as_deref(),
            plain: plain_record(plain),
            example: example.as_ref(),
            deprecated: c.deprecated.as_deref(),
        })
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

/// A perfect hash (phf's, its PtrHash form) of strings to positions: the
/// endpoints' names ([`keys`]) or the application codes ([`code_keys`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    /// phf's hash seed.
    pub key: u64,
    /// phf's pilots, one per bucket.
    pub pilots: Vec<u8>,
    /// phf's remapping of slots past the end.
    pub remap: Vec<u32>,
    /// `(key, position)` in phf's slot order.
    pub entries: Vec<(String, usize)>,
}

/// The [`Keys`] of every endpoint's lower-cased name, slug and identifier,
/// to its index, which `Endpoint`'s `FromStr` reads.
pub fn keys(catalogue: &Catalogue) -> Keys {
    // Validation made the lower-cased keys unambiguous.
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    for (i, e) in catalogue.endpoints.iter().enumerate() {
        for key in [&e.name, &e.slug, &e.ident] {
            keys.entry(key.to_ascii_lowercase()).or_insert(i);
        }
    }
    hash(keys.into_iter().collect())
}

/// The [`Keys`] of every application code as sent (`texts`, the catalogue's
/// [`CodeTexts`]), to its position in [`Catalogue::codes`]: what
/// `lookup_code` and `Code`'s `FromStr` read. Codes compare exactly.
pub fn code_keys(texts: &CodeTexts) -> Keys {
    // Validation made the codes unique.
    let keys: BTreeMap<&str, usize> = texts
        .0
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();
    hash(keys.into_iter().map(|(k, i)| (k.to_owned(), i)).collect())
}

/// phf's perfect hash of `keys` (sorted, so the result is deterministic).
fn hash(keys: Vec<(String, usize)>) -> Keys {
    let names: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
    let state = phf_generator::ptrhash::generate_hash(&names);
    Keys {
        key: state.seed,
        pilots: state.pilots,
        remap: state.remap,
        entries: state.map.iter().map(|&i| keys[i].clone()).collect(),
    }
}
