//! Code generation: a validated [`Catalogue`] into Rust tokens, built only
//! with quote's tokens and literals, then formatted with prettyplease.
//!
//! The generated module is data: the `Endpoint` enum, the records of the
//! endpoints and entries, the (endpoint, status) index, the endpoint-key
//! perfect hash and the route tries, gathered in one `TABLES` static, then
//! one `catalogue_api!()` invocation that writes the module's API as calls
//! into the runtime. It names only `::error_catalogue::__private`; every
//! record it writes is laid out by `error_catalogue_layout`, which the
//! runtime reads with.
//!
//! Records come in two forms of one layout ([`Layout`]): readable struct
//! literals whose texts are string literals, so a reviewer finds an entry by
//! its anchor and status; and packed byte strings with the texts stored once
//! in one string, which rustc compiles far faster at 10⁴ entries and more.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use error_catalogue_layout::{
    CONTRACT_VERSION, EndpointRecord, EntryRecord, KeySlot, Method, Plain, STATUS_SLOTS, TextId,
    keyhash,
};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::catalogue::{Catalogue, Entry, Example};
use crate::markup;
use crate::names;

mod format;

/// What to generate, and in which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// One `pub const` per entry in `codes` (`codes::CREATE_TRACKERS_409`).
    pub entry_consts: bool,
    /// The form of the records.
    pub layout: Layout,
    /// One error enum per endpoint (`CreateTrackersError`) and the
    /// catalogue-wide `Error`: `Some(yes)` as said; `None` (the default)
    /// for catalogues of at most [`READABLE_MAX_ENTRIES`] entries, where
    /// they cost little, and not beyond, where their enums and matches
    /// would multiply a clean build's time (BENCHMARKS.md has the figures).
    pub typed_errors: Option<bool>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            entry_consts: true,
            layout: Layout::Auto,
            typed_errors: None,
        }
    }
}

impl Options {
    /// Options with `entry_consts` and `layout` as given, typed errors on.
    pub fn new(entry_consts: bool, layout: Layout) -> Self {
        Options {
            entry_consts,
            layout,
            typed_errors: None,
        }
    }

    /// These options with typed errors on or off, whatever the size.
    pub fn with_typed_errors(mut self, yes: bool) -> Self {
        self.typed_errors = Some(yes);
        self
    }
}

/// The form in which records are written (one layout, two spellings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Layout {
    /// Readable up to [`READABLE_MAX_ENTRIES`] entries, packed beyond.
    #[default]
    Auto,
    /// One struct literal per endpoint and entry, texts inline.
    Readable,
    /// Fixed-width byte-string records, texts stored once.
    Packed,
}

/// The most entries [`Layout::Auto`] writes readable.
pub const READABLE_MAX_ENTRIES: usize = 2_000;

impl Layout {
    /// Whether a catalogue of `entries` entries is written packed.
    pub fn packs(self, entries: usize) -> bool {
        match self {
            Layout::Auto => entries > READABLE_MAX_ENTRIES,
            Layout::Readable => false,
            Layout::Packed => true,
        }
    }
}

/// The generated module as tokens.
pub fn tokens(catalogue: &Catalogue, options: Options) -> TokenStream {
    parts(catalogue, options).iter().map(Part::tokens).collect()
}

/// A part of the generated module, in order. `source` formats the two
/// largest without parsing their tokens: at 10⁵ entries, parsing them took
/// more of an unoptimised build script than all the rest.
enum Part<'a> {
    /// Items as tokens.
    Tokens(TokenStream),
    /// The `Endpoint` enum and its inherent impl.
    Endpoints(EndpointEnum<'a>),
    /// The `codes` module, made when needed: `source` makes and formats
    /// it on a thread of its own, from this data alone.
    Consts(ConstsOf<'a>),
}

impl Part<'_> {
    fn tokens(&self) -> TokenStream {
        match self {
            Part::Tokens(tokens) => tokens.clone(),
            Part::Endpoints(endpoints) => endpoints.tokens(),
            Part::Consts(consts) => consts.build().tokens(),
        }
    }
}

/// `skeleton`, whose last token is a braced body, with `items` appended
/// to that body.
fn fill_body(skeleton: &TokenStream, items: TokenStream) -> TokenStream {
    let mut tokens = skeleton.clone().into_iter().collect::<Vec<_>>();
    if let Some(proc_macro2::TokenTree::Group(body)) = tokens.last_mut() {
        let mut filled = proc_macro2::Group::new(
            body.delimiter(),
            body.stream().into_iter().chain(items).collect(),
        );
        filled.set_span(body.span());
        *body = filled;
    }
    tokens.into_iter().collect()
}

fn parts(catalogue: &Catalogue, options: Options) -> Vec<Part<'_>> {
    let rows = entry_rows(catalogue);
    let packed = packed(catalogue, options);
    let mut texts = Texts::default();
    let guard = format_ident!("CONTRACT_V{}", CONTRACT_VERSION);
    let endpoint_enum = endpoint_enum(catalogue, packed);
    let (endpoint_records, endpoint_table) = endpoint_records(&mut texts, catalogue, packed);
    let (entry_records, entry_table, handles) = entry_records(&mut texts, catalogue, &rows, packed);
    let examples = examples(catalogue);
    let (index, index_table) = lookup_index(catalogue);
    let (keys, key_table) = endpoint_keys(&mut texts, catalogue);
    let (text, text_table) = texts.tokens();
    let page = page(catalogue);
    let (routes, route_table) = crate::routes::tokens(catalogue);
    let general_len = usize_lit(catalogue.general.entries.len());
    let entry_count = usize_lit(rows.len());
    let codes = consts_of(catalogue, options);
    let typed = options
        .typed_errors
        .unwrap_or(rows.len() <= READABLE_MAX_ENTRIES);
    let typed_errors = if typed {
        typed_errors(catalogue)
    } else {
        TokenStream::new()
    };
    // The packed form names no record type.
    let imports = if packed {
        quote!(
            use ::error_catalogue::__private;
        )
    } else {
        quote!(
            use ::error_catalogue::__private::{self, EndpointRecord, EntryRecord, Method};
        )
    };
    let head = quote! {
        #imports

        /// Fails to compile, naming both versions, when the runtime reads
        /// another version of the generated tables than this code was made for.
        const _: () = __private::#guard;
    };
    let tables = quote! {
        ::error_catalogue::__private::catalogue_api!();

        #endpoint_records
        #entry_records
        #examples

        /// Every entry: the general table's, then each endpoint's, in page
        /// order, as handles to their records.
        static ENTRIES: [Entry; #entry_count] = #handles;

        #index
        #keys
        #text
        #routes

        /// The lookup index, a constant so that lookups fold its shape away.
        const LOOKUP_INDEX: __private::LookupIndex = #index_table;

        /// The route tables, a constant for the same reason.
        const ROUTE_TABLES: __private::RouteTables<'static> = #route_table;

        /// Every table of the catalogue, which the runtime's API reads.
        static TABLES: __private::Tables<Endpoint> = __private::Tables {
            page: #page,
            entries: &ENTRIES,
            general_len: #general_len,
            entry_records: #entry_table,
            endpoint_records: #endpoint_table,
            texts: #text_table,
            examples: &EXAMPLES,
            index: LOOKUP_INDEX,
            keys: #key_table,
            routes: ROUTE_TABLES,
        };
    };
    let mut parts = vec![
        Part::Tokens(head),
        Part::Endpoints(endpoint_enum),
        Part::Tokens(tables),
    ];
    parts.extend(codes.map(Part::Consts));
    parts.push(Part::Tokens(typed_errors));
    parts
}

/// The generated module as formatted Rust source, with a header naming
/// `data_file` as its source.
pub fn source(catalogue: &Catalogue, options: Options, data_file: &str) -> String {
    let header = format!(
        "// @generated by error-catalogue-build {} from `{}`. Do not edit:\n\
         // change the data file and build again (the build script regenerates this file).\n\n",
        env!("CARGO_PKG_VERSION"),
        data_file.replace(['\n', '\r'], " "),
    );
    match format::source(catalogue, options) {
        Some(code) => format!("{header}{code}"),
        // Unreachable for tokens built above; keep the unformatted code rather than panic.
        None => format!("{header}{}\n", tokens(catalogue, options)),
    }
}

fn lit(s: &str) -> Literal {
    Literal::string(s)
}

fn opt_lit(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => {
            let s = lit(s);
            quote!(Some(#s))
        }
        None => quote!(None),
    }
}

fn usize_lit(n: usize) -> Literal {
    Literal::usize_unsuffixed(n)
}

fn u32_of(n: usize) -> u32 {
    // Validation bounds catalogues far below u32::MAX entries and bytes.
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Doc lines for an entry, as `#[doc = "..."]` attributes: its status and
/// meaning, then (`full`) its description and resolution.
fn entry_docs(entry: &Entry, full: bool) -> TokenStream {
    docs(&entry_doc_lines(entry, full))
}

/// The lines of [`entry_docs`].
fn entry_doc_lines(entry: &Entry, full: bool) -> Vec<String> {
    let mut lines = vec![format!("`{}` {}", entry.status, entry.meaning)];
    if !full {
        return lines;
    }
    if let Some(d) = &entry.description {
        lines.push(String::new());
        lines.push(d.clone());
    }
    if let Some(r) = &entry.resolution {
        lines.push(String::new());
        lines.push(format!("**Resolution:** {r}"));
    }
    lines
}

/// Doc attributes, one per line. Data reaches them only as string literals,
/// so they cannot end early or add attributes; text-direction controls, which
/// rustc rejects in doc comments, are written as visible `\u{..}` escapes.
fn docs(lines: &[String]) -> TokenStream {
    let lines = doc_values(lines).map(|l| {
        let l = lit(&l);
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// The values of the doc attributes of `lines`, one per line, made safe.
fn doc_values(lines: &[String]) -> impl Iterator<Item = String> + '_ {
    lines
        .iter()
        .flat_map(|l| l.split('\n'))
        .map(|l| format!(" {}", doc_safe(l)))
}

/// One doc line that rustc and rustdoc read as the text it is: bare CR and
/// text-direction controls (which rustc rejects in doc comments) become
/// visible `\u{..}` escapes; leading indentation is cut to two spaces and
/// a leading code fence escaped, so data cannot open a code block that
/// rustdoc would run as a doctest; a `<` that could open an HTML tag is
/// escaped, as the format makes it text; and a `]` outside code spans is
/// escaped unless it ends the text of a link to a URL, so that `[x]` or
/// `[a](Foo)` in the data stay text instead of intra-doc links to Rust items
/// that rustdoc would warn it cannot resolve.
fn doc_safe(line: &str) -> String {
    let text = line.trim_start_matches([' ', '\t']);
    // At most two spaces: enough to continue a list item, never the four
    // (six in a list) that make an indented code block.
    let indent = (line.len() - text.len()).min(2);
    let line = text;
    let mut out = String::with_capacity(indent + line.len());
    out.push_str(&"  "[..indent]);
    if line.starts_with("```") || line.starts_with("~~~") {
        out.push('\\');
    }
    // Only a line with a `]` needs its code spans and look-ahead tables.
    let (code, ahead) = match line.contains(']') {
        true => (code_spans(line), Some(Ahead::new(line))),
        false => (Vec::new(), None),
    };
    let mut code_at = code.iter().peekable();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // The code spans are in order: skip those that end before `i`.
        while code_at.next_if(|r| r.end <= i).is_some() {}
        let in_code = code_at.peek().is_some_and(|r| r.start <= i);
        match c {
            ']' if !in_code && !ahead.as_ref().is_some_and(|a| a.opens_url(i + 1)) => {
                out.push_str("\\]")
            }
            '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\r' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            '<' if chars
                .peek()
                .is_some_and(|(_, n)| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) =>
            {
                out.push_str("\\<")
            }
            c => out.push(c),
        }
    }
    out
}

/// The byte ranges of `line`'s code spans' contents, in order (rustdoc
/// leaves brackets there alone, and would show an escape as written).
fn code_spans(line: &str) -> Vec<Range<usize>> {
    use markup::Inline;

    fn walk(line: &str, nodes: &[Inline<'_>], out: &mut Vec<Range<usize>>) {
        for node in nodes {
            match node {
                Inline::Text(_) => {}
                Inline::Code(c) => {
                    // A slice of `line`: its offset is the address difference.
                    let start = (c.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize);
                    out.push(start..start + c.len());
                }
                Inline::Emphasis(n) | Inline::Strong(n) | Inline::Strikethrough(n) => {
                    walk(line, n, out)
                }
                Inline::Link { text, .. } => walk(line, text, out),
            }
        }
    }
    let mut out = Vec::new();
    walk(line, &markup::parse_inline(line), &mut out);
    out.sort_by_key(|r| r.start);
    out
}

/// Where the next `)`, whitespace, `/` and `:` are from each byte of a
/// line, so that every `]` is judged in constant time: scanning ahead from
/// each one would be quadratic in a hostile line of many `](`.
struct Ahead<'a> {
    line: &'a str,
    paren: Vec<usize>,
    space: Vec<usize>,
    slash: Vec<usize>,
    colon: Vec<usize>,
}

impl<'a> Ahead<'a> {
    fn new(line: &'a str) -> Self {
        let n = line.len();
        let mut ahead = Ahead {
            line,
            paren: vec![n; n + 1],
            space: vec![n; n + 1],
            slash: vec![n; n + 1],
            colon: vec![n; n + 1],
        };
        let mut next = [n; 4];
        let mut from = n;
        for (j, c) in line.char_indices().rev() {
            for (k, hit) in [c == ')', c.is_whitespace(), c == '/', c == ':']
                .into_iter()
                .enumerate()
            {
                if hit {
                    next[k] = j;
                }
            }
            // Bytes inside `c` see what its first byte sees.
            for at in j..from {
                ahead.paren[at] = next[0];
                ahead.space[at] = next[1];
                ahead.slash[at] = next[2];
                ahead.colon[at] = next[3];
            }
            from = j;
        }
        ahead
    }

    /// Whether what follows a `]`, from byte `at`, is `(url)` with a url
    /// rustdoc opens as a link rather than resolving it as a Rust path: the
    /// url runs to the first `)`, holds no whitespace, and holds a `/`,
    /// starts with `#`, or starts with a scheme and one `:` (`mailto:`, not
    /// `crate::`).
    fn opens_url(&self, at: usize) -> bool {
        let line = self.line;
        if line.as_bytes().get(at) != Some(&b'(') {
            return false;
        }
        let url = at + 1;
        let close = self.paren[url];
        if close == line.len() || self.space[url] < close {
            return false;
        }
        let colon = self.colon[url];
        // A scheme's characters exclude `]` and `(`, so each check stops
        // before the next candidate: linear over the line.
        let scheme = colon < close
            && line[url..colon].starts_with(|c: char| c.is_ascii_alphabetic())
            && line[url..colon]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && line.as_bytes().get(colon + 1) != Some(&b':');
        self.slash[url] < close || line[url..].starts_with('#') || scheme
    }
}

/// The `Endpoint` enum. Each variant's doc lists its table: every entry's
/// texts in the readable form, each entry's status and meaning in the packed
/// one, whose catalogues are too large for the texts to be written three
/// times (the table, this list, the `codes::` constants).
fn endpoint_enum(catalogue: &Catalogue, packed: bool) -> EndpointEnum<'_> {
    let variants = catalogue
        .endpoints
        .iter()
        .map(|e| {
            let mut docs = vec![
                format!("{}: `{} {}`", e.name, e.method, e.path),
                String::new(),
                format!("Slug `{}`. Its table:", e.slug),
                String::new(),
            ];
            for entry in &e.entries {
                if packed {
                    docs.push(format!("- `{}` {}", entry.status, entry.meaning));
                    continue;
                }
                docs.push(format!("- `{}` **{}**:", entry.status, entry.meaning));
                if let Some(d) = &entry.description {
                    docs.push(format!("  {}", d.replace('\n', "\n  ")));
                }
                if let Some(r) = &entry.resolution {
                    docs.push(format!("  *Resolution:* {}", r.replace('\n', "\n  ")));
                }
            }
            Variant {
                ident: format_ident!("{}", e.ident),
                docs,
                deprecated: e.deprecated.as_deref(),
            }
        })
        .collect::<Vec<_>>();
    let idents = variants.iter().map(|v| &v.ident);
    let count = usize_lit(catalogue.endpoints.len());
    let index_body = if catalogue.endpoints.is_empty() {
        quote!(match self {})
    } else {
        quote!(self as usize)
    };
    EndpointEnum {
        skeleton: quote! {
            /// An endpoint of the catalogue, one variant per `[[endpoints]]` table.
            ///
            /// Parse one from its name, slug or identifier, case-insensitively,
            /// with [`str::parse`]; [`Endpoint::ALL`] lists them in page order.
            #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #[non_exhaustive]
            pub enum Endpoint {}
        },
        impls: quote! {
            #[allow(deprecated)]
            impl Endpoint {
                /// Every endpoint, in page order.
                pub const ALL: [Endpoint; #count] = [#(Endpoint::#idents),*];

                /// The endpoint's position in [`Endpoint::ALL`].
                #[inline]
                pub const fn index(self) -> usize {
                    #index_body
                }
            }
        },
        variants,
    }
}

/// A variant of the `Endpoint` enum, or a constant of `codes`: its name,
/// doc lines (as given to [`docs`]) and deprecation note.
struct Variant<'a> {
    ident: proc_macro2::Ident,
    docs: Vec<String>,
    deprecated: Option<&'a str>,
}

impl Variant<'_> {
    /// Its doc and deprecation attributes.
    fn attrs(&self) -> TokenStream {
        let docs = docs(&self.docs);
        let deprecated = deprecated_attr(self.deprecated);
        quote!(#docs #deprecated)
    }
}

/// The `Endpoint` enum, kept as its variants so that `source` can format
/// them without parsing them, and its inherent impl.
struct EndpointEnum<'a> {
    /// The enum with no variant.
    skeleton: TokenStream,
    variants: Vec<Variant<'a>>,
    /// The items after the enum.
    impls: TokenStream,
}

impl EndpointEnum<'_> {
    fn tokens(&self) -> TokenStream {
        let variants = self.variants.iter().map(|v| {
            let (attrs, ident) = (v.attrs(), &v.ident);
            quote!(#attrs #ident,)
        });
        let mut tokens = fill_body(&self.skeleton, quote!(#(#variants)*));
        tokens.extend(self.impls.clone());
        tokens
    }
}

/// A text of a record: a string literal (readable) or its [`TextId`] (packed).
fn text_tokens(s: &str) -> TokenStream {
    let s = lit(s);
    quote!(#s)
}

fn opt_text_tokens(s: Option<&str>) -> TokenStream {
    opt_lit(s)
}

/// The endpoints' records, and the `EndpointRecords` expression over them.
fn endpoint_records(
    texts: &mut Texts,
    catalogue: &Catalogue,
    packed: bool,
) -> (TokenStream, TokenStream) {
    let records = endpoint_list(catalogue);
    let count = usize_lit(records.len());
    if packed {
        let bytes = pack_endpoints(texts, &records);
        let byte_count = usize_lit(bytes.len());
        let bytes = Literal::byte_string(&bytes);
        let items = quote! {
            /// The endpoints' records in [`Endpoint::ALL`] order, packed
            /// (`error_catalogue_layout::endpoint`), texts in [`TEXT`].
            static ENDPOINT_RECORDS: &[u8; #byte_count] = #bytes;
        };
        (
            items,
            quote!(__private::EndpointRecords::Packed(ENDPOINT_RECORDS)),
        )
    } else {
        let records = records.iter().map(|r| {
            let (name, slug, ident, path) = (
                text_tokens(r.name),
                text_tokens(r.slug),
                text_tokens(r.ident),
                text_tokens(r.path),
            );
            let method = format_ident!("{}", format!("{:?}", r.method));
            let deprecated = opt_text_tokens(r.deprecated);
            let (from, to) = (
                Literal::u32_unsuffixed(r.entries_start),
                Literal::u32_unsuffixed(r.entries_end),
            );
            quote! {
                EndpointRecord {
                    name: #name,
                    slug: #slug,
                    ident: #ident,
                    method: Method::#method,
                    path: #path,
                    entries_start: #from,
                    entries_end: #to,
                    deprecated: #deprecated,
                }
            }
        });
        let items = quote! {
            /// The endpoints' records, in [`Endpoint::ALL`] order; each one's
            /// entries are `ENTRY_RECORDS[entries_start..entries_end]`.
            static ENDPOINT_RECORDS: [EndpointRecord<&str>; #count] = [#(#records),*];
        };
        (
            items,
            quote!(__private::EndpointRecords::Readable(&ENDPOINT_RECORDS)),
        )
    }
}

/// The endpoints' records, texts borrowed from the catalogue.
fn endpoint_list(catalogue: &Catalogue) -> Vec<EndpointRecord<&str>> {
    let mut start = u32_of(catalogue.general.entries.len());
    catalogue
        .endpoints
        .iter()
        .map(|e| {
            let end = start + u32_of(e.entries.len());
            let record = EndpointRecord {
                name: e.name.as_str(),
                slug: e.slug.as_str(),
                ident: e.ident.as_str(),
                // Validation admits only these methods.
                method: Method::parse(&e.method).unwrap_or(Method::Get),
                path: e.path.as_str(),
                entries_start: start,
                entries_end: end,
                deprecated: e.deprecated.as_deref(),
            };
            start = end;
            record
        })
        .collect()
}

fn pack_endpoints(texts: &mut Texts, records: &[EndpointRecord<&str>]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for r in records {
        bytes.extend_from_slice(&r.map(|t| texts.id(t)).to_bytes());
    }
    bytes
}

/// `(endpoint row, anchor)` of every entry, in [`Catalogue::entries`] order:
/// row 0 is the general table, `i + 1` endpoint `i`.
fn entry_rows(catalogue: &Catalogue) -> Vec<(u16, String)> {
    let general = catalogue
        .general
        .entries
        .iter()
        .map(|e| (0, format!("{}-{}", catalogue.general.slug, e.status)));
    let endpoints = catalogue.endpoints.iter().enumerate().flat_map(|(i, ep)| {
        // Validation keeps endpoints below MAX_ENDPOINTS, within u16.
        let row = u16::try_from(i + 1).unwrap_or(u16::MAX);
        ep.entries
            .iter()
            .map(move |e| (row, format!("{}-{}", ep.slug, e.status)))
    });
    general.chain(endpoints).collect()
}

/// Each entry's texts with markup removed: meaning, description, resolution.
type PlainTexts = Vec<(String, Option<String>, Option<String>)>;

fn plain_texts(catalogue: &Catalogue) -> PlainTexts {
    catalogue
        .entries()
        .map(|e| {
            (
                markup::plain_text(&e.meaning),
                e.description.as_deref().map(markup::plain_text),
                e.resolution.as_deref().map(markup::plain_text),
            )
        })
        .collect()
}

/// The entries' records, texts borrowed from the catalogue, `rows` and `plains`.
fn entry_list<'a>(
    catalogue: &'a Catalogue,
    rows: &'a [(u16, String)],
    plains: &'a PlainTexts,
) -> Vec<EntryRecord<&'a str>> {
    let mut next_example = 0;
    catalogue
        .entries()
        .zip(rows)
        .zip(plains)
        .map(
            |((entry, (row, anchor)), (meaning, description, resolution))| {
                let same = *meaning == entry.meaning
                    && *description == entry.description
                    && *resolution == entry.resolution;
                let example = entry.example.as_ref().map(|_| {
                    next_example += 1;
                    next_example - 1
                });
                EntryRecord {
                    status: entry.status,
                    endpoint_row: *row,
                    retryable: entry.retryable,
                    meaning: entry.meaning.as_str(),
                    description: entry.description.as_deref(),
                    resolution: entry.resolution.as_deref(),
                    anchor: anchor.as_str(),
                    plain: (!same).then_some(Plain {
                        meaning: meaning.as_str(),
                        description: description.as_deref(),
                        resolution: resolution.as_deref(),
                    }),
                    example,
                    deprecated: entry.deprecated.as_deref(),
                }
            },
        )
        .collect()
}

fn pack_entries(texts: &mut Texts, records: &[EntryRecord<&str>]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for r in records {
        bytes.extend_from_slice(&r.map(|t| texts.id(t)).to_bytes());
    }
    bytes
}

/// The entries' records, the `EntryRecords` expression over them, and the
/// expression of the entry handles.
fn entry_records(
    texts: &mut Texts,
    catalogue: &Catalogue,
    rows: &[(u16, String)],
    packed: bool,
) -> (TokenStream, TokenStream, TokenStream) {
    let plains = plain_texts(catalogue);
    let records = entry_list(catalogue, rows, &plains);
    let count = usize_lit(records.len());
    if packed {
        let bytes = pack_entries(texts, &records);
        let byte_count = usize_lit(bytes.len());
        let bytes = Literal::byte_string(&bytes);
        let items = quote! {
            /// Every entry's record: the general table's, then each
            /// endpoint's, in page order, packed
            /// (`error_catalogue_layout::entry`), texts in [`TEXT`].
            static ENTRY_RECORDS: &[u8; #byte_count] = #bytes;
        };
        (
            items,
            quote!(__private::EntryRecords::Packed(ENTRY_RECORDS)),
            quote!(__private::packed_entry_handles(ENTRY_RECORDS)),
        )
    } else {
        let records = records.iter().map(|r| {
            let status = Literal::u16_unsuffixed(r.status);
            let row = Literal::u16_unsuffixed(r.endpoint_row);
            let retryable = r.retryable;
            let meaning = text_tokens(r.meaning);
            let description = opt_text_tokens(r.description);
            let resolution = opt_text_tokens(r.resolution);
            let anchor = text_tokens(r.anchor);
            let deprecated = opt_text_tokens(r.deprecated);
            let plain = match &r.plain {
                Some(p) => {
                    let meaning = text_tokens(p.meaning);
                    let description = opt_text_tokens(p.description);
                    let resolution = opt_text_tokens(p.resolution);
                    quote! {
                        Some(__private::Plain {
                            meaning: #meaning,
                            description: #description,
                            resolution: #resolution,
                        })
                    }
                }
                None => quote!(None),
            };
            let example = match r.example {
                Some(i) => {
                    let i = Literal::u32_unsuffixed(i);
                    quote!(Some(#i))
                }
                None => quote!(None),
            };
            quote! {
                EntryRecord {
                    anchor: #anchor,
                    status: #status,
                    endpoint_row: #row,
                    retryable: #retryable,
                    meaning: #meaning,
                    description: #description,
                    resolution: #resolution,
                    plain: #plain,
                    example: #example,
                    deprecated: #deprecated,
                }
            }
        });
        let items = quote! {
            /// Every entry's record: the general table's, then each
            /// endpoint's, in page order. `endpoint_row` is 0 for the general
            /// table, `i + 1` for `Endpoint::ALL[i]`; `plain` holds the texts
            /// without markup when any differs; `example` indexes [`EXAMPLES`].
            static ENTRY_RECORDS: [EntryRecord<&str>; #count] = [#(#records),*];
        };
        (
            items,
            quote!(__private::EntryRecords::Readable(&ENTRY_RECORDS)),
            quote!(__private::entry_handles(&ENTRY_RECORDS)),
        )
    }
}

fn examples(catalogue: &Catalogue) -> TokenStream {
    let examples: Vec<&Example> = catalogue
        .entries()
        .filter_map(|e| e.example.as_ref())
        .collect();
    let count = usize_lit(examples.len());
    let examples = examples.iter().map(|e| {
        let caption = opt_lit(e.caption.as_deref());
        let (lang, body) = (lit(&e.lang), lit(&e.body));
        quote!(__private::example(#caption, #lang, #body))
    });
    quote! {
        /// The example bodies documented with entries.
        static EXAMPLES: [__private::Example; #count] = [#(#examples),*];
    }
}

/// Every distinct text once, in first-use order, concatenated into one
/// string: packed records and key slots refer to texts by index, so a text
/// that many entries share is stored once.
#[derive(Default)]
struct Texts {
    index: std::collections::HashMap<String, u32>,
    blob: String,
    /// `ends[i]` is where text `i` ends in `blob`; it starts where `i - 1` ends.
    ends: Vec<u32>,
}

impl Texts {
    fn id(&mut self, text: &str) -> TextId {
        if let Some(&id) = self.index.get(text) {
            return TextId(id);
        }
        let id = u32_of(self.ends.len());
        self.blob.push_str(text);
        self.ends.push(u32_of(self.blob.len()));
        self.index.insert(text.to_owned(), id);
        TextId(id)
    }

    /// `TEXT` and `TEXT_ENDS`, once every text has its id, and the
    /// `Texts` expression over them.
    fn tokens(&self) -> (TokenStream, TokenStream) {
        let ends: Vec<u8> = self.ends.iter().flat_map(|e| e.to_le_bytes()).collect();
        let end_bytes = usize_lit(ends.len());
        let ends = Literal::byte_string(&ends);
        let blob = lit(&self.blob);
        let items = quote! {
            /// Every distinct text that packed records and key slots refer to
            /// by index, once each, one after another.
            static TEXT: &str = #blob;

            /// Where each text ends in [`TEXT`], as little-endian `u32`s:
            /// text `i` is `TEXT[end(i - 1)..end(i)]` (from 0 for `i = 0`).
            static TEXT_ENDS: &[u8; #end_bytes] = #ends;
        };
        (
            items,
            quote!(__private::Texts {
                blob: TEXT,
                ends: TEXT_ENDS
            }),
        )
    }
}

/// The (endpoint, status) index as data (see `__private::LookupIndex`).
struct IndexData {
    /// `(status, column)` of every status some table lists.
    columns: Vec<(u16, usize)>,
    /// One row of `width` cells per table, `cell_bytes` little-endian bytes each.
    rows: Vec<u8>,
    width: usize,
    cell_bytes: usize,
}

/// The largest lookup index written in the direct form: 8 rows of 2-byte
/// cells (the general table and 7 endpoints), 16 KiB.
const DIRECT_INDEX_MAX_BYTES: usize = 16 * 1024;

fn index_data(catalogue: &Catalogue) -> IndexData {
    // Distinct statuses, ascending: columns 1..; column 0 is "no table lists it".
    let statuses: Vec<u16> = catalogue
        .entries()
        .map(|e| e.status)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let entry_count = catalogue.entries().count();
    let cell_bytes = if entry_count < usize::from(u16::MAX) {
        2
    } else {
        4
    };
    // Small enough, the rows are direct (see `STATUS_SLOTS`): a lookup
    // then skips the status → column load, as a dense array would.
    let direct =
        (catalogue.endpoints.len() + 1) * STATUS_SLOTS * cell_bytes <= DIRECT_INDEX_MAX_BYTES;
    let column_of: BTreeMap<u16, usize> = statuses
        .iter()
        .enumerate()
        .map(|(i, &s)| (s, if direct { usize::from(s) } else { i + 1 }))
        .collect();
    let columns = if direct {
        STATUS_SLOTS
    } else {
        statuses.len() + 1
    };
    // Row 0: the general table; row i + 1: endpoint i, with the fallback filled in.
    let mut general_row = vec![0usize; columns];
    for (k, e) in catalogue.general.entries.iter().enumerate() {
        general_row[column_of[&e.status]] = k + 1;
    }
    let width = columns.next_power_of_two();
    general_row.resize(width, 0);
    let mut rows = vec![general_row.clone()];
    let mut next = catalogue.general.entries.len();
    for ep in &catalogue.endpoints {
        let mut row = general_row.clone();
        for e in &ep.entries {
            next += 1;
            row[column_of[&e.status]] = next;
        }
        rows.push(row);
    }
    let mut bytes = Vec::with_capacity(rows.len() * width * cell_bytes);
    for cell in rows.into_iter().flatten() {
        bytes.extend_from_slice(&u32_of(cell).to_le_bytes()[..cell_bytes]);
    }
    IndexData {
        columns: column_of.into_iter().collect(),
        rows: bytes,
        width,
        cell_bytes,
    }
}

/// The two-level (endpoint, status) index (see `__private::LookupIndex`):
/// `STATUS_COLUMN` maps a status to a column, `LOOKUP_ROWS` holds one row of
/// entry indices per table, with the general fallback resolved here, at
/// build time, so a lookup is two loads and one comparison.
fn lookup_index(catalogue: &Catalogue) -> (TokenStream, TokenStream) {
    let data = index_data(catalogue);
    let pairs = data.columns.iter().map(|&(status, column)| {
        let (status, column) = (
            Literal::u16_unsuffixed(status),
            Literal::usize_unsuffixed(column),
        );
        quote!((#status, #column))
    });
    // Columns are below the row width.
    let (column_type, columns_fn, columns_variant) = if data.width <= 256 {
        (quote!(u8), quote!(columns_u8), quote!(U8))
    } else {
        (quote!(u16), quote!(columns_u16), quote!(U16))
    };
    let direct = if data.width == STATUS_SLOTS {
        ", a status's cell at the status itself (a direct index: `STATUS_COLUMN` maps each status to itself)"
    } else {
        ""
    };
    let rows_doc = format!(
        " One row of {} cells per table (row 0 the general table, row `i + 1` `Endpoint::ALL[i]` with the general fallback filled in){direct}, each cell the entry's index in [`ENTRIES`] + 1 (0: none) as a little-endian integer of {} bytes.",
        data.width, data.cell_bytes
    );
    let rows = Literal::byte_string(&data.rows);
    // Its length in its type: a lookup then knows the row count, and an
    // `Endpoint`'s row needs no bounds check.
    let rows_len = usize_lit(data.rows.len());
    let row_bytes = usize_lit(data.width * data.cell_bytes);
    let (width, cell_bytes) = (usize_lit(data.width), usize_lit(data.cell_bytes));
    let items = quote! {
        /// Each status's column in [`LOOKUP_ROWS`] (0: no table lists it),
        /// indexed by the status code.
        static STATUS_COLUMN: [#column_type; 1024] = __private::#columns_fn(&[#(#pairs),*]);

        #[doc = #rows_doc]
        static LOOKUP_ROWS: &[u8; #rows_len] = #rows;

        /// Bytes per row of [`LOOKUP_ROWS`].
        const LOOKUP_ROW_BYTES: usize = #row_bytes;

        /// Bytes per cell of [`LOOKUP_ROWS`].
        const LOOKUP_CELL_BYTES: usize = #cell_bytes;
    };
    let table = quote! {
        __private::LookupIndex {
            status_column: __private::Columns::#columns_variant(&STATUS_COLUMN),
            rows: LOOKUP_ROWS,
            row_width: #width,
            cell_bytes: #cell_bytes,
        }
    };
    (items, table)
}

/// The perfect hash of endpoint keys as data.
struct KeyData {
    seed: u64,
    pilots: Vec<u8>,
    remap: Vec<u32>,
    /// Packed `KeySlot`s, in slot order.
    slots: Vec<u8>,
}

/// The name → endpoint table: a ptrhash perfect hash over the lower-cased
/// names, slugs and identifiers, hashed with [`keyhash`], which the runtime
/// hashes with too. Folding case inside the hash parses without a copy.
fn key_data(texts: &mut Texts, catalogue: &Catalogue) -> KeyData {
    // name, slug and identifier, lower-cased; validation made them unambiguous.
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    for (i, e) in catalogue.endpoints.iter().enumerate() {
        for key in [&e.name, &e.slug, &e.ident] {
            keys.entry(key.to_ascii_lowercase()).or_insert(i);
        }
    }
    let keys: Vec<(String, usize)> = keys.into_iter().collect();
    let names: Vec<&[u8]> = keys.iter().map(|(k, _)| k.as_bytes()).collect();
    let state = phf_generator::ptrhash::generate_hash_with_hash_fn(&names, |k, seed| {
        keyhash::hash(k, *seed)
    });
    let mut slots = Vec::with_capacity(state.map.len() * 8);
    for &i in &state.map {
        let slot = KeySlot {
            key: texts.id(&keys[i].0),
            endpoint: u32_of(keys[i].1),
        };
        slots.extend_from_slice(&slot.to_bytes());
    }
    KeyData {
        seed: state.seed,
        pilots: state.pilots,
        remap: state.remap,
        slots,
    }
}

fn endpoint_keys(texts: &mut Texts, catalogue: &Catalogue) -> (TokenStream, TokenStream) {
    let data = key_data(texts, catalogue);
    let seed = Literal::u64_unsuffixed(data.seed);
    let pilots = Literal::byte_string(&data.pilots);
    let remap = data.remap.iter().map(|&r| Literal::u32_unsuffixed(r));
    let remap_count = usize_lit(data.remap.len());
    let slots = Literal::byte_string(&data.slots);
    let items = quote! {
        /// ptrhash's remapping of slots past the end, for [`KEY_SLOTS`].
        static KEY_REMAP: [u32; #remap_count] = [#(#remap),*];
        /// Lower-cased endpoint names, slugs and identifiers with their
        /// endpoint's index, in perfect-hash slot order (`error_catalogue_layout::key_slot`).
        static KEY_SLOTS: &[u8] = #slots;
    };
    let table = quote! {
        __private::KeyTable { seed: #seed, pilots: #pilots, remap: &KEY_REMAP, slots: KEY_SLOTS }
    };
    (items, table)
}

/// A catalogue's tables in the packed form, as owned data: what generated
/// code holds, for a catalogue read at run time (error-catalogue's `load`
/// feature builds its tables from this). Outside semver, like the layout.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct PackedTables {
    /// Packed entry records.
    pub entry_records: Vec<u8>,
    /// Packed endpoint records.
    pub endpoint_records: Vec<u8>,
    /// Every text once.
    pub text: String,
    /// Where each text ends in `text`, little-endian `u32`s.
    pub text_ends: Vec<u8>,
    /// `(status, column)` pairs of the lookup index.
    pub status_columns: Vec<(u16, u16)>,
    /// The lookup index's rows.
    pub rows: Vec<u8>,
    /// Cells per row.
    pub row_width: usize,
    /// Bytes per cell.
    pub cell_bytes: usize,
    /// The key table's seed.
    pub key_seed: u64,
    /// The key table's pilots.
    pub key_pilots: Vec<u8>,
    /// The key table's remap.
    pub key_remap: Vec<u32>,
    /// The key table's packed slots.
    pub key_slots: Vec<u8>,
    /// The route tables' records.
    pub routes: crate::routes::RouteRecords,
    /// The route tables' edges.
    pub route_edges: Vec<crate::routes::RouteEdge>,
}

/// The catalogue's tables, packed, as data.
#[doc(hidden)]
pub fn packed_tables(catalogue: &Catalogue) -> PackedTables {
    let rows = entry_rows(catalogue);
    let plains = plain_texts(catalogue);
    let mut texts = Texts::default();
    let entry_records = pack_entries(&mut texts, &entry_list(catalogue, &rows, &plains));
    let endpoint_records = pack_endpoints(&mut texts, &endpoint_list(catalogue));
    let keys = key_data(&mut texts, catalogue);
    let index = index_data(catalogue);
    let route_tables = crate::routes::tables(catalogue);
    PackedTables {
        entry_records,
        endpoint_records,
        text_ends: texts.ends.iter().flat_map(|e| e.to_le_bytes()).collect(),
        text: texts.blob,
        status_columns: index
            .columns
            .iter()
            .map(|&(s, c)| (s, u16::try_from(c).unwrap_or(u16::MAX)))
            .collect(),
        rows: index.rows,
        row_width: index.width,
        cell_bytes: index.cell_bytes,
        key_seed: keys.seed,
        key_pilots: keys.pilots,
        key_remap: keys.remap,
        key_slots: keys.slots,
        routes: route_tables.records(),
        route_edges: route_tables.edges,
    }
}

fn page(catalogue: &Catalogue) -> TokenStream {
    let p = &catalogue.page;
    let (id, title, sidebar_label, slug, base) = (
        lit(&p.id),
        lit(&p.title),
        lit(&p.sidebar_label),
        lit(&p.slug),
        lit(&p.docs_base_url),
    );
    let imports = p.imports.iter().map(|s| lit(s));
    let intro = p.intro.iter().map(|s| lit(s));
    let support = match &p.support {
        Some(s) => {
            let (notice, email) = (lit(&s.notice), lit(&s.email));
            quote!(Some(__private::support(#notice, #email)))
        }
        None => quote!(None),
    };
    let (general_title, general_slug) =
        (lit(&catalogue.general.title), lit(&catalogue.general.slug));
    quote! {
        __private::page(
            #id,
            #title,
            #sidebar_label,
            #slug,
            #base,
            &[#(#imports),*],
            &[#(#intro),*],
            #support,
            #general_title,
            #general_slug,
        )
    }
}

/// One constant of the `codes` module.
struct EntryConst<'a> {
    /// `SLUG_STATUS`, the entry's doc lines (see [`entry_doc_lines`]), and
    /// its deprecation note, else its endpoint's.
    name: Variant<'a>,
    /// The entry's position in `ENTRIES`.
    index: usize,
}

/// The `codes` module: its skeleton (docs, imports, the `at` helper) and
/// its constants, kept apart so that `source` can format the constants
/// without parsing them.
struct EntryConsts<'a> {
    /// The module with every item but the constants.
    skeleton: TokenStream,
    consts: Vec<EntryConst<'a>>,
}

impl EntryConsts<'_> {
    /// The whole module as tokens.
    fn tokens(&self) -> TokenStream {
        let consts = self.consts.iter().map(|c| {
            let (attrs, name, k) = (c.name.attrs(), &c.name.ident, usize_lit(c.index));
            quote! {
                #attrs
                pub const #name: &Entry = at(#k);
            }
        });
        // An empty catalogue's module has no constants to add.
        if self.consts.is_empty() {
            return self.skeleton.clone();
        }
        fill_body(&self.skeleton, quote!(#(#consts)*))
    }
}

/// What the `codes` module is made from (plain data, which another thread
/// can read).
#[derive(Clone, Copy)]
struct ConstsOf<'a> {
    catalogue: &'a Catalogue,
    /// Whether the records are packed (see [`Layout::packs`]).
    packed: bool,
}

/// The `codes` module's data, when `options` ask for it.
fn consts_of(catalogue: &Catalogue, options: Options) -> Option<ConstsOf<'_>> {
    options.entry_consts.then_some(ConstsOf {
        catalogue,
        packed: packed(catalogue, options),
    })
}

/// Whether `catalogue`'s records are packed under `options` (see
/// [`Layout::packs`]): decided here once for the records and the `codes`
/// module's docs, which `source` makes on another thread.
fn packed(catalogue: &Catalogue, options: Options) -> bool {
    options.layout.packs(catalogue.entries().count())
}

impl<'a> ConstsOf<'a> {
    fn build(self) -> EntryConsts<'a> {
        entry_consts(self.catalogue, self.packed)
    }
}

/// The `codes` module: one constant per entry, its doc the entry's texts
/// (status and meaning only in the packed form, as `endpoint_enum`'s).
fn entry_consts(catalogue: &Catalogue, packed: bool) -> EntryConsts<'_> {
    let general = catalogue
        .general
        .entries
        .iter()
        .map(|e| (catalogue.general.slug.as_str(), None, e));
    let endpoints = catalogue.endpoints.iter().flat_map(|ep| {
        let endpoint_note = ep.deprecated.as_deref();
        ep.entries
            .iter()
            .map(move |e| (ep.slug.as_str(), endpoint_note, e))
    });
    let consts: Vec<_> = general
        .chain(endpoints)
        .enumerate()
        .map(|(k, (slug, endpoint_note, entry))| EntryConst {
            name: Variant {
                ident: format_ident!("{}", names::const_ident(slug, entry.status)),
                docs: entry_doc_lines(entry, !packed),
                deprecated: entry.deprecated.as_deref().or(endpoint_note),
            },
            index: k,
        })
        .collect();
    if consts.is_empty() {
        return EntryConsts {
            skeleton: quote! {
                /// One constant per entry (this catalogue has none).
                pub mod codes {}
            },
            consts: Vec::new(),
        };
    }
    EntryConsts {
        skeleton: quote! {
            /// One constant per entry, named `SLUG_STATUS`, so code that names an
            /// entry stops compiling when the entry leaves the catalogue.
            pub mod codes {
                use super::{ENTRIES, Entry};

                /// The entry at `k` in `ENTRIES`. A call type-checks faster
                /// than an index expression in each constant (by half, at
                /// 10⁵ entries).
                const fn at(k: usize) -> &'static Entry {
                    &ENTRIES[k]
                }
            }
        },
        consts,
    }
}

/// One `#[non_exhaustive]` error enum per endpoint, a variant per 4xx/5xx
/// status `lookup` answers for it (its own rows and the general table's),
/// named from the status's canonical reason phrase, plus `Undocumented`;
/// and the catalogue-wide `Error` over them. The enums and their
/// status ↔ variant matches are here; their behaviour is the runtime's
/// `EndpointError`, implemented by `endpoint_error!`.
fn typed_errors(catalogue: &Catalogue) -> TokenStream {
    let general: BTreeMap<u16, &Entry> = catalogue
        .general
        .entries
        .iter()
        .filter(|e| e.status >= 400)
        .map(|e| (e.status, e))
        .collect();
    let mut enums = Vec::new();
    let mut wide_variants = Vec::new();
    let mut wide_names = Vec::new();
    for e in &catalogue.endpoints {
        let mut rows = general.clone();
        rows.extend(
            e.entries
                .iter()
                .filter(|x| x.status >= 400)
                .map(|x| (x.status, x)),
        );
        let statuses: Vec<u16> = rows.keys().copied().collect();
        let names: Vec<_> = names::status_variants(&statuses)
            .into_iter()
            .map(|n| format_ident!("{}", n))
            .collect();
        let ty = format_ident!("{}Error", e.ident);
        let variant = format_ident!("{}", e.ident);
        let variant_docs = rows.values().map(|entry| {
            let docs = entry_docs(entry, true);
            let deprecated = deprecated_attr(entry.deprecated.as_deref());
            quote!(#docs #deprecated)
        });
        let codes: Vec<_> = statuses
            .iter()
            .map(|&s| Literal::u16_unsuffixed(s))
            .collect();
        let name_strs = names.iter().map(|n| Literal::string(&n.to_string()));
        // The link is ours; only the data (method, path) goes through `docs`.
        let link = lit(&format!(
            " The errors documented for [`Endpoint::{}`], its own and the general table's:",
            e.ident
        ));
        let enum_docs = docs(&[
            format!("`{} {}`.", e.method, e.path),
            String::new(),
            "Match a status that may become documented later by its number, with".to_string(),
            "`e.status()`, rather than on `Undocumented`: that arm stops matching the".to_string(),
            "day the catalogue documents the status.".to_string(),
        ]);
        let enum_docs = quote!(#[doc = #link] #enum_docs);
        enums.push(quote! {
            #enum_docs
            #[derive(Clone, Copy)]
            #[non_exhaustive]
            pub enum #ty {
                #(#variant_docs #names,)*
                /// A 4xx or 5xx status the catalogue does not document for this endpoint.
                Undocumented(::error_catalogue::StatusCode),
            }

            #[allow(deprecated)]
            impl #ty {
                /// The error a response of `status` is: `None` below 400 or
                /// above 599, `Undocumented` for a status not documented here.
                #[inline]
                pub fn from_status(status: ::error_catalogue::StatusCode) -> Option<Self> {
                    let code = status.as_u16();
                    if !(400..=599).contains(&code) {
                        return None;
                    }
                    Some(match code {
                        #(#codes => Self::#names,)*
                        _ => Self::Undocumented(status),
                    })
                }

                /// The HTTP status as a number.
                #[inline]
                pub fn code(self) -> u16 {
                    self.__variant().0
                }

                #[doc(hidden)]
                #[inline]
                pub fn __variant(self) -> (u16, ::core::option::Option<&'static str>) {
                    match self {
                        #(Self::#names => (#codes, ::core::option::Option::Some(#name_strs)),)*
                        Self::Undocumented(status) => (status.as_u16(), ::core::option::Option::None),
                    }
                }
            }

            ::error_catalogue::__private::endpoint_error!(#ty, Endpoint::#variant);

            impl ::core::convert::From<#ty> for Error {
                #[inline]
                fn from(e: #ty) -> Error {
                    Error::#variant(e)
                }
            }
        });
        let doc = lit(&format!(" An error of [`Endpoint::{}`].", e.ident));
        wide_variants.push(quote!(#[doc = #doc] #variant(#ty)));
        wide_names.push((variant, ty));
    }
    let variants: Vec<_> = wide_names.iter().map(|(v, _)| v).collect();
    let types: Vec<_> = wide_names.iter().map(|(_, t)| t).collect();
    let from_body = if variants.is_empty() {
        quote!(match endpoint {})
    } else {
        quote! {
            match endpoint {
                #(Endpoint::#variants => #types::from_status(status).map(Error::#variants),)*
            }
        }
    };
    let (endpoint_body, code_body) = if variants.is_empty() {
        (quote!(match *self {}), quote!(match self {}))
    } else {
        (
            quote!(match self { #(Error::#variants(_) => Endpoint::#variants,)* }),
            quote!(match self { #(Error::#variants(e) => e.code(),)* }),
        )
    };
    quote! {
        #(#enums)*

        /// An error of any endpoint of this catalogue: one variant per
        /// endpoint, holding that endpoint's error.
        // One enum: derived, its impls are one match each, over endpoints.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Error {
            #(#wide_variants,)*
        }

        #[allow(deprecated)]
        impl Error {
            /// The error a response of `status` from `endpoint` is (`None`
            /// below 400 or above 599).
            #[inline]
            pub fn from_status(endpoint: Endpoint, status: ::error_catalogue::StatusCode) -> Option<Self> {
                #from_body
            }

            /// The endpoint it is an error of.
            pub fn endpoint(&self) -> Endpoint {
                #endpoint_body
            }

            /// The HTTP status as a number.
            #[inline]
            pub fn code(self) -> u16 {
                #code_body
            }
        }

        ::error_catalogue::__private::catalogue_error!();
    }
}

/// `#[deprecated(note = …)]` for a deprecated item, else nothing: code that
/// names it then warns at compile time.
fn deprecated_attr(note: Option<&str>) -> TokenStream {
    match note {
        Some(note) => {
            let note = lit(note);
            quote!(#[deprecated(note = #note)])
        }
        None => TokenStream::new(),
    }
}
