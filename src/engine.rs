//! The engine every catalogue runs on: the types a catalogue module's API
//! is made of, generic over its `Endpoint` enum.
//!
//! Each catalogue module (the shipped one at the crate root, or one made
//! with [`include_catalogue!`](crate::include_catalogue)) names these types
//! for its own `Endpoint`: `Entry` is `engine::Entry<Endpoint>`, and so on.
//! Code that handles any catalogue is generic over [`CatalogueEndpoint`]:
//!
//! ```
//! use error_catalogue::engine::{CatalogueEndpoint, Entry};
//!
//! /// A log line for any catalogue's entry.
//! fn log_line<E: CatalogueEndpoint>(e: &Entry<E>) -> String {
//!     let from = e.endpoint().map_or("any endpoint", E::name);
//!     format!("{from}: {} ({})", e, e.anchor())
//! }
//!
//! let e = error_catalogue::codes::CREATE_TRACKERS_409;
//! assert_eq!(log_line(e), "Create Trackers: 409 Conflict (create-trackers-409)");
//! ```

use core::fmt;
use core::hash::Hash;
use core::marker::PhantomData;
use core::str::FromStr;
use std::borrow::Cow;

use error_catalogue_records::{EndpointRecord, MAX_PARAMS, template};
use http::{Method, StatusCode};
use percent_encoding::percent_decode;

pub use crate::entry::Entry;
#[cfg(feature = "serde")]
pub use crate::explain::Explanation;
#[cfg(feature = "serde")]
pub use crate::problem::Problem;

use crate::__private::Tables;
use crate::{Page, ParseEndpointError};

/// A catalogue's `Endpoint` enum: implemented by the generated code of each
/// catalogue, it ties the enum to that catalogue's tables, and gives generic
/// code the whole endpoint API.
///
/// # Three string forms
///
/// An endpoint has three names, and each formatting trait writes one:
///
/// | form | example | written by |
/// |---|---|---|
/// | identifier ([`ident`](CatalogueEndpoint::ident)) | `CreateTrackers` | `Debug`, as a derive would |
/// | name ([`name`](CatalogueEndpoint::name)) | `Create Trackers` | `Display` (padding and alignment honoured) |
/// | slug ([`slug`](CatalogueEndpoint::slug)), the table's anchor | `create-trackers` | `Serialize` (feature `serde`) |
///
/// [`FromStr`] (and [`parse`](CatalogueEndpoint::parse)) reads any of the
/// three, ignoring ASCII case.
///
/// ```
/// use error_catalogue::Endpoint;
///
/// let e = Endpoint::CreateTrackers;
/// assert_eq!(format!("{e:?}"), "CreateTrackers");
/// assert_eq!(e.to_string(), "Create Trackers");
/// assert_eq!(serde_json::to_string(&e).unwrap(), r#""create-trackers""#);
/// for s in ["CreateTrackers", "Create Trackers", "create-trackers", "CREATE-TRACKERS"] {
///     assert_eq!(s.parse::<Endpoint>(), Ok(e));
/// }
/// ```
pub trait CatalogueEndpoint:
    Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + FromStr + Send + Sync + 'static
{
    /// Every endpoint, in page order (a generated `Endpoint`'s `ALL`).
    fn all() -> &'static [Self];

    /// The endpoint's position in [`CatalogueEndpoint::all`].
    fn index(self) -> usize;

    /// The catalogue's tables.
    #[doc(hidden)]
    fn tables() -> &'static Tables<Self>;

    /// Entry of `code` in row `row` of the lookup index (0: the general
    /// table, `i + 1`: endpoint `i`).
    #[doc(hidden)]
    #[inline]
    fn lookup_row(row: usize, code: u16) -> Option<&'static Entry<Self>> {
        Self::tables().lookup.get(row, code)
    }

    /// The endpoint's record.
    #[doc(hidden)]
    #[inline]
    fn record(self) -> &'static EndpointRecord<'static> {
        const NONE: &EndpointRecord<'static> = &EndpointRecord {
            name: "",
            slug: "",
            ident: "",
            method: error_catalogue_records::Method::Get,
            path: "",
            entries: 0..0,
            deprecated: None,
        };
        // Generated tables hold a record for every variant.
        Self::tables().endpoints.get(self.index()).unwrap_or(NONE)
    }

    /// The name the page heads its table with ("Create Trackers").
    #[inline]
    fn name(self) -> &'static str {
        self.record().name
    }

    /// The kebab-case slug ("create-trackers"), the anchor of its table.
    #[inline]
    fn slug(self) -> &'static str {
        self.record().slug
    }

    /// The Rust identifier of its variant ("CreateTrackers").
    #[inline]
    fn ident(self) -> &'static str {
        self.record().ident
    }

    /// The HTTP method.
    #[inline]
    fn method(self) -> Method {
        crate::route::http_method(self.record().method)
    }

    /// The path template, parameters in braces (`/v1/manage/tracker/{trackerId}`).
    #[inline]
    fn path(self) -> &'static str {
        self.record().path
    }

    /// Why the endpoint is deprecated and what to use instead, when it is.
    #[inline]
    fn deprecated(self) -> Option<&'static str> {
        self.record().deprecated
    }

    /// This endpoint's own entries, in page order (not the general table's).
    #[inline]
    fn entries(self) -> &'static [Entry<Self>] {
        Self::tables()
            .entries
            .get(self.record().entries.clone())
            .unwrap_or(&[])
    }

    /// What `status` means for this endpoint: its own entry, else the
    /// general table's. Never allocates or panics.
    ///
    /// ```
    /// use error_catalogue::{CatalogueEndpoint, Endpoint, StatusCode};
    ///
    /// let own = Endpoint::CreateTrackers.lookup(StatusCode::CONFLICT).unwrap();
    /// assert_eq!(own.anchor(), "create-trackers-409");
    /// let general = Endpoint::CreateTrackers.lookup(StatusCode::UNAUTHORIZED).unwrap();
    /// assert!(general.is_general());
    /// assert!(Endpoint::CreateTrackers.lookup(StatusCode::IM_A_TEAPOT).is_none());
    /// ```
    #[inline]
    fn lookup(self, status: StatusCode) -> Option<&'static Entry<Self>> {
        Self::lookup_row(self.index() + 1, status.as_u16())
    }

    /// What `status` means in the general table.
    ///
    /// ```
    /// use error_catalogue::{CatalogueEndpoint, Endpoint, StatusCode};
    ///
    /// let e = Endpoint::lookup_general(StatusCode::TOO_MANY_REQUESTS).unwrap();
    /// assert!(e.is_general() && e.retryable());
    /// ```
    #[inline]
    fn lookup_general(status: StatusCode) -> Option<&'static Entry<Self>> {
        Self::lookup_row(0, status.as_u16())
    }

    /// The entry of an application code as the API sends it (`card_declined`;
    /// an integer code in decimal, `40140`), compared exactly; `None` for a
    /// code the catalogue lacks. Never allocates or panics.
    ///
    /// ```
    /// use error_catalogue::{CatalogueEndpoint, Endpoint};
    ///
    /// // The shipped catalogue documents no application codes.
    /// assert!(Endpoint::lookup_code("card_declined").is_none());
    /// ```
    ///
    /// A catalogue with codes (here one loaded at run time, feature `load`;
    /// a generated module's `lookup_code` answers the same):
    ///
    /// ```
    /// # #[cfg(feature = "load")] {
    /// use error_catalogue::CatalogueEndpoint;
    /// use error_catalogue::load::{self, Loaded};
    /// use http::StatusCode;
    ///
    /// let file = concat!(env!("CARGO_MANIFEST_DIR"), "/error-catalogue-build/tests/fixtures/codes.toml");
    /// let report = error_catalogue_build::check_file(file);
    /// load::load(report.catalogue.as_ref().unwrap()).unwrap();
    ///
    /// let e = Loaded::lookup_code("card_declined").unwrap();
    /// assert_eq!(e.app_code(), Some("card_declined"));
    /// assert_eq!(e.documented_status(), Some(StatusCode::PAYMENT_REQUIRED));
    /// assert_eq!(e.anchor(), "code-card-declined");
    /// assert!(Loaded::lookup_code("Card_Declined").is_none());
    ///
    /// let charge: Loaded = "create-charge".parse().unwrap();
    /// assert_eq!(charge.codes(StatusCode::PAYMENT_REQUIRED), ["card_declined", "expired_card"]);
    /// assert_eq!(charge.lookup_response(StatusCode::PAYMENT_REQUIRED, Some("card_declined")), Some(e));
    /// # }
    /// ```
    #[inline]
    fn lookup_code(code: &str) -> Option<&'static Entry<Self>> {
        (Self::tables().lookup_code)(code)
    }

    /// What a response from this endpoint means: the entry of its
    /// application `code` when one is given and the catalogue knows it, else
    /// what [`lookup`](CatalogueEndpoint::lookup) answers for `status`.
    /// Never allocates or panics.
    ///
    /// ```
    /// use error_catalogue::{CatalogueEndpoint, Endpoint, StatusCode};
    ///
    /// let e = Endpoint::CreateTrackers;
    /// let by_status = e.lookup(StatusCode::CONFLICT);
    /// assert_eq!(e.lookup_response(StatusCode::CONFLICT, None), by_status);
    /// // A code the catalogue lacks: explained by the status.
    /// assert_eq!(e.lookup_response(StatusCode::CONFLICT, Some("no_such_code")), by_status);
    /// ```
    #[inline]
    fn lookup_response(
        self,
        status: StatusCode,
        code: Option<&str>,
    ) -> Option<&'static Entry<Self>> {
        code.and_then(Self::lookup_code)
            .or_else(|| self.lookup(status))
    }

    /// The application codes documented for `status` on this endpoint, as
    /// sent: those the entry [`lookup`](CatalogueEndpoint::lookup) answers
    /// (its own row, else the general table's) lists; empty when none.
    ///
    /// ```
    /// use error_catalogue::{CatalogueEndpoint, Endpoint, StatusCode};
    ///
    /// assert!(Endpoint::CreateTrackers.codes(StatusCode::CONFLICT).is_empty());
    /// ```
    #[inline]
    fn codes(self, status: StatusCode) -> &'static [&'static str] {
        self.lookup(status).map_or(&[], |e| e.listed_codes())
    }

    /// The endpoint a request routes to (see [`RouteMatch`] for the
    /// parameters too). Never allocates or panics.
    #[inline]
    fn route(method: &Method, path: &str) -> Option<Self> {
        crate::route::find(Self::tables().routes, method, path, &mut []).map(|found| found.endpoint)
    }

    /// Parses a name ("Create Trackers"), slug ("create-trackers") or
    /// identifier ("CreateTrackers"), ignoring ASCII case. Never allocates:
    /// the key hash folds case as it reads the input. The error names no
    /// endpoint, so its size does not grow with the catalogue: a caller that
    /// wants a suggestion compares the input with [`CatalogueEndpoint::all`]'s
    /// names (as `errcat` does).
    fn parse(s: &str) -> Result<Self, ParseEndpointError> {
        let keys = Self::tables().keys;
        let mut buffer = [0u8; KEY_BUFFER];
        let found = match buffer.get_mut(..s.len()) {
            Some(lower) => {
                lower.copy_from_slice(s.as_bytes());
                // Lower-casing ASCII letters keeps UTF-8 valid.
                lower.make_ascii_lowercase();
                core::str::from_utf8(lower).ok().and_then(|k| keys.get(k))
            }
            // Longer than the buffer: compared with each key, folding case.
            None => keys
                .entries()
                .find(|(k, _)| k.eq_ignore_ascii_case(s))
                .map(|(_, e)| e),
        };
        found.copied().ok_or(ParseEndpointError)
    }
}

/// The longest input [`CatalogueEndpoint::parse`] lower-cases on the stack
/// before its hash look-up; a longer one is compared with each key.
const KEY_BUFFER: usize = 128;

/// A whole catalogue as one value: its page, tables and endpoints, the docs
/// renderers (feature `render`) and `Serialize` (feature `serde`). Each
/// catalogue module names `Catalogue<Endpoint>` its `Catalogue`, both the
/// type and its one value.
pub struct Catalogue<E>(PhantomData<fn() -> E>);

impl<E> Catalogue<E> {
    /// The catalogue of `E`.
    pub const fn new() -> Self {
        Catalogue(PhantomData)
    }
}

impl<E> Default for Catalogue<E> {
    fn default() -> Self {
        Catalogue::new()
    }
}

impl<E> Clone for Catalogue<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for Catalogue<E> {}

impl<E> PartialEq for Catalogue<E> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<E> Eq for Catalogue<E> {}

impl<E: CatalogueEndpoint> fmt::Debug for Catalogue<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalogue")
            .field("page", &self.page().title())
            .field("endpoints", &E::all().len())
            .field("entries", &self.entries().len())
            .finish()
    }
}

impl<E: CatalogueEndpoint> Catalogue<E> {
    /// The documentation page's metadata.
    #[inline]
    pub fn page(self) -> &'static Page {
        &E::tables().page
    }

    /// Every entry: the general table's, then each endpoint's, in page order.
    ///
    /// ```
    /// let all = error_catalogue::Catalogue.entries();
    /// assert_eq!(all.len(), 18);
    /// assert!(all[0].is_general() && !all[17].is_general());
    /// ```
    #[inline]
    pub fn entries(self) -> &'static [Entry<E>] {
        E::tables().entries
    }

    /// The general table: what a status means for any endpoint.
    ///
    /// ```
    /// let general = error_catalogue::Catalogue.general();
    /// assert!(general.iter().all(|e| e.endpoint().is_none()));
    /// assert_eq!(general[0].code(), 200);
    /// ```
    #[inline]
    pub fn general(self) -> &'static [Entry<E>] {
        let t = E::tables();
        t.entries.get(..t.general_len).unwrap_or(&[])
    }

    /// Every endpoint, in page order.
    #[inline]
    pub fn endpoints(self) -> &'static [E] {
        E::all()
    }

    /// Every application code's entry (`[[codes]]`), in page order; empty
    /// when the catalogue documents none.
    ///
    /// ```
    /// assert!(error_catalogue::Catalogue.codes().is_empty());
    /// ```
    #[inline]
    pub fn codes(self) -> &'static [Entry<E>] {
        E::tables().codes
    }

    /// Where a response body carries its application code (`[api]
    /// code_pointers`): JSON Pointers, tried in order.
    ///
    /// ```
    /// assert_eq!(
    ///     error_catalogue::Catalogue.code_pointers(),
    ///     ["/error/code", "/error", "/code"],
    /// );
    /// ```
    #[inline]
    pub fn code_pointers(self) -> &'static [&'static str] {
        E::tables().code_pointers
    }

    /// Whether the catalogue's application codes are integers (sent as JSON
    /// numbers, looked up by their decimal text), not strings; `false` when
    /// it has none.
    ///
    /// ```
    /// assert!(!error_catalogue::Catalogue.integer_codes());
    /// ```
    #[inline]
    pub fn integer_codes(self) -> bool {
        E::tables().integer_codes
    }

    /// The base paths a request may carry before the templates (`[api]
    /// base_paths`), as listed; empty when the catalogue declares none.
    ///
    /// ```
    /// assert!(error_catalogue::Catalogue.base_paths().is_empty());
    /// ```
    #[inline]
    pub fn base_paths(self) -> &'static [&'static str] {
        E::tables().base_paths
    }
}

/// A catalogue module's `Endpoint` trait impls and API, written by
/// `catalogue_api!` in terms of [`CatalogueEndpoint`].
#[doc(hidden)]
#[macro_export]
macro_rules! __catalogue_api {
    () => {
        impl $crate::engine::CatalogueEndpoint for Endpoint {
            #[inline]
            fn all() -> &'static [Self] {
                &Endpoint::ALL
            }

            #[inline]
            fn index(self) -> usize {
                Endpoint::index(self)
            }

            #[inline]
            fn tables() -> &'static $crate::__private::Tables<Self> {
                &TABLES
            }
        }

        impl Endpoint {
            /// The name the page heads its table with.
            #[inline]
            pub fn name(self) -> &'static str {
                $crate::engine::CatalogueEndpoint::name(self)
            }

            /// The kebab-case slug, the anchor of its table.
            #[inline]
            pub fn slug(self) -> &'static str {
                $crate::engine::CatalogueEndpoint::slug(self)
            }

            /// The HTTP method.
            #[inline]
            pub fn method(self) -> $crate::__private::http::Method {
                $crate::engine::CatalogueEndpoint::method(self)
            }

            /// The path template, parameters in braces.
            #[inline]
            pub fn path(self) -> &'static str {
                $crate::engine::CatalogueEndpoint::path(self)
            }

            /// Why the endpoint is deprecated and what to use instead, when it is.
            #[inline]
            pub fn deprecated(self) -> ::core::option::Option<&'static str> {
                $crate::engine::CatalogueEndpoint::deprecated(self)
            }

            /// This endpoint's own entries, in page order (not the general table's).
            #[inline]
            pub fn entries(self) -> &'static [Entry] {
                $crate::engine::CatalogueEndpoint::entries(self)
            }

            /// What `status` means for this endpoint: its own entry, else the
            /// general table's. The same as [`lookup`].
            #[inline]
            pub fn lookup(
                self,
                status: $crate::StatusCode,
            ) -> ::core::option::Option<&'static Entry> {
                $crate::engine::CatalogueEndpoint::lookup(self, status)
            }

            /// What a response from this endpoint means: the entry of its
            /// application `code` when one is given and the catalogue knows
            /// it, else [`Endpoint::lookup`]'s. The same as [`lookup_response`].
            #[inline]
            pub fn lookup_response(
                self,
                status: $crate::StatusCode,
                code: ::core::option::Option<&str>,
            ) -> ::core::option::Option<&'static Entry> {
                $crate::engine::CatalogueEndpoint::lookup_response(self, status, code)
            }

            /// The application codes documented for `status` on this
            /// endpoint, as sent: those its own row, else the general
            /// table's, lists; empty when none.
            #[inline]
            pub fn codes(self, status: $crate::StatusCode) -> &'static [&'static str] {
                $crate::engine::CatalogueEndpoint::codes(self, status)
            }

            /// The endpoint a request routes to (see [`route`] for the
            /// parameters too). Never allocates or panics.
            #[inline]
            pub fn route(
                method: &$crate::__private::http::Method,
                path: &str,
            ) -> ::core::option::Option<Endpoint> {
                <Endpoint as $crate::engine::CatalogueEndpoint>::route(method, path)
            }
        }

        impl ::core::fmt::Debug for Endpoint {
            /// Writes the identifier (`CreateTrackers`), as a derive would;
            /// `Display` writes the name, `Serialize` the slug.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str($crate::engine::CatalogueEndpoint::ident(*self))
            }
        }

        impl ::core::fmt::Display for Endpoint {
            /// Writes the name (`Create Trackers`); `Debug` writes the
            /// identifier, `Serialize` the slug.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.name())
            }
        }

        impl ::core::str::FromStr for Endpoint {
            type Err = $crate::ParseEndpointError;

            /// Parses a name, slug or identifier, ignoring ASCII case. Never allocates.
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                <Endpoint as $crate::engine::CatalogueEndpoint>::parse(s)
            }
        }

        /// One row of this catalogue.
        pub type Entry = $crate::engine::Entry<Endpoint>;

        /// A request routed to one of this catalogue's endpoints.
        pub type RouteMatch<'a> = $crate::engine::RouteMatch<'a, Endpoint>;

        /// This catalogue as one value (and its type): page, tables,
        /// renderers and `Serialize`, as the engine's features allow.
        pub type Catalogue = $crate::engine::Catalogue<Endpoint>;

        /// This catalogue as one value.
        #[allow(non_upper_case_globals)]
        pub const Catalogue: Catalogue = $crate::engine::Catalogue::new();

        /// What `status` from `endpoint` means: the endpoint's own entry, else
        /// the general table's, else `None`. Never allocates or panics.
        #[inline]
        pub fn lookup(
            endpoint: Endpoint,
            status: $crate::StatusCode,
        ) -> ::core::option::Option<&'static Entry> {
            $crate::engine::CatalogueEndpoint::lookup(endpoint, status)
        }

        /// What a response from `endpoint` means: the entry of its
        /// application `code` when one is given and the catalogue knows it,
        /// else what [`lookup`] answers for `status`. Never allocates or panics.
        #[inline]
        pub fn lookup_response(
            endpoint: Endpoint,
            status: $crate::StatusCode,
            code: ::core::option::Option<&str>,
        ) -> ::core::option::Option<&'static Entry> {
            $crate::engine::CatalogueEndpoint::lookup_response(endpoint, status, code)
        }

        /// What `status` means in the general table.
        #[inline]
        pub fn lookup_general(
            status: $crate::StatusCode,
        ) -> ::core::option::Option<&'static Entry> {
            <Endpoint as $crate::engine::CatalogueEndpoint>::lookup_general(status)
        }

        /// What `status` means for the endpoint a request routes to: its own
        /// entry, else the general table's (also when no endpoint matches).
        #[inline]
        pub fn lookup_request(
            method: &$crate::__private::http::Method,
            path: &str,
            status: $crate::StatusCode,
        ) -> ::core::option::Option<&'static Entry> {
            $crate::engine::lookup_request::<Endpoint>(method, path, status)
        }

        /// Routes a request to its endpoint and captures its parameters.
        /// `path` is a bare path or a full URL; `None` when no endpoint of
        /// that method matches, or `path` is neither.
        #[inline]
        pub fn route<'a>(
            method: &$crate::__private::http::Method,
            path: &'a str,
        ) -> ::core::option::Option<RouteMatch<'a>> {
            $crate::engine::RouteMatch::find(method, path)
        }

        /// Every entry: the general table's, then each endpoint's, in page order.
        #[inline]
        pub fn entries() -> &'static [Entry] {
            Catalogue.entries()
        }

        /// The general table: what a status means for any endpoint.
        #[inline]
        pub fn general() -> &'static [Entry] {
            Catalogue.general()
        }

        /// The documentation page's metadata.
        #[inline]
        pub fn page() -> &'static $crate::Page {
            Catalogue.page()
        }

        $crate::__private::catalogue_code_api!();
        $crate::__private::catalogue_serde_api!();
    };
}

/// The serde-gated part of a catalogue module's API.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __catalogue_serde_api {
    () => {
        /// A real error response explained by this catalogue.
        pub type Explanation = $crate::engine::Explanation<Endpoint>;

        /// An RFC 9457 problem details object for one of this catalogue's entries.
        pub type Problem = $crate::engine::Problem<Endpoint>;

        impl $crate::__private::serde::Serialize for Endpoint {
            /// An endpoint serializes as its slug (`create-trackers`), the
            /// anchor of its table; `Debug` writes the identifier, `Display`
            /// the name.
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                s: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.slug())
            }
        }
    };
}

/// The serde-gated part of a catalogue module's API: none without `serde`.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __catalogue_serde_api {
    () => {};
}

/// A request routed to its endpoint, with the template's parameters captured
/// as raw slices of the request path. Holds no heap memory.
///
/// ```
/// use error_catalogue::{route, Endpoint};
/// use http::Method;
///
/// let m = route(&Method::GET, "https://api.symbl.ai/v1/manage/tracker/5f3c%20a?x=1").unwrap();
/// assert_eq!(m.endpoint(), Endpoint::GetTracker);
/// assert_eq!(m.param("trackerId"), Some("5f3c%20a"));
/// assert_eq!(m.param_decoded("trackerId").as_deref(), Some("5f3c a"));
/// assert_eq!(m.params().collect::<Vec<_>>(), [("trackerId", "5f3c%20a")]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteMatch<'a, E> {
    endpoint: E,
    /// The base path the request carried, as listed.
    base_path: &'static str,
    /// The parameters' values: the base path's, then the template's.
    values: [&'a str; MAX_PARAMS],
}

impl<'a, E: CatalogueEndpoint> RouteMatch<'a, E> {
    /// Routes a request to its endpoint and captures its parameters. `path`
    /// is a bare path (`/v1/manage/trackers`) or a full URL
    /// (`https://host/v1/...`). `None` when no endpoint of that method
    /// matches, or `path` is neither.
    #[inline]
    pub fn find(method: &Method, path: &'a str) -> Option<RouteMatch<'a, E>> {
        let mut values = [""; MAX_PARAMS];
        let found = crate::route::find(E::tables().routes, method, path, &mut values)?;
        Some(RouteMatch {
            endpoint: found.endpoint,
            base_path: found.base_path,
            values,
        })
    }

    /// The endpoint the request routes to.
    #[inline]
    pub fn endpoint(&self) -> E {
        self.endpoint
    }

    /// The base path the request carried, as the catalogue lists it (`""`
    /// when it declares none, or the request carried the empty one).
    pub fn base_path(&self) -> &'static str {
        self.base_path
    }

    /// The raw (still percent-encoded) value of parameter `name`; a
    /// multi-segment parameter's segments joined by `/`.
    pub fn param(&self, name: &str) -> Option<&'a str> {
        self.params().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Parameter `name` percent-decoded, invalid UTF-8 replaced by U+FFFD;
    /// borrowed unless decoding changed it.
    pub fn param_decoded(&self, name: &str) -> Option<Cow<'a, str>> {
        self.param(name)
            .map(|raw| percent_decode(raw.as_bytes()).decode_utf8_lossy())
    }

    /// Every parameter as `(name, raw value)`: the base path's, then the
    /// template's, in order.
    pub fn params(&self) -> impl Iterator<Item = (&'static str, &'a str)> + use<'a, E> {
        template::params(self.base_path)
            .chain(template::params(self.endpoint.path()))
            .zip(self.values)
    }
}

/// What `status` means for the endpoint `method path` routes to: its own
/// entry, else the general table's (also when no endpoint matches).
#[inline]
pub fn lookup_request<E: CatalogueEndpoint>(
    method: &Method,
    path: &str,
    status: StatusCode,
) -> Option<&'static Entry<E>> {
    lookup_for(E::route(method, path), status)
}

/// What `status` means for `endpoint`: its own entry, else the general
/// table's; with no endpoint, the general table's. The one statement of
/// that rule, which [`lookup_request`], `Explanation` and `errcat` use.
///
/// ```
/// use error_catalogue::engine::lookup_for;
/// use error_catalogue::{Endpoint, StatusCode};
///
/// let own = lookup_for(Some(Endpoint::CreateTrackers), StatusCode::CONFLICT).unwrap();
/// assert_eq!(own.endpoint(), Some(Endpoint::CreateTrackers));
/// let general = lookup_for(Some(Endpoint::CreateTrackers), StatusCode::UNAUTHORIZED).unwrap();
/// assert_eq!(general.endpoint(), None);
/// assert_eq!(lookup_for::<Endpoint>(None, StatusCode::UNAUTHORIZED), Some(general));
/// ```
#[inline]
pub fn lookup_for<E: CatalogueEndpoint>(
    endpoint: Option<E>,
    status: StatusCode,
) -> Option<&'static Entry<E>> {
    match endpoint {
        Some(endpoint) => endpoint.lookup(status),
        None => E::lookup_general(status),
    }
}
