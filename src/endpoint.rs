//! [`ParseEndpointError`]; each catalogue's `Endpoint` enum is generated,
//! its behaviour is [`CatalogueEndpoint`](crate::engine::CatalogueEndpoint)'s.

use core::fmt;

/// The error from parsing an endpoint: no endpoint has that name, slug or
/// identifier (compared ignoring ASCII case). Its message says so and lists
/// nothing, whatever the catalogue's size.
///
/// ```
/// use error_catalogue::Endpoint;
///
/// let err = "create-tracker".parse::<Endpoint>().unwrap_err();
/// assert_eq!(err.to_string(), "no endpoint has that name, slug or identifier");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ParseEndpointError;

impl fmt::Display for ParseEndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no endpoint has that name, slug or identifier")
    }
}

impl std::error::Error for ParseEndpointError {}
