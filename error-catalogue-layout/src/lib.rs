//! The contract between the code `error-catalogue-build` generates and the
//! `error-catalogue` runtime that reads it: the version of that contract,
//! every record layout the two sides share, the order of HTTP methods in
//! the tables, and the key hash. Both crates compile this one definition,
//! so a layout is written once; neither side spells an offset or a width.
//!
//! Not an API for anyone else: it changes with the contract version.
//!
//! Packed records are little-endian fields one after another, in the order
//! the `layout!` invocations below list them; an absent index or text is
//! [`NONE`].
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod keyhash;

/// The version of the contract. Generated code names the runtime's
/// `CONTRACT_V{version}` constant, so a build crate and a runtime that
/// disagree fail to compile with an error naming both versions (rustc
/// suggests the runtime's constant, which names its version).
pub const CONTRACT_VERSION: u32 = 4;

/// The guard constant for [`CONTRACT_VERSION`]; its name must say the same
/// number (the shipped catalogue's build fails otherwise).
pub const CONTRACT_V4: () = ();

/// The most parameters a path template may have: a route match keeps
/// their values inline, never on the heap, and the build rejects more.
pub const MAX_PARAMS: usize = 8;

/// An absent index or text in a packed record.
pub const NONE: u32 = u32::MAX;

/// Slots of the lookup index's status → column table, indexed by
/// `status & (STATUS_SLOTS - 1)` (`StatusCode` keeps codes in 100..=999).
/// An index whose rows are this wide is *direct*: a status's column is the
/// status itself, and the table maps each listed status to itself.
pub const STATUS_SLOTS: usize = 1024;

/// Declares a packed record's byte offsets: each field starts where the one
/// before ends, and `SIZE` is where the last ends.
macro_rules! layout {
    ($(#[$doc:meta])* pub mod $name:ident { $($(#[$fdoc:meta])* $field:ident: $ty:ty,)* }) => {
        $(#[$doc])*
        pub mod $name {
            layout!(@at 0usize; $($(#[$fdoc])* $field: $ty,)*);
        }
    };
    (@at $at:expr; $(#[$fdoc:meta])* $field:ident: $ty:ty, $($rest:tt)*) => {
        $(#[$fdoc])*
        pub const $field: usize = $at;
        layout!(@at $field + ::core::mem::size_of::<$ty>(); $($rest)*);
    };
    (@at $at:expr;) => {
        /// Bytes per record.
        pub const SIZE: usize = $at;
    };
}

layout! {
    /// Offsets in a packed [`EntryRecord`].
    pub mod entry {
        /// The status code, `u16`.
        STATUS: u16,
        /// 0 for the general table, `i + 1` for endpoint `i`, `u16`.
        ENDPOINT_ROW: u16,
        /// 1 when retryable, else 0.
        RETRYABLE: u8,
        /// Text id of the meaning.
        MEANING: u32,
        /// Text id of the description, or [`NONE`](crate::NONE).
        DESCRIPTION: u32,
        /// Text id of the resolution, or [`NONE`](crate::NONE).
        RESOLUTION: u32,
        /// Text id of the anchor.
        ANCHOR: u32,
        /// Text id of the plain meaning; [`NONE`](crate::NONE): no plain form differs.
        PLAIN_MEANING: u32,
        /// Text id of the plain description, or [`NONE`](crate::NONE).
        PLAIN_DESCRIPTION: u32,
        /// Text id of the plain resolution, or [`NONE`](crate::NONE).
        PLAIN_RESOLUTION: u32,
        /// Index of the example, or [`NONE`](crate::NONE).
        EXAMPLE: u32,
        /// Text id of the deprecation note, or [`NONE`](crate::NONE).
        DEPRECATED: u32,
    }
}

layout! {
    /// Offsets in a packed [`EndpointRecord`].
    pub mod endpoint {
        /// Text id of the name.
        NAME: u32,
        /// Text id of the slug.
        SLUG: u32,
        /// Text id of the Rust identifier.
        IDENT: u32,
        /// Text id of the path template.
        PATH: u32,
        /// The first of its entries, an index into the entries.
        ENTRIES_START: u32,
        /// One past the last of its entries.
        ENTRIES_END: u32,
        /// Its [`Method`](crate::Method)'s index, `u8`.
        METHOD: u8,
        /// Text id of the deprecation note, or [`NONE`](crate::NONE).
        DEPRECATED: u32,
    }
}

layout! {
    /// Offsets in a slot of the endpoint-key perfect-hash table.
    pub mod key_slot {
        /// Text id of the lower-cased key (a name, slug or identifier).
        KEY: u32,
        /// The endpoint's index.
        ENDPOINT: u32,
    }
}

layout! {
    /// Offsets in a route trie node's record.
    pub mod route_node {
        /// The node's first literal edge.
        FIRST: u32,
        /// One past its last literal edge.
        LAST: u32,
        /// Its parameter child, or [`NONE`](crate::NONE).
        PARAM: u32,
        /// The route whose template ends here, or [`NONE`](crate::NONE): the
        /// endpoint's index times the number of base paths, plus the base
        /// path's index ([`route::split`](crate::route::split)).
        ROUTE: u32,
        /// A wide node's first slot in the slot table (its size is
        /// [`slot_count`](crate::route::slot_count) of its edges).
        SLOTS: u32,
        /// Its multi-segment parameter's child, or [`NONE`](crate::NONE).
        CATCHALL: u32,
    }
}

layout! {
    /// Offsets in one entry of a little-endian `u32` table (text ends,
    /// route slots, parameter-name ends).
    pub mod word {
        /// The value.
        VALUE: u32,
    }
}

/// The little-endian `u16` at `at` in `record` (0 past its end).
#[inline(always)]
pub fn u16_at(record: &[u8], at: usize) -> u16 {
    match record.get(at..).and_then(<[u8]>::first_chunk::<2>) {
        Some(w) => u16::from_le_bytes(*w),
        None => 0,
    }
}

/// The little-endian `u32` at `at` in `record` ([`NONE`] past its end).
#[inline(always)]
pub fn u32_at(record: &[u8], at: usize) -> u32 {
    match record.get(at..).and_then(<[u8]>::first_chunk::<4>) {
        Some(w) => u32::from_le_bytes(*w),
        None => NONE,
    }
}

/// The little-endian `u64` at `at` in `record` (0 past its end).
#[inline(always)]
pub fn u64_at(record: &[u8], at: usize) -> u64 {
    match record.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(w) => u64::from_le_bytes(*w),
        None => 0,
    }
}

fn put(record: &mut [u8], at: usize, bytes: &[u8]) {
    if let Some(to) = record.get_mut(at..at + bytes.len()) {
        to.copy_from_slice(bytes);
    }
}

fn id(text: Option<TextId>) -> u32 {
    text.map_or(NONE, |t| t.0)
}

fn opt_id(word: u32) -> Option<TextId> {
    (word != NONE).then_some(TextId(word))
}

/// A text's index in a packed catalogue's text table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextId(pub u32);

/// The HTTP methods an endpoint may have, in the order the tables index
/// them (a packed endpoint's method byte; the route tables' roots).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// `GET`
    Get,
    /// `HEAD`
    Head,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `DELETE`
    Delete,
    /// `CONNECT`
    Connect,
    /// `OPTIONS`
    Options,
    /// `TRACE`
    Trace,
    /// `PATCH`
    Patch,
}

impl Method {
    /// Every method, in table order.
    pub const ALL: [Method; 9] = [
        Method::Get,
        Method::Head,
        Method::Post,
        Method::Put,
        Method::Delete,
        Method::Connect,
        Method::Options,
        Method::Trace,
        Method::Patch,
    ];

    /// The method's name, upper case.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Head => "HEAD",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
            Method::Connect => "CONNECT",
            Method::Options => "OPTIONS",
            Method::Trace => "TRACE",
            Method::Patch => "PATCH",
        }
    }

    /// The method named `name` (upper case), if it is one of [`Method::ALL`].
    pub fn parse(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// The method's place in [`Method::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The method at `index` in [`Method::ALL`].
    pub const fn from_index(index: u8) -> Option<Method> {
        match index {
            0 => Some(Method::Get),
            1 => Some(Method::Head),
            2 => Some(Method::Post),
            3 => Some(Method::Put),
            4 => Some(Method::Delete),
            5 => Some(Method::Connect),
            6 => Some(Method::Options),
            7 => Some(Method::Trace),
            8 => Some(Method::Patch),
            _ => None,
        }
    }
}

/// One row of the catalogue. `T` is how a text is held: `&'static str` in
/// the readable form generated code writes for small catalogues, [`TextId`]
/// in the packed form ([`entry`]) it writes for large ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntryRecord<T> {
    /// The HTTP status.
    pub status: u16,
    /// 0 for the general table, `i + 1` for endpoint `i`.
    pub endpoint_row: u16,
    /// Whether a later retry may succeed.
    pub retryable: bool,
    /// The meaning, inline Markdown.
    pub meaning: T,
    /// The description, inline Markdown.
    pub description: Option<T>,
    /// The resolution, inline Markdown.
    pub resolution: Option<T>,
    /// The anchor on the docs page (`create-trackers-409`).
    pub anchor: T,
    /// The texts with markup removed, when any differs from its source.
    pub plain: Option<Plain<T>>,
    /// The index of the example documented with the entry.
    pub example: Option<u32>,
    /// Why the entry is deprecated and what to use instead, when it is.
    pub deprecated: Option<T>,
}

/// An entry's texts with their markup removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Plain<T> {
    /// The plain meaning.
    pub meaning: T,
    /// The plain description.
    pub description: Option<T>,
    /// The plain resolution.
    pub resolution: Option<T>,
}

impl<T> EntryRecord<T> {
    /// The same record with each text converted by `f`.
    #[inline(always)]
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> EntryRecord<U> {
        EntryRecord {
            status: self.status,
            endpoint_row: self.endpoint_row,
            retryable: self.retryable,
            meaning: f(self.meaning),
            description: self.description.map(&mut f),
            resolution: self.resolution.map(&mut f),
            anchor: f(self.anchor),
            plain: self.plain.map(|p| Plain {
                meaning: f(p.meaning),
                description: p.description.map(&mut f),
                resolution: p.resolution.map(&mut f),
            }),
            example: self.example,
            deprecated: self.deprecated.map(&mut f),
        }
    }
}

impl EntryRecord<TextId> {
    /// The packed record.
    pub fn to_bytes(&self) -> [u8; entry::SIZE] {
        let mut r = [0; entry::SIZE];
        put(&mut r, entry::STATUS, &self.status.to_le_bytes());
        put(
            &mut r,
            entry::ENDPOINT_ROW,
            &self.endpoint_row.to_le_bytes(),
        );
        put(&mut r, entry::RETRYABLE, &[u8::from(self.retryable)]);
        let plain = self.plain.as_ref();
        for (at, word) in [
            (entry::MEANING, self.meaning.0),
            (entry::DESCRIPTION, id(self.description)),
            (entry::RESOLUTION, id(self.resolution)),
            (entry::ANCHOR, self.anchor.0),
            (entry::PLAIN_MEANING, plain.map_or(NONE, |p| p.meaning.0)),
            (
                entry::PLAIN_DESCRIPTION,
                id(plain.and_then(|p| p.description)),
            ),
            (
                entry::PLAIN_RESOLUTION,
                id(plain.and_then(|p| p.resolution)),
            ),
            (entry::EXAMPLE, self.example.unwrap_or(NONE)),
            (entry::DEPRECATED, id(self.deprecated)),
        ] {
            put(&mut r, at, &word.to_le_bytes());
        }
        r
    }

    /// The record packed in `r`.
    #[inline(always)]
    pub fn from_bytes(r: &[u8; entry::SIZE]) -> Self {
        let plain_meaning = u32_at(r, entry::PLAIN_MEANING);
        EntryRecord {
            status: u16_at(r, entry::STATUS),
            endpoint_row: u16_at(r, entry::ENDPOINT_ROW),
            retryable: r.get(entry::RETRYABLE).is_some_and(|&b| b != 0),
            meaning: TextId(u32_at(r, entry::MEANING)),
            description: opt_id(u32_at(r, entry::DESCRIPTION)),
            resolution: opt_id(u32_at(r, entry::RESOLUTION)),
            anchor: TextId(u32_at(r, entry::ANCHOR)),
            plain: (plain_meaning != NONE).then(|| Plain {
                meaning: TextId(plain_meaning),
                description: opt_id(u32_at(r, entry::PLAIN_DESCRIPTION)),
                resolution: opt_id(u32_at(r, entry::PLAIN_RESOLUTION)),
            }),
            example: Some(u32_at(r, entry::EXAMPLE)).filter(|&i| i != NONE),
            deprecated: opt_id(u32_at(r, entry::DEPRECATED)),
        }
    }
}

/// One endpoint: its names, route and the range of its entries. `T` as in
/// [`EntryRecord`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EndpointRecord<T> {
    /// The name its table is headed with.
    pub name: T,
    /// The kebab-case slug.
    pub slug: T,
    /// The Rust identifier of its variant.
    pub ident: T,
    /// The HTTP method.
    pub method: Method,
    /// The path template.
    pub path: T,
    /// The first of its entries, an index into all entries.
    pub entries_start: u32,
    /// One past the last of its entries.
    pub entries_end: u32,
    /// Why the endpoint is deprecated and what to use instead, when it is.
    pub deprecated: Option<T>,
}

impl<T> EndpointRecord<T> {
    /// The same record with each text converted by `f`.
    #[inline(always)]
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> EndpointRecord<U> {
        EndpointRecord {
            name: f(self.name),
            slug: f(self.slug),
            ident: f(self.ident),
            method: self.method,
            path: f(self.path),
            entries_start: self.entries_start,
            entries_end: self.entries_end,
            deprecated: self.deprecated.map(&mut f),
        }
    }
}

impl EndpointRecord<TextId> {
    /// The packed record.
    pub fn to_bytes(&self) -> [u8; endpoint::SIZE] {
        let mut r = [0; endpoint::SIZE];
        for (at, word) in [
            (endpoint::NAME, self.name.0),
            (endpoint::SLUG, self.slug.0),
            (endpoint::IDENT, self.ident.0),
            (endpoint::PATH, self.path.0),
            (endpoint::ENTRIES_START, self.entries_start),
            (endpoint::ENTRIES_END, self.entries_end),
            (endpoint::DEPRECATED, id(self.deprecated)),
        ] {
            put(&mut r, at, &word.to_le_bytes());
        }
        put(&mut r, endpoint::METHOD, &[self.method.index() as u8]);
        r
    }

    /// The record packed in `r`.
    #[inline(always)]
    pub fn from_bytes(r: &[u8; endpoint::SIZE]) -> Self {
        let method = r.get(endpoint::METHOD).copied().unwrap_or(0);
        EndpointRecord {
            name: TextId(u32_at(r, endpoint::NAME)),
            slug: TextId(u32_at(r, endpoint::SLUG)),
            ident: TextId(u32_at(r, endpoint::IDENT)),
            method: Method::from_index(method).unwrap_or(Method::Get),
            path: TextId(u32_at(r, endpoint::PATH)),
            entries_start: u32_at(r, endpoint::ENTRIES_START),
            entries_end: u32_at(r, endpoint::ENTRIES_END),
            deprecated: opt_id(u32_at(r, endpoint::DEPRECATED)),
        }
    }
}

/// A slot of the endpoint-key table: a lower-cased name, slug or identifier
/// and the endpoint it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySlot {
    /// The key's text.
    pub key: TextId,
    /// The endpoint's index.
    pub endpoint: u32,
}

impl KeySlot {
    /// The packed slot.
    pub fn to_bytes(&self) -> [u8; key_slot::SIZE] {
        let mut r = [0; key_slot::SIZE];
        put(&mut r, key_slot::KEY, &self.key.0.to_le_bytes());
        put(&mut r, key_slot::ENDPOINT, &self.endpoint.to_le_bytes());
        r
    }

    /// The slot packed in `r`.
    #[inline(always)]
    pub fn from_bytes(r: &[u8; key_slot::SIZE]) -> Self {
        KeySlot {
            key: TextId(u32_at(r, key_slot::KEY)),
            endpoint: u32_at(r, key_slot::ENDPOINT),
        }
    }
}

/// Text `id` of a packed text table: `blob[end(id - 1)..end(id)]`, where
/// `ends` holds each text's end as a [`word`]; `None` for [`NONE`] or an id
/// past the end.
#[inline]
pub fn text<'t>(blob: &'t str, ends: &[u8], id: TextId) -> Option<&'t str> {
    let (ends, _) = ends.as_chunks::<{ word::SIZE }>();
    let end_of = |i: usize| ends.get(i).map(|w| u32_at(w, word::VALUE) as usize);
    let i = id.0 as usize;
    let end = end_of(i)?;
    let start = match i.checked_sub(1) {
        Some(prev) => end_of(prev)?,
        None => 0,
    };
    blob.get(start..end)
}

/// The route tables' shared shapes.
pub mod route {
    /// Up to this many edges, the matcher compares a node's edges with the
    /// request in turn; a node of more has a slot table.
    pub const LINEAR: usize = 8;

    /// The size of the slot table of a node of `edges` edges (more than
    /// [`LINEAR`]): a power of two, at least twice the edges, so at least
    /// half of it is empty and a probe ends.
    pub const fn slot_count(edges: usize) -> usize {
        (edges * 2).next_power_of_two()
    }

    /// The slot hash of a segment of `len` bytes whose first eight bytes,
    /// big-endian and zero-padded, are `key`, before masking to a table's
    /// size.
    #[inline(always)]
    pub const fn slot_hash(key: u64, len: usize) -> u64 {
        (key ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32
    }

    /// The most base paths a catalogue may declare (so that route ids,
    /// endpoint × base paths, fit in a `u32`).
    pub const MAX_BASE_PATHS: usize = 64;

    /// The route id of endpoint `endpoint` under base path `base` of
    /// `bases` (none declared counts as one, the empty prefix).
    #[inline(always)]
    pub const fn route_id(endpoint: u32, base: u32, bases: u32) -> u32 {
        if bases <= 1 {
            endpoint
        } else {
            endpoint.wrapping_mul(bases).wrapping_add(base)
        }
    }

    /// The endpoint and base path of route id `route` (see [`route_id`]).
    #[inline(always)]
    pub const fn split(route: u32, bases: u32) -> (u32, u32) {
        if bases <= 1 {
            (route, 0)
        } else {
            (route / bases, route % bases)
        }
    }

    /// A route trie node (see [`route_node`](crate::route_node) for its
    /// packed form).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Node {
        /// The node's literal edges are `edges[first..last]`.
        pub first: u32,
        /// One past its last literal edge.
        pub last: u32,
        /// Its parameter child, or [`NONE`](crate::NONE).
        pub param: u32,
        /// The route whose template ends here, or [`NONE`](crate::NONE).
        pub route: u32,
        /// A wide node's first slot.
        pub slots: u32,
        /// Its multi-segment parameter's child, or [`NONE`](crate::NONE).
        pub catchall: u32,
    }

    impl Node {
        /// The packed node.
        pub fn to_bytes(&self) -> [u8; crate::route_node::SIZE] {
            use crate::route_node as n;
            let mut r = [0; n::SIZE];
            for (at, word) in [
                (n::FIRST, self.first),
                (n::LAST, self.last),
                (n::PARAM, self.param),
                (n::ROUTE, self.route),
                (n::SLOTS, self.slots),
                (n::CATCHALL, self.catchall),
            ] {
                crate::put(&mut r, at, &word.to_le_bytes());
            }
            r
        }
    }

    /// A literal edge: one or more decoded literal segments joined by `/`
    /// (a chain without branches, merged), sorted among its node's edges by
    /// the first segment, `bytes[..first]`: its length, then its bytes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Edge<'t> {
        /// The decoded segments, joined by `/`.
        pub bytes: &'t [u8],
        /// The first segment's length.
        pub first: u32,
        /// How many segments the edge crosses.
        pub segs: u32,
        /// The node the edge leads to.
        pub child: u32,
        /// The first segment's first eight bytes, big-endian, zero-padded.
        pub key: u64,
        /// Its first eight bytes as a word ([`Edge::head_of`]): a narrow node
        /// compares a request's first eight bytes with each edge's at once.
        pub head: u64,
        /// Which bytes of `head` are the edge's own ([`Edge::mask_of`]).
        pub mask: u64,
        /// Whether equal raw bytes mean a match: no `%`, `?` or `#` in the
        /// literal, and no `/` inside a segment.
        pub raw: bool,
    }

    impl Edge<'_> {
        /// The first eight of `bytes` as a little-endian word, zero-padded:
        /// an edge's `head`.
        pub const fn head_of(bytes: &[u8]) -> u64 {
            let mut word = [0u8; 8];
            let mut i = 0;
            while i < 8 && i < bytes.len() {
                word[i] = bytes[i];
                i += 1;
            }
            u64::from_le_bytes(word)
        }

        /// The bytes of a `len`-byte edge's head that are its own, each
        /// `0xFF`: the first `len`, at most eight. An edge's `mask`.
        pub const fn mask_of(len: usize) -> u64 {
            if len >= 8 {
                u64::MAX
            } else {
                (1 << (8 * len)) - 1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_the_field_order() {
        assert_eq!(
            (entry::STATUS, entry::ENDPOINT_ROW, entry::RETRYABLE),
            (0, 2, 4)
        );
        assert_eq!((entry::MEANING, entry::EXAMPLE, entry::SIZE), (5, 33, 41));
        assert_eq!((endpoint::METHOD, endpoint::SIZE), (24, 29));
        assert_eq!((route_node::CATCHALL, route_node::SIZE), (20, 24));
        assert_eq!(key_slot::SIZE, 8);
    }

    #[test]
    fn records_round_trip() {
        let e = EntryRecord {
            status: 409,
            endpoint_row: 3,
            retryable: true,
            meaning: TextId(1),
            description: None,
            resolution: Some(TextId(7)),
            anchor: TextId(2),
            plain: Some(Plain {
                meaning: TextId(9),
                description: None,
                resolution: Some(TextId(10)),
            }),
            example: Some(4),
            deprecated: Some(TextId(11)),
        };
        assert_eq!(EntryRecord::from_bytes(&e.to_bytes()), e);
        let plainless = EntryRecord {
            plain: None,
            example: None,
            deprecated: None,
            ..e
        };
        assert_eq!(EntryRecord::from_bytes(&plainless.to_bytes()), plainless);
        let p = EndpointRecord {
            name: TextId(1),
            slug: TextId(2),
            ident: TextId(3),
            method: Method::Patch,
            path: TextId(4),
            entries_start: 5,
            entries_end: 9,
            deprecated: Some(TextId(12)),
        };
        assert_eq!(EndpointRecord::from_bytes(&p.to_bytes()), p);
        let k = KeySlot {
            key: TextId(5),
            endpoint: 6,
        };
        assert_eq!(KeySlot::from_bytes(&k.to_bytes()), k);
    }

    #[test]
    fn methods_index_both_ways() {
        for (i, m) in Method::ALL.into_iter().enumerate() {
            assert_eq!(m.index(), i);
            assert_eq!(Method::from_index(i as u8), Some(m));
            assert_eq!(Method::parse(m.as_str()), Some(m));
        }
        assert_eq!(Method::from_index(9), None);
        assert_eq!(Method::parse("get"), None);
    }

    #[test]
    fn texts_are_read_by_their_ends() {
        let ends: [u8; 8] = [3, 0, 0, 0, 5, 0, 0, 0];
        assert_eq!(text("abcde", &ends, TextId(0)), Some("abc"));
        assert_eq!(text("abcde", &ends, TextId(1)), Some("de"));
        assert_eq!(text("abcde", &ends, TextId(2)), None);
        assert_eq!(text("abcde", &ends, TextId(NONE)), None);
    }
}
