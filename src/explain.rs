//! Explaining a real error response, as an SDK client holds it: the request's
//! method and URL, the response's head and body → the catalogue's entry (its
//! application code's, when the body carries one the catalogue knows), the
//! server's own message and retry advice. Feature `serde`.

use core::fmt;
use std::time::{Duration, SystemTime};

use http::header::RETRY_AFTER;
use http::response::Parts;
use http::{HeaderMap, Method, StatusCode};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::Value;

use crate::engine::{CatalogueEndpoint, Entry, lookup_for};
use crate::response::{body_json, read_code};

/// The largest body read for the server's message and application code; a
/// larger one is explained from its status alone.
pub const MAX_EXPLAINED_BODY: usize = 64 * 1024;

/// An error response explained by the catalogue.
///
/// The time a `Retry-After` date is counted from is read once, when the
/// response is explained ([`Explanation::explained_at`]), so the same value
/// always displays and serializes the same.
///
/// ```
/// use error_catalogue::{Explanation, Endpoint};
/// use http::{Method, Response, StatusCode};
///
/// let (parts, ()) = Response::builder()
///     .status(StatusCode::TOO_MANY_REQUESTS)
///     .header("retry-after", "30")
///     .body(())
///     .unwrap()
///     .into_parts();
/// let body = br#"{"message": "Too many concurrent jobs."}"#;
/// let e = Explanation::from_response(&Method::POST, "https://api.symbl.ai/v1/process/text", &parts, body).unwrap();
/// assert_eq!(e.endpoint(), Some(Endpoint::AsyncTextApi));
/// assert!(!e.is_general() && e.retryable());
/// assert_eq!(e.server_message(), Some("Too many concurrent jobs."));
/// assert_eq!(e.retry_delay(), Some(std::time::Duration::from_secs(30)));
/// assert!(e.to_string().starts_with("Async Text API → 429 Too Many Requests: Too many requests hit the API"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation<E: CatalogueEndpoint> {
    entry: &'static Entry<E>,
    endpoint: Option<E>,
    status: StatusCode,
    code: Option<String>,
    method: Method,
    path: String,
    server_message: Option<String>,
    retry_after: Option<RetryAfter>,
    explained_at: SystemTime,
}

/// A `Retry-After` header's value (RFC 9110 §10.2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    /// `Retry-After: 120`: a delay in seconds.
    Delay(Duration),
    /// `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`: a point in time.
    At(SystemTime),
}

impl RetryAfter {
    /// Reads the header; `None` when absent or neither form.
    pub fn from_headers(headers: &HeaderMap) -> Option<RetryAfter> {
        let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
            return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        httpdate::parse_http_date(value).ok().map(RetryAfter::At)
    }

    /// The delay from `now`; zero for a time already past.
    pub fn delay_from(self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(d) => d,
            RetryAfter::At(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

impl<E: CatalogueEndpoint> Explanation<E> {
    /// Explains a response to `method url_or_path`: the entry of the
    /// application code the body carries, when the catalogue knows it; else
    /// the routed endpoint's entry for the status, else the general table's
    /// (also when no endpoint matches).
    ///
    /// The code is read through the catalogue's
    /// [`code_pointers`](crate::engine::Catalogue::code_pointers), tried in
    /// order: the first that reaches a string (a number, for a catalogue of
    /// integer codes) is the code; a pointer reaching nothing, an object, or
    /// a value of the other type is passed over. The server's message is
    /// read from a `{"message": …}` or problem+json (`detail`, else `title`)
    /// body, else from an error object nested under `error` (Stripe's and
    /// Ably's `{"error": {"message": …}}`). A body that is empty, not UTF-8, malformed or over
    /// [`MAX_EXPLAINED_BODY`] bytes is ignored: the response is explained by
    /// its status alone. `None` only when the catalogue has nothing for the
    /// status and knows no code the body carries.
    pub fn from_response(
        method: &Method,
        url_or_path: &str,
        parts: &Parts,
        body: &[u8],
    ) -> Option<Explanation<E>> {
        Self::from_status(method, url_or_path, parts.status, &parts.headers, body)
    }

    /// [`Explanation::from_response`] from a status and headers.
    pub fn from_status(
        method: &Method,
        url_or_path: &str,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Option<Explanation<E>> {
        let endpoint = E::route(method, url_or_path);
        let json = body_json(body);
        let code = json.as_ref().and_then(read_code::<E>);
        // `lookup_response`'s rule, with or without an endpoint.
        let entry = code
            .as_ref()
            .and_then(|c| c.entry)
            .or_else(|| lookup_for(endpoint, status))?;
        Some(Explanation {
            entry,
            endpoint,
            status,
            code: code.map(|c| c.text),
            method: method.clone(),
            path: url_or_path.to_string(),
            server_message: json.as_ref().and_then(server_message),
            retry_after: RetryAfter::from_headers(headers),
            explained_at: SystemTime::now(),
        })
    }

    /// This explanation as of `now` instead of the time it was made: the
    /// time [`Explanation::retry_delay`], `Display` and `Serialize` count a
    /// `Retry-After` date from.
    ///
    /// ```
    /// use error_catalogue::Explanation;
    /// use http::{HeaderMap, HeaderValue, Method, StatusCode};
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert("retry-after", HeaderValue::from_static("Sun, 09 Sep 2001 01:46:40 GMT"));
    /// let e = Explanation::from_status(&Method::POST, "/v1/process/text", StatusCode::TOO_MANY_REQUESTS, &headers, b"")
    ///     .unwrap()
    ///     .as_of(UNIX_EPOCH + Duration::from_secs(1_000_000_000 - 30));
    /// assert_eq!(e.retry_delay(), Some(Duration::from_secs(30)));
    /// assert!(e.to_string().ends_with(" Retry after 30 s."));
    /// ```
    pub fn as_of(mut self, now: SystemTime) -> Self {
        self.explained_at = now;
        self
    }

    /// When the response was explained (or the time given to
    /// [`Explanation::as_of`]).
    pub fn explained_at(&self) -> SystemTime {
        self.explained_at
    }

    /// The catalogue entry: the application code's when the catalogue
    /// knows the code the body carries, else the status's.
    pub fn entry(&self) -> &'static Entry<E> {
        self.entry
    }

    /// The response's status, as sent.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The application code the body carries, as sent (an integer code in
    /// decimal), whether or not the catalogue knows it; `None` when the body
    /// has none (see [`Explanation::from_response`] for where it is read).
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Whether the body's application code is one the catalogue documents
    /// (then [`Explanation::entry`] is the code's); `false` with no code.
    pub fn code_documented(&self) -> bool {
        self.code.is_some() && self.entry.app_code().is_some()
    }

    /// The body's application code when the catalogue lacks it: the
    /// server's own, shown beside the status's entry.
    pub fn server_code(&self) -> Option<&str> {
        self.code().filter(|_| !self.code_documented())
    }

    /// The endpoint the request routed to, if any (the entry may still be
    /// the general table's).
    pub fn endpoint(&self) -> Option<E> {
        self.endpoint
    }

    /// Whether the entry is the general table's rather than the endpoint's
    /// own or an application code's.
    pub fn is_general(&self) -> bool {
        self.entry.is_general()
    }

    /// What the server said, from its body.
    pub fn server_message(&self) -> Option<&str> {
        self.server_message.as_deref()
    }

    /// Whether a later retry may succeed.
    pub fn retryable(&self) -> bool {
        self.entry.retryable()
    }

    /// The `Retry-After` header, as sent.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.retry_after
    }

    /// How long to wait before retrying, from `Retry-After` as of when the
    /// response was explained ([`Explanation::explained_at`]); `None` when
    /// the entry is not retryable or the server gave no delay.
    pub fn retry_delay(&self) -> Option<Duration> {
        self.retry_delay_from(self.explained_at)
    }

    /// [`Explanation::retry_delay`] as of `now`.
    pub fn retry_delay_from(&self, now: SystemTime) -> Option<Duration> {
        self.retry_after
            .filter(|_| self.retryable())
            .map(|r| r.delay_from(now))
    }

    /// Where the entry came from, for people: "Create Trackers", "Get
    /// Tracker (general table: HTTP Codes)", or the request when no endpoint
    /// matches it.
    fn source(&self) -> String {
        match (self.endpoint, self.entry.is_general()) {
            (Some(e), false) => e.name().to_string(),
            (Some(e), true) => format!("{} (general table: {})", e.name(), general_title::<E>()),
            (None, false) => format!("{} {} (no endpoint matches)", self.method, self.path),
            (None, true) => format!(
                "{} {} (no endpoint matches; general table: {})",
                self.method,
                self.path,
                general_title::<E>()
            ),
        }
    }
}

impl<E: crate::TypedErrors> Explanation<E> {
    /// The routed endpoint's typed error for the response (the
    /// catalogue-wide `Error`): its application code's when the catalogue
    /// knows the code the body carries, else its status's; alongside the
    /// server's message. `None` when no endpoint matched the request, or the
    /// status is not an error and the body has no known code.
    ///
    /// ```
    /// use error_catalogue::{CreateTrackersError, Error, Explanation};
    /// use http::{HeaderMap, Method, StatusCode};
    ///
    /// let body = br#"{"message": "A tracker named 'x' exists."}"#;
    /// let e = Explanation::from_status(&Method::POST, "/v1/manage/trackers", StatusCode::CONFLICT, &HeaderMap::new(), body).unwrap();
    /// assert_eq!(e.error(), Some(Error::CreateTrackers(CreateTrackersError::Conflict)));
    /// assert_eq!(e.server_message(), Some("A tracker named 'x' exists."));
    /// ```
    pub fn error(&self) -> Option<E::Error> {
        self.endpoint?
            .response_error(self.status, self.code.as_deref())
    }
}

fn general_title<E: CatalogueEndpoint>() -> &'static str {
    E::tables().page.general_title()
}

/// The message of a `{"message": …}` body, else a problem+json `detail`,
/// else its `title`, else a nested `{"error": {"message": …}}`'s.
fn server_message(value: &Value) -> Option<String> {
    ["/message", "/detail", "/title", "/error/message"]
        .iter()
        .find_map(|p| value.pointer(p)?.as_str())
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_string)
}

impl<E: CatalogueEndpoint> fmt::Display for Explanation<E> {
    /// `Create Trackers → 409 Conflict: <description> Fix: <resolution>
    /// (server said: "…")`, plain text, then retry advice when retryable
    /// (a delay counted from [`Explanation::explained_at`], not the clock).
    /// A documented application code is named after the status (`Create
    /// Charge → 402 card_declined Card declined: …`); one the catalogue
    /// lacks is quoted after the status's entry (`(server's code: "…")`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self.entry;
        match e.app_code() {
            Some(code) => write!(
                f,
                "{} → {} {code} {}",
                self.source(),
                self.status.as_u16(),
                e.plain_meaning()
            )?,
            None => write!(f, "{} → {} {}", self.source(), e.code(), e.plain_meaning())?,
        }
        if let Some(d) = e.plain_description() {
            write!(f, ": {d}")?;
        }
        if let Some(r) = e.plain_resolution() {
            write!(f, " Fix: {r}")?;
        }
        if let Some(c) = self.server_code() {
            write!(f, " (server's code: {c:?})")?;
        }
        if let Some(m) = &self.server_message {
            // Debug escapes quotes and control characters a server may send.
            write!(f, " (server said: {m:?})")?;
        }
        if self.retryable() {
            match self.retry_delay() {
                Some(d) => write!(f, " Retry after {} s.", d.as_secs())?,
                None => f.write_str(" Retrying may succeed.")?,
            }
        }
        Ok(())
    }
}

impl<E: CatalogueEndpoint> Serialize for Explanation<E> {
    /// `{endpoint, status, code, code_documented, general, entry,
    /// server_message, retryable, retry_after_seconds, text}`: `code` is the
    /// body's application code as sent (a number in a catalogue of integer
    /// codes; `null` when none), `code_documented` whether `entry` is its;
    /// `retry_after_seconds` is counted from [`Explanation::explained_at`].
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_struct("Explanation", 10)?;
        map.serialize_field("endpoint", &self.endpoint.map(E::slug))?;
        map.serialize_field("status", &self.status.as_u16())?;
        map.serialize_field(
            "code",
            &self
                .code
                .as_deref()
                .map(crate::response::CodeJson::<E>::new),
        )?;
        map.serialize_field("code_documented", &self.code_documented())?;
        map.serialize_field("general", &self.is_general())?;
        map.serialize_field("entry", self.entry)?;
        map.serialize_field("server_message", &self.server_message)?;
        map.serialize_field("retryable", &self.retryable())?;
        map.serialize_field(
            "retry_after_seconds",
            &self.retry_delay().map(|d| d.as_secs()),
        )?;
        map.serialize_field("text", &self.to_string())?;
        map.end()
    }
}

#[cfg(all(test, feature = "symbl"))]
mod tests {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    use http::{HeaderMap, HeaderValue, Method, StatusCode};

    use crate::Explanation;

    /// A 429 whose `Retry-After` date is long past by the clock (2001), so
    /// that a `Display` or `Serialize` reading the clock would say 0 s.
    fn throttled() -> Explanation {
        let mut headers = HeaderMap::new();
        let at = UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        let date = httpdate::fmt_http_date(at);
        headers.insert("retry-after", HeaderValue::from_str(&date).unwrap());
        let e = Explanation::from_status(
            &Method::POST,
            "/v1/process/text",
            StatusCode::TOO_MANY_REQUESTS,
            &headers,
            b"",
        )
        .unwrap();
        assert!(e.retryable());
        e.as_of(at - Duration::from_secs(30))
    }

    #[test]
    fn display_counts_from_when_explained_not_the_clock() {
        let e = throttled();
        let first = e.to_string();
        assert!(first.ends_with(" Retry after 30 s."), "{first}");
        assert_eq!(e.to_string(), first);
        assert_eq!(e.clone().to_string(), first);
    }

    #[test]
    fn serialize_counts_from_when_explained_not_the_clock() {
        let e = throttled();
        let first = serde_json::to_value(&e).unwrap();
        assert_eq!(first["retry_after_seconds"], 30);
        assert_eq!(first["text"], e.to_string());
        assert_eq!(serde_json::to_value(&e).unwrap(), first);
    }

    #[test]
    fn explained_at_is_when_it_was_made() {
        let before = SystemTime::now();
        let e = Explanation::from_status(
            &Method::GET,
            "/nope",
            StatusCode::NOT_FOUND,
            &HeaderMap::new(),
            b"",
        )
        .unwrap();
        assert!(before <= e.explained_at() && e.explained_at() <= SystemTime::now());
    }
}
