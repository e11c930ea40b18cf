//! Code generation: a checked [`Catalogue`] into a Rust module, made of
//! quote's tokens and formatted with prettyplease. One file per generated
//! part, as prost-build's generator has:
//!
//! - `endpoints`: the `Endpoint` enum, its records and its name table;
//! - `codes`: the `Code` enum, the application codes' records, their index
//!   and constants;
//! - `entries`: the entries' records, the (endpoint, status) index and
//!   the `codes` constants;
//! - `routes`: the route tries;
//! - `typed`: the typed errors;
//! - `docs`: doc comments made from data.
//!
//! The module is data, written as the records of `error_catalogue_records`
//! (struct literals that read like the data file), gathered in one
//! `TABLES` static; `catalogue_api!()` writes the module's API as calls into
//! the runtime. It names only `::error_catalogue::__private`.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use error_catalogue_records::CONTRACT_VERSION;

use crate::catalogue::{Catalogue, CodeValue};
use crate::records::{CodeTexts, Derived};

mod codes;
mod docs;
mod endpoints;
mod entries;
mod routes;
mod typed;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// One `pub const` per entry in `codes` (`codes::CREATE_TRACKERS_409`).
    pub entry_consts: bool,
    /// One error enum per endpoint (`CreateTrackersError`) and the
    /// catalogue-wide `Error`: `Some(yes)` as said; `None` (the default)
    /// for catalogues of at most [`FULL_DOCS_MAX_ENTRIES`] entries, where
    /// they cost little, and not beyond (BENCHMARKS.md has the figures).
    pub typed_errors: Option<bool>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            entry_consts: true,
            typed_errors: None,
        }
    }
}

impl Options {
    /// Options with `entry_consts` as given, typed errors by size.
    pub fn new(entry_consts: bool) -> Self {
        Options {
            entry_consts,
            typed_errors: None,
        }
    }

    /// These options with typed errors on or off, whatever the size.
    pub fn with_typed_errors(mut self, yes: bool) -> Self {
        self.typed_errors = Some(yes);
        self
    }
}

/// Up to this many entries, each entry's texts are written in the docs of
/// its `Endpoint` variant and `codes` constant, and typed errors are made
/// by default; beyond, the docs name each entry's status and meaning only,
/// so a large catalogue's texts are not written three times. Likewise up to
/// this many application codes, each code's texts are written in the docs of
/// its `Code` variant and constant; beyond, its code, status and meaning.
pub const FULL_DOCS_MAX_ENTRIES: usize = 2_000;

/// The generated module as tokens.
pub fn tokens(catalogue: &Catalogue, options: Options) -> TokenStream {
    let entry_count = catalogue.entries().count();
    let full_docs = entry_count <= FULL_DOCS_MAX_ENTRIES;
    // Codes are counted apart: a long registry shortens its own docs, not
    // the tables' or their typed errors.
    let code_docs = catalogue.codes.len() <= FULL_DOCS_MAX_ENTRIES;
    let texts = CodeTexts::new(catalogue);
    let derived = Derived::new(catalogue, &texts);
    let guard = format_ident!("CONTRACT_V{}", CONTRACT_VERSION);
    let endpoint_enum = endpoints::endpoint_enum(catalogue, full_docs);
    let endpoint_records = endpoints::records(catalogue);
    let keys = endpoints::keys(catalogue);
    let code_enum = codes::code_enum(catalogue, &texts, code_docs);
    let code_records = codes::records(catalogue, &texts, &derived);
    let code_keys = codes::keys(catalogue, &texts);
    let code_pointers = catalogue.code_pointers.iter().map(|p| lit(p));
    let integer_codes = catalogue
        .codes
        .iter()
        .any(|c| matches!(c.code, CodeValue::Integer(_)));
    let entries = entries::records(catalogue, &derived);
    let lookup = entries::lookup(catalogue);
    let routes = routes::tries(catalogue);
    let page = page(catalogue);
    let general_len = Literal::usize_unsuffixed(catalogue.general.entries.len());
    let base_paths = catalogue.base_paths.iter().map(|b| lit(b));
    let codes = if options.entry_consts {
        entries::consts(
            catalogue,
            full_docs,
            codes::consts(catalogue, &texts, code_docs),
        )
    } else {
        TokenStream::new()
    };
    let typed = if options.typed_errors.unwrap_or(full_docs) {
        typed::errors(catalogue)
    } else {
        TokenStream::new()
    };
    quote! {
        #[allow(unused_imports)]
        use ::error_catalogue::__private::{
            self, EndpointRecord, EntryRecord, Example, Literal, Method, MethodRoutes, Node,
            Page, Plain, Route, Support,
        };

        /// Fails to compile, naming both versions, when the runtime reads
        /// another version of the generated tables than this code was made for.
        const _: () = __private::#guard;

        #endpoint_enum
        #code_enum

        ::error_catalogue::__private::catalogue_api!();

        #endpoint_records
        #entries
        #lookup
        #keys
        #routes
        #code_records
        #code_keys

        /// Every table of the catalogue, which the runtime's API reads.
        static TABLES: __private::Tables<Endpoint> = __private::Tables {
            page: #page,
            base_paths: &[#(#base_paths),*],
            endpoints: &ENDPOINTS,
            entries: &ENTRIES,
            general_len: #general_len,
            lookup: __private::Lookup::new(&STATUSES, &LOOKUP),
            keys: &ENDPOINT_KEYS,
            routes: &ROUTES,
            codes: &CODES,
            code_pointers: &[#(#code_pointers),*],
            integer_codes: #integer_codes,
            lookup_code,
        };

        #codes
        #typed
    }
}

/// The generated module as formatted Rust source, with a header naming
/// `data_file` as its source and where its API is documented.
pub fn source(catalogue: &Catalogue, options: Options, data_file: &str) -> String {
    let header = format!(
        "// @generated by error-catalogue-build {} from `{}`. Do not edit:\n\
         // change the data file and build again (the build script regenerates this file).\n\
         //\n\
         // `catalogue_api!()` below writes the module's API over these tables (`lookup`,\n\
         // `route`, `Entry`, ...): see https://docs.rs/error-catalogue/latest/error_catalogue/macro.include_catalogue.html\n\n",
        env!("CARGO_PKG_VERSION"),
        data_file.replace(['\n', '\r'], " "),
    );
    let tokens = tokens(catalogue, options);
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => format!("{header}{}", prettyplease::unparse(&file)),
        // Unreachable for tokens built above; keep the unformatted code rather than panic.
        Err(_) => format!("{header}{tokens}\n"),
    }
}

/// The page's record.
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
            quote!(Some(Support { notice: #notice, email: #email }))
        }
        None => quote!(None),
    };
    let (general_title, general_slug) =
        (lit(&catalogue.general.title), lit(&catalogue.general.slug));
    quote! {
        Page {
            id: #id,
            title: #title,
            sidebar_label: #sidebar_label,
            slug: #slug,
            docs_base_url: #base,
            imports: &[#(#imports),*],
            intro: &[#(#intro),*],
            support: #support,
            general_title: #general_title,
            general_slug: #general_slug,
        }
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
