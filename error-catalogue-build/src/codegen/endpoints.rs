//! The `Endpoint` enum, the endpoints' records and the name table that
//! parses them.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::catalogue::Catalogue;
use crate::records;

use super::docs::{code_list, deprecated_attr, docs};
use super::{lit, opt_lit};

/// The `Endpoint` enum and its inherent impl. Each variant's doc lists its
/// table: every entry's texts with `full_docs`, else each entry's status
/// and meaning.
pub(super) fn endpoint_enum(catalogue: &Catalogue, full_docs: bool) -> TokenStream {
    let variants = catalogue.endpoints.iter().map(|e| {
        let mut lines = vec![
            format!("{}: `{} {}`", e.name, e.method, e.path),
            String::new(),
            format!("Slug `{}`. Its table:", e.slug),
            String::new(),
        ];
        for entry in &e.entries {
            if !full_docs {
                lines.push(format!("- `{}` {}", entry.status, entry.meaning));
                continue;
            }
            lines.push(format!("- `{}` **{}**:", entry.status, entry.meaning));
            if let Some(d) = &entry.description {
                lines.push(format!("  {}", d.replace('\n', "\n  ")));
            }
            if let Some(r) = &entry.resolution {
                lines.push(format!("  *Resolution:* {}", r.replace('\n', "\n  ")));
            }
            if !entry.codes.is_empty() {
                lines.push(format!("  *Codes:* {}", code_list(entry)));
            }
        }
        let (docs, deprecated) = (docs(&lines), deprecated_attr(e.deprecated.as_deref()));
        let ident = format_ident!("{}", e.ident);
        quote!(#docs #deprecated #ident,)
    });
    let idents = catalogue
        .endpoints
        .iter()
        .map(|e| format_ident!("{}", e.ident));
    let count = Literal::usize_unsuffixed(catalogue.endpoints.len());
    let index_body = if catalogue.endpoints.is_empty() {
        quote!(match self {})
    } else {
        quote!(self as usize)
    };
    quote! {
        /// An endpoint of the catalogue, one variant per `[[endpoints]]` table.
        ///
        /// Parse one from its name, slug or identifier, case-insensitively,
        /// with [`str::parse`]; [`Endpoint::ALL`] lists them in page order.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Endpoint {
            #(#variants)*
        }

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
    }
}

/// `ENDPOINTS`: each endpoint's record.
pub(super) fn records(catalogue: &Catalogue) -> TokenStream {
    let records = records::endpoints(catalogue).map(|r| {
        let error_catalogue_records::EndpointRecord {
            name,
            slug,
            ident,
            method,
            path,
            entries,
            deprecated,
        } = r;
        let (name, slug, ident, path) = (lit(name), lit(slug), lit(ident), lit(path));
        let method = format_ident!("{}", format!("{method:?}"));
        let (start, end) = (
            Literal::usize_unsuffixed(entries.start),
            Literal::usize_unsuffixed(entries.end),
        );
        let deprecated = opt_lit(deprecated);
        quote! {
            EndpointRecord {
                name: #name,
                slug: #slug,
                ident: #ident,
                method: Method::#method,
                path: #path,
                entries: #start..#end,
                deprecated: #deprecated,
            }
        }
    });
    let count = Literal::usize_unsuffixed(catalogue.endpoints.len());
    quote! {
        /// Each endpoint's record, in [`Endpoint::ALL`] order; its own
        /// entries are `ENTRIES[entries]`.
        static ENDPOINTS: [EndpointRecord; #count] = [#(#records),*];
    }
}

/// `ENDPOINT_KEYS`: phf's perfect hash of every endpoint's lower-cased
/// name, slug and identifier, which `FromStr` reads.
pub(super) fn keys(catalogue: &Catalogue) -> TokenStream {
    let keys = records::keys(catalogue);
    let key = Literal::u64_unsuffixed(keys.key);
    let pilots = keys.pilots.iter().map(|&p| Literal::u8_unsuffixed(p));
    let remap = keys.remap.iter().map(|&r| Literal::u32_unsuffixed(r));
    let entries = keys.entries.iter().map(|(k, i)| {
        let (k, ident) = (lit(k), format_ident!("{}", catalogue.endpoints[*i].ident));
        quote!((#k, Endpoint::#ident))
    });
    quote! {
        /// Every endpoint's lower-cased name, slug and identifier, in a
        /// perfect hash map made by phf (PtrHash): `key` seeds its hash, and
        /// `pilots` and `remap` place each key in `entries`.
        #[allow(deprecated)]
        static ENDPOINT_KEYS: __private::phf::Map<&str, Endpoint> = __private::phf::Map {
            key: #key,
            pilots: &[#(#pilots),*],
            remap: &[#(#remap),*],
            entries: &[#(#entries),*],
        };
    }
}
