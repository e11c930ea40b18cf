//! The application codes (`[[codes]]`): the `Code` enum, each code's entry
//! record (`CODES`), the index of codes as sent (`CODE_KEYS`) and the
//! `codes` constants naming them.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::catalogue::{AppCode, Catalogue};
use crate::names;
use crate::records::{self, CodeTexts, Derived};

use super::docs::{deprecated_attr, docs};
use super::entries::entry;
use super::lit;

/// The `Code` enum and its inherent impl: a variant per code, in registry
/// order, documented with the code's texts (its code, status and meaning
/// only without `full_docs`). Always generated: a catalogue without codes
/// has an empty (uninhabited) `Code`.
pub(super) fn code_enum(catalogue: &Catalogue, texts: &CodeTexts, full_docs: bool) -> TokenStream {
    let variants = catalogue
        .codes
        .iter()
        .zip(texts.as_slice())
        .map(|(c, text)| {
            let docs = docs(&doc_lines(c, text, full_docs));
            let deprecated = deprecated_attr(c.deprecated.as_deref());
            let ident = format_ident!("{}", c.ident);
            quote!(#docs #deprecated #ident,)
        });
    let idents = catalogue.codes.iter().map(|c| format_ident!("{}", c.ident));
    let count = Literal::usize_unsuffixed(catalogue.codes.len());
    let index_body = if catalogue.codes.is_empty() {
        quote!(match self {})
    } else {
        quote!(self as usize)
    };
    quote! {
        /// An application code of the catalogue, as the API sends it in a
        /// response body: one variant per `[[codes]]` entry, in page order.
        ///
        /// Parse one from the code exactly as sent with [`str::parse`];
        /// `Display` writes it back; [`Code::entry`] is its entry.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            #(#variants)*
        }

        #[allow(deprecated)]
        impl Code {
            /// Every code, in page order.
            pub const ALL: [Code; #count] = [#(Code::#idents),*];

            /// The code's position in [`Code::ALL`].
            #[inline]
            pub const fn index(self) -> usize {
                #index_body
            }
        }
    }
}

/// The doc lines of a code's variant and constant: the code as sent, its
/// status and meaning, then (`full`) its description and resolution.
fn doc_lines(c: &AppCode, text: &str, full: bool) -> Vec<String> {
    let status = match c.status {
        Some(s) => format!("`{s}`"),
        None => "any status".to_string(),
    };
    let mut lines = vec![format!("`{text}` ({status}): {}", c.meaning)];
    if !full {
        return lines;
    }
    if let Some(d) = &c.description {
        lines.push(String::new());
        lines.push(d.clone());
    }
    if let Some(r) = &c.resolution {
        lines.push(String::new());
        lines.push(format!("**Resolution:** {r}"));
    }
    lines
}

/// `CODES`: every code's entry record, in [`Code::ALL`]'s order.
pub(super) fn records(
    catalogue: &Catalogue,
    texts: &CodeTexts,
    derived: &Derived<'_>,
) -> TokenStream {
    let records = records::codes(catalogue, texts, derived).map(|r| {
        let record = entry(catalogue, r);
        quote!(__private::entry(#record))
    });
    let count = Literal::usize_unsuffixed(catalogue.codes.len());
    quote! {
        /// Every application code's entry, in [`Code::ALL`]'s order.
        #[allow(deprecated)]
        static CODES: [Entry; #count] = [#(#records),*];
    }
}

/// `CODE_KEYS`: phf's perfect hash of every code as sent to its variant,
/// which `lookup_code` and `Code`'s `FromStr` read.
pub(super) fn keys(catalogue: &Catalogue, texts: &CodeTexts) -> TokenStream {
    let keys = records::code_keys(texts);
    let key = Literal::u64_unsuffixed(keys.key);
    let pilots = keys.pilots.iter().map(|&p| Literal::u8_unsuffixed(p));
    let remap = keys.remap.iter().map(|&r| Literal::u32_unsuffixed(r));
    let entries = keys.entries.iter().map(|(k, i)| {
        let (k, ident) = (lit(k), format_ident!("{}", catalogue.codes[*i].ident));
        quote!((#k, Code::#ident))
    });
    quote! {
        /// Every application code as sent, to its variant, in a perfect hash
        /// map made by phf (PtrHash): `key` seeds its hash, and `pilots` and
        /// `remap` place each code in `entries`. Codes compare exactly.
        #[allow(deprecated)]
        static CODE_KEYS: __private::phf::Map<&str, Code> = __private::phf::Map {
            key: #key,
            pilots: &[#(#pilots),*],
            remap: &[#(#remap),*],
            entries: &[#(#entries),*],
        };
    }
}

/// The `codes` module's constants for the application codes, one per code
/// (named by [`names::code_const`], which validation keeps unique among the
/// entries' constants), each its code's entry; empty when the catalogue has
/// none.
pub(super) fn consts(catalogue: &Catalogue, texts: &CodeTexts, full_docs: bool) -> TokenStream {
    let consts = catalogue
        .codes
        .iter()
        .zip(texts.as_slice())
        .enumerate()
        .map(|(k, (c, text))| {
            let name = format_ident!("{}", names::code_const(&c.code));
            let docs = docs(&doc_lines(c, text, full_docs));
            let deprecated = deprecated_attr(c.deprecated.as_deref());
            let k = Literal::usize_unsuffixed(k);
            quote! {
                #docs
                #deprecated
                pub const #name: &Entry = code(#k);
            }
        })
        .collect::<Vec<_>>();
    if consts.is_empty() {
        return TokenStream::new();
    }
    quote! {
        /// The entry of the code at `k` in `CODES`.
        const fn code(k: usize) -> &'static Entry {
            &super::CODES[k]
        }

        #(#consts)*
    }
}
