//! Answering with the catalogue's error: an entry as an RFC 9457 problem
//! details object ([`Problem`]), as an `http::Response` with
//! `Content-Type: application/problem+json`, or as the page's own
//! `{"message": …}` body. Feature `serde`.

use core::fmt;
use std::borrow::Cow;
use std::time::Duration;

use http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use http::{Response, StatusCode};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::engine::{CatalogueEndpoint, Entry};
use crate::response::CodeJson;

/// The media type of a problem details body (RFC 9457 §3).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The members RFC 9457 defines; an extension may not reuse their names.
pub const STANDARD_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// An RFC 9457 problem details object for a catalogue entry.
///
/// `type` is the entry's anchor on the docs page, `title` its meaning and
/// `detail` its description (both plain text, markup removed), `status` its
/// status. For an application code's entry, `type` is the code's anchor
/// (`…#code-card-declined`), a `code` extension member carries the code as
/// the API sends it (a JSON number in a catalogue of integer codes), and
/// `status` is the code's documented status; a code documented with any
/// status answers 500 unless the caller gives the status it failed with
/// ([`Problem::with_status`]). Serializes (feature `serde`) as the
/// problem+json body.
///
/// ```
/// use error_catalogue::codes::CREATE_TRACKERS_409;
///
/// let problem = CREATE_TRACKERS_409
///     .problem()
///     .with_instance("/v1/manage/trackers")
///     .with_extension("trackerName", "my-tracker")
///     .unwrap();
/// let json = serde_json::to_value(&problem).unwrap();
/// assert_eq!(json["type"], "https://docs.symbl.ai/docs/developer-tools/errors/#create-trackers-409");
/// assert_eq!((json["title"].as_str(), json["status"].as_u64()), (Some("Conflict"), Some(409)));
/// assert_eq!(json["trackerName"], "my-tracker");
/// assert!(problem.clone().with_extension("status", 500).is_err());
///
/// let response = problem.into_response();
/// assert_eq!(response.status(), 409);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Problem<E: CatalogueEndpoint> {
    entry: &'static Entry<E>,
    type_uri: String,
    status: StatusCode,
    detail: Option<Cow<'static, str>>,
    instance: Option<String>,
    extensions: Map<String, Value>,
    retry_after: Option<Duration>,
}

/// Why an extension member was refused.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExtensionError {
    /// The name is one of the standard members (`type`, `title`, `status`,
    /// `detail`, `instance`).
    Reserved(String),
    /// The name is not what RFC 9457 §3.2 advises: an ASCII letter, then
    /// ASCII letters, digits or `_`, at least three characters.
    BadName(String),
    /// The value does not serialize to JSON.
    Value(serde_json::Error),
}

impl fmt::Display for ExtensionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtensionError::Reserved(name) => write!(
                f,
                "extension member {name:?} would replace a standard problem member"
            ),
            ExtensionError::BadName(name) => write!(
                f,
                "extension member {name:?} is not an ASCII letter followed by two or more letters, digits or '_'"
            ),
            ExtensionError::Value(err) => write!(f, "extension value is not JSON: {err}"),
        }
    }
}

impl std::error::Error for ExtensionError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExtensionError::Value(err) => Some(err),
            _ => None,
        }
    }
}

impl<E: CatalogueEndpoint> Entry<E> {
    /// This entry as an RFC 9457 problem details object; for an application
    /// code's entry, with the `code` extension member (see [`Problem`]).
    pub fn problem(&'static self) -> Problem<E> {
        let mut extensions = Map::new();
        if let Some(code) = self.app_code() {
            extensions.insert("code".to_string(), CodeJson::<E>::new(code).value());
        }
        Problem {
            entry: self,
            type_uri: self.url().to_string(),
            status: self.status(),
            detail: self.plain_description().map(Cow::Borrowed),
            instance: None,
            extensions,
            retry_after: None,
        }
    }

    /// [`Entry::problem`] as a response: the status, `Content-Type:
    /// application/problem+json` and the JSON body. No `Retry-After`: set a
    /// delay with [`Problem::with_retry_after`] for that.
    pub fn response(&'static self) -> Response<Vec<u8>> {
        self.problem().into_response()
    }

    /// The page's own body shape, `{"message": "…"}`: the plain description,
    /// or the meaning when there is none.
    ///
    /// ```
    /// let body = error_catalogue::codes::HTTP_CODES_401.message_body();
    /// assert_eq!(body, r#"{"message":"Your API key is invalid."}"#);
    /// ```
    pub fn message_body(&self) -> String {
        let message = self.plain_description().unwrap_or(self.plain_meaning());
        let mut body = Map::new();
        body.insert("message".to_string(), Value::from(message));
        Value::Object(body).to_string()
    }
}

impl<E: CatalogueEndpoint> Problem<E> {
    /// The catalogue entry this problem reports.
    pub fn entry(&self) -> &'static Entry<E> {
        self.entry
    }

    /// `type`: the entry's anchor on the docs page.
    pub fn type_uri(&self) -> &str {
        &self.type_uri
    }

    /// `title`: the entry's meaning, plain text.
    pub fn title(&self) -> &'static str {
        self.entry.plain_meaning()
    }

    /// `status`: the entry's (500 for an application code documented with
    /// any status), unless set with [`Problem::with_status`].
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// `detail`: the entry's plain description unless replaced.
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// `instance`, if set.
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// The extension members, in name order.
    pub fn extensions(&self) -> &Map<String, Value> {
        &self.extensions
    }

    /// The delay set with [`Problem::with_retry_after`].
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// Sets `status` and the response's status: for an application code
    /// documented with any status ([`Entry::documented_status`] `None`), the
    /// status this occurrence fails with. An entry with a documented status
    /// keeps it unless the caller has cause to differ from the docs page.
    ///
    /// ```
    /// # #[cfg(feature = "load")] {
    /// use error_catalogue::CatalogueEndpoint;
    /// use error_catalogue::load::{self, Loaded};
    /// use http::StatusCode;
    ///
    /// let file = concat!(env!("CARGO_MANIFEST_DIR"), "/error-catalogue-build/tests/fixtures/codes.toml");
    /// load::load(error_catalogue_build::check_file(file).catalogue.as_ref().unwrap()).unwrap();
    ///
    /// // ERR_RATE is documented with any status.
    /// let rate = Loaded::lookup_code("ERR_RATE").unwrap();
    /// assert_eq!(rate.problem().status(), StatusCode::INTERNAL_SERVER_ERROR);
    /// let problem = rate.problem().with_status(StatusCode::TOO_MANY_REQUESTS);
    /// let json = serde_json::to_value(&problem).unwrap();
    /// assert_eq!((json["status"].as_u64(), json["code"].as_str()), (Some(429), Some("ERR_RATE")));
    /// assert_eq!(problem.into_response().status(), StatusCode::TOO_MANY_REQUESTS);
    /// # }
    /// ```
    pub fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    /// Replaces `detail`: an explanation of this occurrence.
    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Sets `instance`: a URI reference naming this occurrence.
    pub fn with_instance(mut self, instance: impl Into<String>) -> Self {
        self.instance = Some(instance.into());
        self
    }

    /// Adds (or replaces) an extension member. A standard member's name, or a
    /// name RFC 9457 advises against, is an error, never a panic.
    pub fn with_extension(
        mut self,
        name: impl Into<String>,
        value: impl Serialize,
    ) -> Result<Self, ExtensionError> {
        let name = name.into();
        if STANDARD_MEMBERS.contains(&name.as_str()) {
            return Err(ExtensionError::Reserved(name));
        }
        let mut chars = name.chars();
        let good = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
            && name.len() >= 3;
        if !good {
            return Err(ExtensionError::BadName(name));
        }
        let value = serde_json::to_value(value).map_err(ExtensionError::Value)?;
        self.extensions.insert(name, value);
        Ok(self)
    }

    /// A delay before retrying. On a retryable entry the response carries it
    /// as `Retry-After` (whole seconds, rounded up); a non-retryable entry's
    /// response never has `Retry-After`.
    pub fn with_retry_after(mut self, delay: Duration) -> Self {
        self.retry_after = Some(delay);
        self
    }

    /// The problem+json body.
    pub fn to_json(&self) -> Vec<u8> {
        // A map of strings and JSON values always serializes.
        serde_json::to_vec(self).unwrap_or_else(|_| b"{}".to_vec())
    }

    /// The response: the entry's status, `Content-Type:
    /// application/problem+json`, `Retry-After` when the entry is retryable
    /// and a delay is set, and the JSON body. Any framework on the `http`
    /// crate can return it (axum: `response.map(Body::from)`).
    pub fn into_response(self) -> Response<Vec<u8>> {
        let mut response = Response::new(self.to_json());
        *response.status_mut() = self.status();
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(delay) = self.retry_after.filter(|_| self.entry.retryable()) {
            let seconds = delay.as_secs() + u64::from(delay.subsec_nanos() > 0);
            headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// A problem+json response for a status the catalogue does not document:
/// type `about:blank`, titled with the status's reason phrase (RFC 9457 §4.2.1).
pub(crate) fn blank_response(status: StatusCode) -> Response<Vec<u8>> {
    let mut body = Map::new();
    body.insert("type".to_string(), Value::from("about:blank"));
    let title = status.canonical_reason().unwrap_or("Unknown Status");
    body.insert("title".to_string(), Value::from(title));
    body.insert("status".to_string(), Value::from(status.as_u16()));
    let mut response = Response::new(Value::Object(body).to_string().into_bytes());
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    response
}

impl<E: CatalogueEndpoint> Serialize for Problem<E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("type", &self.type_uri)?;
        map.serialize_entry("title", self.title())?;
        map.serialize_entry("status", &self.status.as_u16())?;
        if let Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        if let Some(instance) = &self.instance {
            map.serialize_entry("instance", instance)?;
        }
        for (name, value) in &self.extensions {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}
