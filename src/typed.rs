//! Typed errors: the behaviour of the error enums generated per endpoint
//! (`CreateTrackersError`) and per catalogue (`Error`), written once here
//! over [`EndpointError`]; the generated code holds only the enums and their
//! status ↔ variant matches.

use core::fmt;

use http::StatusCode;

use crate::engine::{CatalogueEndpoint, Entry};

/// An error of one endpoint of a catalogue, as generated for each endpoint
/// (`CreateTrackersError`) and for a whole catalogue (`Error`): what generic
/// code (a retry loop, a logging layer, a middleware) knows of any of them.
///
/// ```
/// use error_catalogue::{CreateTrackersError, EndpointError, StatusCode};
///
/// /// Whether a client should try again, for any endpoint's error.
/// fn should_retry(e: &impl EndpointError) -> bool {
///     e.is_retryable()
/// }
///
/// let e = CreateTrackersError::from_status(StatusCode::CONFLICT).unwrap();
/// assert_eq!(e, CreateTrackersError::Conflict);
/// assert!(!should_retry(&e));
/// assert!(should_retry(&CreateTrackersError::TooManyRequests));
/// ```
pub trait EndpointError:
    Copy + Eq + core::hash::Hash + fmt::Debug + fmt::Display + std::error::Error + Send + Sync + 'static
{
    /// The catalogue's endpoint enum.
    type Endpoint: CatalogueEndpoint;

    /// The endpoint it is an error of.
    fn endpoint(&self) -> Self::Endpoint;

    /// The HTTP status as a number (an application code's documented
    /// status; 500 for one documented with any status).
    fn code(&self) -> u16;

    /// The entry of the application code the error is (a generated enum's
    /// `Code` variant, in a catalogue with codes); `None` for a status's.
    #[inline]
    fn code_entry(&self) -> Option<&'static Entry<Self::Endpoint>> {
        None
    }

    /// The HTTP status.
    #[inline]
    fn status(&self) -> StatusCode {
        // Generated enums hold 400..=599 only.
        StatusCode::from_u16(self.code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The catalogue's entry for it: an application code's own; for a
    /// status, the endpoint's, else the general table's; `None` for a
    /// status the catalogue does not document.
    #[inline]
    fn entry(&self) -> Option<&'static Entry<Self::Endpoint>> {
        self.code_entry()
            .or_else(|| self.endpoint().lookup(self.status()))
    }

    /// Whether the catalogue documents it.
    #[inline]
    fn is_documented(&self) -> bool {
        self.entry().is_some()
    }

    /// Whether a later retry may succeed: the entry's `retryable`, else
    /// (undocumented) whether the status is 429, 500, 502, 503 or 504.
    #[inline]
    fn is_retryable(&self) -> bool {
        match self.entry() {
            Some(e) => e.retryable(),
            None => matches!(self.code(), 429 | 500 | 502 | 503 | 504),
        }
    }

    /// The error as an RFC 9457 problem (feature `serde`): the entry's;
    /// `None` when the catalogue does not document it.
    #[cfg(feature = "serde")]
    #[inline]
    fn problem(&self) -> Option<crate::engine::Problem<Self::Endpoint>> {
        self.entry().map(Entry::problem)
    }

    /// The error as a problem+json response (feature `serde`): the entry's
    /// problem, or for an undocumented status a problem of type
    /// `about:blank` titled with the status's reason phrase (RFC 9457 §4.2.1).
    #[cfg(feature = "serde")]
    fn to_response(&self) -> http::Response<Vec<u8>> {
        match self.problem() {
            Some(p) => p.into_response(),
            None => crate::problem::blank_response(self.status()),
        }
    }
}

/// A typed error's variant as a derive's `Debug` writes it: a documented
/// variant's name, or `Undocumented` (`name` `None`) with its status
/// (`Undocumented(418)`).
#[doc(hidden)]
pub fn fmt_variant((code, name): (u16, Option<&str>), f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match name {
        Some(name) => f.write_str(name),
        None => write!(f, "Undocumented({code})"),
    }
}

/// A typed error's `Code` variant as a derive's `Debug` writes it:
/// `Code(CardDeclined)`.
#[doc(hidden)]
pub fn fmt_code_variant(code: &dyn fmt::Debug, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.debug_tuple("Code").field(code).finish()
}

/// `Create Trackers → 409 Conflict: <description>`, for an application code
/// `Create Charge → 402 card_declined Card declined: <description>` (no
/// status for one documented with any), or for an undocumented status
/// `Create Trackers → 418 I'm a teapot (not documented for this endpoint)`.
#[doc(hidden)]
pub fn fmt_error<T: EndpointError>(e: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let endpoint = e.endpoint().name();
    match e.entry() {
        Some(entry) => {
            match (entry.app_code(), entry.documented_status()) {
                (Some(code), Some(status)) => write!(
                    f,
                    "{endpoint} → {} {code} {}",
                    status.as_u16(),
                    entry.plain_meaning()
                )?,
                (Some(code), None) => write!(f, "{endpoint} → {code} {}", entry.plain_meaning())?,
                (None, _) => write!(f, "{endpoint} → {} {}", entry.code(), entry.plain_meaning())?,
            }
            match entry.plain_description() {
                Some(d) => write!(f, ": {d}"),
                None => Ok(()),
            }
        }
        None => write!(
            f,
            "{endpoint} → {} {} (not documented for this endpoint)",
            e.code(),
            e.status().canonical_reason().unwrap_or("Unknown Status")
        ),
    }
}

/// A catalogue's endpoints, when it was generated with typed errors: the
/// catalogue-wide `Error` of a status from an endpoint.
pub trait TypedErrors: CatalogueEndpoint {
    /// The catalogue's `Error`.
    type Error: EndpointError<Endpoint = Self>;

    /// The error a response of `status` from this endpoint is (`None`
    /// below 400 or above 599).
    fn error(self, status: StatusCode) -> Option<Self::Error>;

    /// The error a response of `status` carrying the application `code`
    /// (as sent) is: the code's when the catalogue documents it (its `Code`
    /// variant, whatever the status), else [`TypedErrors::error`]'s. In a
    /// catalogue without codes, always the status's.
    #[inline]
    fn response_error(self, status: StatusCode, code: Option<&str>) -> Option<Self::Error> {
        let _ = code;
        self.error(status)
    }
}

/// The trait impls and inherent shims of one generated endpoint error enum:
/// `endpoint_error!(CreateTrackersError, Endpoint::CreateTrackers)`.
/// Expanded in the catalogue's crate, with the integrations this crate's
/// features turn on (which is how they reach enums of other crates).
#[doc(hidden)]
#[macro_export]
macro_rules! __endpoint_error {
    // `EndpointError` for the enum, with `$extra` items (the codes arm's
    // `code_entry`): the part both arms below share.
    (@impl $ty:ident, $endpoint:path, { $($extra:tt)* }) => {
        #[allow(deprecated)]
        impl $crate::EndpointError for $ty {
            type Endpoint = Endpoint;

            #[inline]
            fn endpoint(&self) -> Endpoint {
                $endpoint
            }

            #[inline]
            fn code(&self) -> u16 {
                $ty::code(*self)
            }

            $($extra)*
        }
    };
    // In a catalogue with application codes: the enum has a `Code(Code)`
    // variant, and `__code()` says which code it holds.
    ($ty:ident, $endpoint:path, codes) => {
        $crate::__endpoint_error!(@impl $ty, $endpoint, {
            #[inline]
            fn code_entry(&self) -> ::core::option::Option<&'static Entry> {
                self.__code().map(Code::entry)
            }
        });

        /// Two errors are equal when they are the same application code,
        /// or both no code and the same status (an `Undocumented` of a
        /// documented status equals that status's variant).
        impl ::core::cmp::PartialEq for $ty {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                (self.__code(), self.code()) == (other.__code(), other.code())
            }
        }

        impl ::core::cmp::Eq for $ty {}

        impl ::core::hash::Hash for $ty {
            #[inline]
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                (self.__code(), self.code()).hash(state)
            }
        }

        impl ::core::fmt::Debug for $ty {
            /// The variant, as a derive would write it: `Conflict`,
            /// `Undocumented(418)`, `Code(CardDeclined)`.
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.__code() {
                    ::core::option::Option::Some(c) => $crate::__private::fmt_code_variant(&c, f),
                    ::core::option::Option::None => {
                        $crate::__private::fmt_variant(self.__variant(), f)
                    }
                }
            }
        }

        $crate::__error_common!($ty);
    };
    ($ty:ident, $endpoint:path) => {
        $crate::__endpoint_error!(@impl $ty, $endpoint, {});

        /// Two errors are equal when their statuses are: each variant is
        /// one status (an `Undocumented` of a documented status equals
        /// that status's variant).
        impl ::core::cmp::PartialEq for $ty {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.code() == other.code()
            }
        }

        impl ::core::cmp::Eq for $ty {}

        impl ::core::hash::Hash for $ty {
            #[inline]
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                self.code().hash(state)
            }
        }

        impl ::core::fmt::Debug for $ty {
            /// The variant, as a derive would write it: `Conflict`,
            /// `Undocumented(418)`. Inline, as a derive's: compiled where used.
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::__private::fmt_variant(self.__variant(), f)
            }
        }

        $crate::__error_common!($ty);
    };
}

/// The catalogue-wide `Error`'s trait impls, and `TypedErrors` for `Endpoint`.
#[doc(hidden)]
#[macro_export]
macro_rules! __catalogue_error {
    // In a catalogue with application codes: `Error::from_response` and
    // `Error::__code()` are generated too.
    (codes) => {
        #[allow(deprecated)]
        impl $crate::EndpointError for Error {
            type Endpoint = Endpoint;

            #[inline]
            fn endpoint(&self) -> Endpoint {
                Error::endpoint(self)
            }

            #[inline]
            fn code(&self) -> u16 {
                Error::code(*self)
            }

            #[inline]
            fn code_entry(&self) -> ::core::option::Option<&'static Entry> {
                self.__code().map(Code::entry)
            }
        }

        impl $crate::TypedErrors for Endpoint {
            type Error = Error;

            #[inline]
            fn error(self, status: $crate::StatusCode) -> ::core::option::Option<Error> {
                Error::from_status(self, status)
            }

            #[inline]
            fn response_error(
                self,
                status: $crate::StatusCode,
                code: ::core::option::Option<&str>,
            ) -> ::core::option::Option<Error> {
                Error::from_response(self, status, code)
            }
        }

        $crate::__error_common!(Error);
    };
    () => {
        #[allow(deprecated)]
        impl $crate::EndpointError for Error {
            type Endpoint = Endpoint;

            #[inline]
            fn endpoint(&self) -> Endpoint {
                Error::endpoint(self)
            }

            #[inline]
            fn code(&self) -> u16 {
                Error::code(*self)
            }
        }

        impl $crate::TypedErrors for Endpoint {
            type Error = Error;

            #[inline]
            fn error(self, status: $crate::StatusCode) -> ::core::option::Option<Error> {
                Error::from_status(self, status)
            }
        }

        $crate::__error_common!(Error);
    };
}

/// What every generated error type has: inherent shims, `Display`, `Error`,
/// and the integrations of this crate's features.
#[doc(hidden)]
#[macro_export]
macro_rules! __error_common {
    ($ty:ident) => {
        impl $ty {
            /// The HTTP status.
            #[inline]
            pub fn status(self) -> $crate::StatusCode {
                $crate::EndpointError::status(&self)
            }

            /// The catalogue's entry for it (the endpoint's own, else the
            /// general table's); `None` when undocumented.
            #[inline]
            pub fn entry(self) -> ::core::option::Option<&'static Entry> {
                $crate::EndpointError::entry(&self)
            }

            /// Whether a later retry may succeed.
            #[inline]
            pub fn is_retryable(self) -> bool {
                $crate::EndpointError::is_retryable(&self)
            }
        }

        impl ::core::fmt::Display for $ty {
            /// The endpoint, status and meaning, then the description.
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::__private::fmt_error(self, f)
            }
        }

        impl ::std::error::Error for $ty {}

        $crate::__private::error_serde!($ty);
        $crate::__private::error_miette!($ty);
        $crate::__private::error_axum!($ty);
    };
}

/// With `serde`: the error as a problem+json response.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_serde {
    ($ty:ident) => {
        impl ::core::convert::From<$ty> for $crate::__private::http::Response<::std::vec::Vec<u8>> {
            #[inline]
            fn from(e: $ty) -> Self {
                $crate::EndpointError::to_response(&e)
            }
        }
    };
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_serde {
    ($ty:ident) => {};
}

/// With `miette`: a `Diagnostic` whose code is the entry's anchor, help its
/// resolution and url its place on the docs page.
#[cfg(feature = "miette")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_miette {
    ($ty:ident) => {
        impl $crate::__private::miette::Diagnostic for $ty {
            #[inline]
            fn code<'a>(
                &'a self,
            ) -> ::core::option::Option<::std::boxed::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::miette_code(self)
            }

            #[inline]
            fn help<'a>(
                &'a self,
            ) -> ::core::option::Option<::std::boxed::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::miette_help(self)
            }

            #[inline]
            fn url<'a>(
                &'a self,
            ) -> ::core::option::Option<::std::boxed::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::miette_url(self)
            }
        }
    };
}

#[cfg(not(feature = "miette"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_miette {
    ($ty:ident) => {};
}

/// With `axum`: `IntoResponse`, so a handler returns `Result<_, ThisError>`
/// and uses `?`; the body is problem+json.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_axum {
    ($ty:ident) => {
        impl $crate::__private::axum_core::response::IntoResponse for $ty {
            #[inline]
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::axum_response($crate::EndpointError::to_response(&self))
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __error_axum {
    ($ty:ident) => {};
}

/// `Diagnostic::code`: the entry's anchor, its stable id on the docs page.
#[cfg(feature = "miette")]
#[doc(hidden)]
pub fn miette_code<T: EndpointError>(e: &T) -> Option<Box<dyn fmt::Display + '_>> {
    e.entry()
        .map(|entry| Box::new(entry.anchor()) as Box<dyn fmt::Display>)
}

/// `Diagnostic::help`: the entry's resolution, plain text.
#[cfg(feature = "miette")]
#[doc(hidden)]
pub fn miette_help<T: EndpointError>(e: &T) -> Option<Box<dyn fmt::Display + '_>> {
    e.entry()
        .and_then(Entry::plain_resolution)
        .map(|r| Box::new(r) as Box<dyn fmt::Display>)
}

/// `Diagnostic::url`: the entry's place on the docs page.
#[cfg(feature = "miette")]
#[doc(hidden)]
pub fn miette_url<T: EndpointError>(e: &T) -> Option<Box<dyn fmt::Display + '_>> {
    e.entry()
        .map(|entry| Box::new(entry.url()) as Box<dyn fmt::Display>)
}

/// An `http` response as axum's.
#[cfg(feature = "axum")]
#[doc(hidden)]
pub fn axum_response(response: http::Response<Vec<u8>>) -> axum_core::response::Response {
    response.map(axum_core::body::Body::from)
}

#[cfg(feature = "axum")]
impl<E: CatalogueEndpoint> axum_core::response::IntoResponse for crate::engine::Problem<E> {
    /// The problem+json response ([`Problem::into_response`](crate::engine::Problem::into_response)).
    fn into_response(self) -> axum_core::response::Response {
        axum_response(crate::engine::Problem::into_response(self))
    }
}
