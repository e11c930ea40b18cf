//! The build-time half of [error-catalogue]: reads an error catalogue
//! (`errors.toml`), validates it with located, rustc-style diagnostics, and
//! generates the Rust tables the runtime crate includes.
//!
//! From a `build.rs`:
//!
//! ```no_run
//! error_catalogue_build::Builder::new()
//!     .file("errors.toml")
//!     .run_build_script();
//! ```
//!
//! Or as a library, to check a file or get its model:
//!
//! ```
//! let report = error_catalogue_build::check_str("errors.toml", "[page]\n");
//! assert!(report.catalogue.is_none());
//! assert!(report.diagnostics.iter().any(|d| d.is_error()));
//! ```
//!
//! [error-catalogue]: https://docs.rs/error-catalogue
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// docs.rs (`--cfg docsrs`, see Cargo.toml): a badge on each item naming the
// features it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod catalogue;
pub mod diagnostic;
pub mod diff;
#[cfg(feature = "import")]
pub mod import;

// The stages behind `Builder` and `check_*`, in the order data flows:
// text → model (`read`, `schema`) → checked catalogue (`validate`, with
// `names` and `routes`; `check` runs them) → records → tokens (`codegen`).
mod builder;
mod check;
mod markup;
mod model;
mod names;
mod read;
mod schema;
mod validate;

// Not API: error-catalogue's `load` feature serves `records` and `routes`'
// tries, its matcher is tested against `routes`, and errcat's hints use
// `suggest`. They change with the contract, without a major version.
#[doc(hidden)]
pub mod codegen;
#[doc(hidden)]
pub mod records;
#[doc(hidden)]
pub mod routes;
#[doc(hidden)]
pub mod suggest;

pub use builder::{Builder, Error};
pub use catalogue::Catalogue;
pub use check::{Report, check_file, check_file_with_limit, check_str};
pub use diagnostic::{Code, Diagnostic, Severity, Source};
pub use read::MAX_FILE_BYTES;

/// README.md's Rust examples, compiled as doc tests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
