//! The typed errors: one `#[non_exhaustive]` enum per endpoint and the
//! catalogue-wide `Error` over them.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use crate::catalogue::{Catalogue, Entry};
use crate::names;

use super::docs::{deprecated_attr, docs, entry_docs};
use super::lit;

/// One `#[non_exhaustive]` error enum per endpoint, a variant per 4xx/5xx
/// status `lookup` answers for it (its own rows and the general table's),
/// named from the status's canonical reason phrase, plus `Undocumented`;
/// and the catalogue-wide `Error` over them. In a catalogue with
/// application codes, each enum also has `Code(Code)` (any code of the
/// catalogue, so that a client matches one code of one endpoint in one
/// pattern) and a `from_response(status, code)`; a catalogue without codes
/// gets neither. The enums and their status ↔ variant matches are here;
/// their behaviour is the runtime's `EndpointError`, implemented by
/// `endpoint_error!`.
pub(super) fn errors(catalogue: &Catalogue) -> TokenStream {
    let has_codes = !catalogue.codes.is_empty();
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
        let with_codes = has_codes.then(code_parts);
        let code_variant = with_codes.as_ref().map(|c| &c.variant);
        let code_arm = with_codes.as_ref().map(|c| &c.variant_arm);
        let code_fns = with_codes.as_ref().map(|c| &c.fns);
        let macro_codes = has_codes.then(|| quote!(, codes));
        enums.push(quote! {
            #enum_docs
            #[derive(Clone, Copy)]
            #[non_exhaustive]
            pub enum #ty {
                #(#variant_docs #names,)*
                /// A 4xx or 5xx status the catalogue does not document for this endpoint.
                Undocumented(::error_catalogue::StatusCode),
                #code_variant
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
                        #code_arm
                    }
                }

                #code_fns
            }

            ::error_catalogue::__private::endpoint_error!(#ty, Endpoint::#variant #macro_codes);

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
        // A registry of codes alone has no endpoint: `status` goes unread.
        quote!({
            let _ = status;
            match endpoint {}
        })
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
    let wide_code_fns = has_codes.then(|| wide_code_fns(&variants, &types));
    let macro_codes = has_codes.then(|| quote!(codes));
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

            #wide_code_fns
        }

        ::error_catalogue::__private::catalogue_error!(#macro_codes);
    }
}

/// What an endpoint's error enum has in a catalogue with codes.
struct CodeParts {
    variant: TokenStream,
    variant_arm: TokenStream,
    fns: TokenStream,
}

fn code_parts() -> CodeParts {
    CodeParts {
        variant: quote! {
            /// An application code the catalogue documents, whether or not
            /// this endpoint lists it; its status is the code's.
            Code(Code),
        },
        // The code's documented status; 500 for one sent with any status.
        variant_arm: quote!(Self::Code(code) => (code.entry().code(), ::core::option::Option::None),),
        fns: quote! {
            /// The error a response of `status` carrying the application
            /// `code` (as sent; read from a body with `Catalogue.read_code`)
            /// is: `Code` when the catalogue documents the code (whatever
            /// the status), else what [`Self::from_status`] answers.
            #[inline]
            pub fn from_response(
                status: ::error_catalogue::StatusCode,
                code: ::core::option::Option<&str>,
            ) -> Option<Self> {
                match code.and_then(|c| c.parse::<Code>().ok()) {
                    ::core::option::Option::Some(code) => Some(Self::Code(code)),
                    ::core::option::Option::None => Self::from_status(status),
                }
            }

            /// The application code, for the `Code` variant.
            #[inline]
            pub fn app_code(self) -> ::core::option::Option<Code> {
                self.__code()
            }

            #[doc(hidden)]
            #[inline]
            pub fn __code(self) -> ::core::option::Option<Code> {
                match self {
                    Self::Code(code) => ::core::option::Option::Some(code),
                    _ => ::core::option::Option::None,
                }
            }
        },
    }
}

/// The catalogue-wide `Error`'s `from_response` and `__code`, in a catalogue
/// with codes.
fn wide_code_fns(variants: &[&proc_macro2::Ident], types: &[&proc_macro2::Ident]) -> TokenStream {
    let (response_body, code_body) = if variants.is_empty() {
        // A registry of codes alone has no endpoint.
        (
            quote!({
                let _ = (status, code);
                match endpoint {}
            }),
            quote!(match self {}),
        )
    } else {
        (
            quote! {
                match endpoint {
                    #(Endpoint::#variants => #types::from_response(status, code).map(Error::#variants),)*
                }
            },
            quote!(match self { #(Error::#variants(e) => e.__code(),)* }),
        )
    };
    quote! {
        /// The error a response of `status` carrying the application `code`
        /// from `endpoint` is: its `Code` variant when the catalogue
        /// documents the code, else what [`Error::from_status`] answers.
        #[inline]
        pub fn from_response(
            endpoint: Endpoint,
            status: ::error_catalogue::StatusCode,
            code: ::core::option::Option<&str>,
        ) -> Option<Self> {
            #response_body
        }

        /// The application code, for an endpoint error's `Code` variant.
        #[inline]
        pub fn app_code(self) -> ::core::option::Option<Code> {
            self.__code()
        }

        #[doc(hidden)]
        #[inline]
        pub fn __code(self) -> ::core::option::Option<Code> {
            #code_body
        }
    }
}
