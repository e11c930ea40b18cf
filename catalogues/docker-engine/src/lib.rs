//! The Docker Engine API's documented error responses (moby/moby
//! `api/swagger.yaml`, Apache-2.0) as checked, compiled data: the example
//! of a third-party catalogue built only through error-catalogue's public
//! path (`error-catalogue-build` in `build.rs`, `include_catalogue!` here).
//!
//! ```
//! use docker_engine_errors::docker::{self, Endpoint};
//! use http::{Method, StatusCode};
//!
//! let e = docker::lookup(Endpoint::ContainerInspect, StatusCode::NOT_FOUND).unwrap();
//! assert_eq!(e.description(), Some("no such container"));
//! assert_eq!(e.endpoint(), Some(Endpoint::ContainerInspect));
//!
//! let m = docker::route(&Method::GET, "/containers/4fa6e0f0c678/json").unwrap();
//! assert_eq!((m.endpoint(), m.param("id")), (Endpoint::ContainerInspect, Some("4fa6e0f0c678")));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// The Docker Engine API's catalogue: its `Endpoint` enum, `Entry`,
/// `lookup`, `route`, `codes` and the rest of a catalogue module.
pub mod docker {
    error_catalogue::include_catalogue!();
}

/// Symbl.ai's catalogue, generated into this crate under the name `symbl`:
/// one crate may hold several catalogues.
pub mod symbl {
    error_catalogue::include_catalogue!("symbl");
}
