//! The entries' records, the (endpoint, status) index over them and the
//! `codes` constants naming them.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use error_catalogue_records::{EntryRecord, Example, Plain};

use crate::catalogue::Catalogue;
use crate::names;
use crate::records::{self, Derived};

use super::docs::{deprecated_attr, docs, entry_doc_lines};
use super::{lit, opt_lit};

/// `ENTRIES`: every entry's record, the general table's then each
/// endpoint's, in page order.
pub(super) fn records(catalogue: &Catalogue, derived: &Derived<'_>) -> TokenStream {
    let records = records::entries(catalogue, derived).map(|r| {
        let record = entry(catalogue, r);
        quote!(__private::entry(#record))
    });
    let count = Literal::usize_unsuffixed(catalogue.entries().count());
    quote! {
        /// Every entry: the general table's, then each endpoint's, in page order.
        #[allow(deprecated)]
        static ENTRIES: [Entry; #count] = [#(#records),*];
    }
}

/// One entry's record as a struct literal.
pub(super) fn entry(catalogue: &Catalogue, record: EntryRecord<'_, usize>) -> TokenStream {
    let EntryRecord {
        anchor,
        status,
        endpoint,
        code,
        codes,
        retryable,
        meaning,
        description,
        resolution,
        plain,
        example,
        deprecated,
    } = record;
    let anchor = lit(anchor);
    let status = match status {
        Some(s) => {
            let s = Literal::u16_unsuffixed(s);
            quote!(Some(#s))
        }
        None => quote!(None),
    };
    let code = opt_lit(code);
    let codes = codes.iter().map(|c| lit(c));
    let endpoint = match endpoint {
        Some(i) => {
            let ident = format_ident!("{}", catalogue.endpoints[i].ident);
            quote!(Some(Endpoint::#ident))
        }
        None => quote!(None),
    };
    let (meaning, description, resolution) =
        (lit(meaning), opt_lit(description), opt_lit(resolution));
    let plain = match plain {
        Some(Plain {
            meaning,
            description,
            resolution,
        }) => {
            let (meaning, description, resolution) =
                (lit(meaning), opt_lit(description), opt_lit(resolution));
            quote!(Some(Plain { meaning: #meaning, description: #description, resolution: #resolution }))
        }
        None => quote!(None),
    };
    let example = match example {
        Some(&Example {
            caption,
            lang,
            body,
        }) => {
            let (caption, lang, body) = (opt_lit(caption), lit(lang), lit(body));
            quote!(Some(&Example { caption: #caption, lang: #lang, body: #body }))
        }
        None => quote!(None),
    };
    let deprecated = opt_lit(deprecated);
    quote! {
        EntryRecord {
            anchor: #anchor,
            status: #status,
            endpoint: #endpoint,
            code: #code,
            codes: &[#(#codes),*],
            retryable: #retryable,
            meaning: #meaning,
            description: #description,
            resolution: #resolution,
            plain: #plain,
            example: #example,
            deprecated: #deprecated,
        }
    }
}

/// `STATUSES` and `LOOKUP`: the (endpoint, status) index, one row per
/// table, the general table's entries filled in where an endpoint lists
/// none, so that a lookup reads one cell.
pub(super) fn lookup(catalogue: &Catalogue) -> TokenStream {
    let lookup = records::lookup(catalogue);
    let width = Literal::usize_unsuffixed(lookup.statuses.len());
    let height = Literal::usize_unsuffixed(lookup.rows.len());
    let statuses = lookup.statuses.iter().map(|&s| Literal::u16_unsuffixed(s));
    let rows = lookup.rows.iter().map(|row| {
        let cells = row.iter().map(|cell| match cell {
            Some(k) => {
                let k = Literal::usize_unsuffixed(*k);
                quote!(Some(&ENTRIES[#k]))
            }
            None => quote!(None),
        });
        quote!([#(#cells),*])
    });
    quote! {
        /// Every status some table lists, ascending: the columns of [`LOOKUP`].
        static STATUSES: [u16; #width] = [#(#statuses),*];

        /// What each status means in each table: row 0 the general table,
        /// row `i + 1` `Endpoint::ALL[i]` (its own entry, else the general
        /// table's), a column per status of [`STATUSES`].
        static LOOKUP: [[Option<&Entry>; #width]; #height] = [#(#rows),*];
    }
}

/// The `codes` module: one constant per entry, its doc the entry's texts
/// (status and meaning only without `full_docs`), then `code_consts`, the
/// application codes' constants.
pub(super) fn consts(
    catalogue: &Catalogue,
    full_docs: bool,
    code_consts: TokenStream,
) -> TokenStream {
    let consts: Vec<TokenStream> = records::rows(catalogue)
        .enumerate()
        .map(|(k, (endpoint, slug, entry))| {
            // An entry's own note, else its endpoint's.
            let endpoint_note = endpoint.and_then(|i| catalogue.endpoints[i].deprecated.as_deref());
            let name = format_ident!("{}", names::const_ident(slug, entry.status));
            let docs = docs(&entry_doc_lines(entry, full_docs));
            let deprecated = deprecated_attr(entry.deprecated.as_deref().or(endpoint_note));
            let k = Literal::usize_unsuffixed(k);
            quote! {
                #docs
                #deprecated
                pub const #name: &Entry = at(#k);
            }
        })
        .collect();
    if consts.is_empty() && code_consts.is_empty() {
        return quote! {
            /// One constant per entry (this catalogue has none).
            pub mod codes {}
        };
    }
    let at = if consts.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            /// The entry at `k` in `ENTRIES`. A call type-checks faster
            /// than an index expression in each constant.
            const fn at(k: usize) -> &'static Entry {
                &super::ENTRIES[k]
            }
        }
    };
    quote! {
        /// One constant per entry, named `SLUG_STATUS`, and one per
        /// application code, named after its code (`CARD_DECLINED`), so code
        /// that names an entry stops compiling when the entry leaves the
        /// catalogue.
        pub mod codes {
            use super::Entry;

            #at
            #(#consts)*
            #code_consts
        }
    }
}
