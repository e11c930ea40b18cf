//! Ably's error codes (ably/ably-common's registry, Apache-2.0) as checked,
//! compiled data: the example of a catalogue keyed by integer application
//! codes, built only through error-catalogue's public path
//! (`error-catalogue-build` in `build.rs`, `include_catalogue!` here).
//!
//! ```
//! use ably_errors::ably::{self, Code, Endpoint};
//! use http::StatusCode;
//!
//! // 40142 is "Token expired", sent with 401.
//! let e = ably::lookup_code("40142").unwrap();
//! assert_eq!((e.meaning(), e.status()), ("Token expired", StatusCode::UNAUTHORIZED));
//! assert_eq!("40142".parse::<Code>(), Ok(Code::Code40142));
//!
//! // Publish documents it under 401.
//! assert!(Endpoint::Publish.codes(StatusCode::UNAUTHORIZED).contains(&"40142"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// Ably's catalogue: its `Code` and `Endpoint` enums, `Entry`,
/// `lookup_code`, `lookup_response` and the rest of a catalogue module.
pub mod ably {
    error_catalogue::include_catalogue!();
}
