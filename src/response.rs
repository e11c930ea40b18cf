//! Reading an application code out of a response body: the catalogue's
//! `code_pointers`, tried in order over the parsed JSON. Feature `serde`.
//!
//! A body that is not JSON, empty or over [`MAX_EXPLAINED_BODY`] has no
//! code; a pointer that reaches nothing, an object or array, or a value of
//! the other kind (a number in a catalogue of string codes, a string in one
//! of integer codes) is passed over for the next. Never an error.

use core::marker::PhantomData;

use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use crate::MAX_EXPLAINED_BODY;
use crate::engine::{Catalogue, CatalogueEndpoint, Entry};

/// The body as JSON, when it is not empty, within [`MAX_EXPLAINED_BODY`]
/// bytes and well-formed.
pub(crate) fn body_json(body: &[u8]) -> Option<Value> {
    if body.is_empty() || body.len() > MAX_EXPLAINED_BODY {
        return None;
    }
    serde_json::from_slice(body).ok()
}

/// A code read from a body: as sent (an integer in decimal) and its entry,
/// when the catalogue documents it.
pub(crate) struct ReadCode<E: 'static> {
    pub(crate) text: String,
    pub(crate) entry: Option<&'static Entry<E>>,
}

/// The first code `E`'s pointers reach in `value`, looked up (an integer
/// through a stack buffer, without allocating).
pub(crate) fn read_code<E: CatalogueEndpoint>(value: &Value) -> Option<ReadCode<E>> {
    let integer = E::tables().integer_codes;
    E::tables()
        .code_pointers
        .iter()
        .find_map(|p| match (value.pointer(p)?, integer) {
            (Value::String(s), false) if !s.is_empty() => Some(ReadCode {
                text: s.clone(),
                entry: E::lookup_code(s),
            }),
            (Value::Number(n), true) => {
                let decimal = Decimal::new(n.as_u64()?);
                Some(ReadCode {
                    text: decimal.as_str().to_string(),
                    entry: E::lookup_code(decimal.as_str()),
                })
            }
            _ => None,
        })
}

/// A `u64` written in decimal on the stack: how an integer code is looked
/// up by its text without allocating.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Decimal {
    digits: [u8; 20],
    start: usize,
}

impl Decimal {
    /// `n` in decimal (`u64::MAX` has 20 digits).
    pub(crate) fn new(mut n: u64) -> Decimal {
        let mut digits = [b'0'; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            // `n % 10` is a digit: the cast keeps it.
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break Decimal { digits, start };
            }
        }
    }

    /// The digits, no sign or leading zeros (`"0"` for zero).
    pub(crate) fn as_str(&self) -> &str {
        // ASCII digits only.
        self.digits
            .get(self.start..)
            .and_then(|d| core::str::from_utf8(d).ok())
            .unwrap_or("0")
    }
}

impl<E: CatalogueEndpoint> Catalogue<E> {
    /// The application code a response body carries, as sent (an integer
    /// code in decimal), whether or not the catalogue documents it: the
    /// first value the catalogue's [`code_pointers`](Catalogue::code_pointers)
    /// reach that is a non-empty string (a `u64` number, in a catalogue of
    /// integer codes). `None` for a body that is empty, not JSON, over
    /// [`MAX_EXPLAINED_BODY`] bytes, or carries no such value. Feature `serde`.
    ///
    /// Hand it to a typed error's `from_response`, or to `lookup_response`.
    ///
    /// ```
    /// let c = error_catalogue::Catalogue;
    /// // The shipped catalogue documents no codes, but reads them as any does.
    /// assert_eq!(c.read_code(br#"{"error": {"code": "card_declined"}}"#).as_deref(), Some("card_declined"));
    /// assert_eq!(c.read_code(br#"{"ok": false, "error": "channel_not_found"}"#).as_deref(), Some("channel_not_found"));
    /// assert_eq!(c.read_code(br#"{"code": 40140}"#), None); // a number: not a string code
    /// assert_eq!(c.read_code(b"<html>"), None);
    /// ```
    pub fn read_code(self, body: &[u8]) -> Option<String> {
        read_code::<E>(&body_json(body)?).map(|c| c.text)
    }
}

/// An application code as JSON: a number in a catalogue of integer codes,
/// else a string.
pub(crate) struct CodeJson<'a, E>(&'a str, PhantomData<fn() -> E>);

impl<'a, E: CatalogueEndpoint> CodeJson<'a, E> {
    pub(crate) fn new(code: &'a str) -> Self {
        CodeJson(code, PhantomData)
    }

    /// The value, for a JSON map.
    pub(crate) fn value(&self) -> Value {
        match self.number() {
            Some(n) => Value::from(n),
            None => Value::from(self.0),
        }
    }

    fn number(&self) -> Option<u64> {
        E::tables()
            .integer_codes
            .then(|| self.0.parse().ok())
            .flatten()
    }
}

impl<E: CatalogueEndpoint> Serialize for CodeJson<'_, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.number() {
            Some(n) => s.serialize_u64(n),
            None => s.serialize_str(self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn decimal_writes_every_width() {
        for n in [0, 7, 10, 40140, 99_999, u64::MAX] {
            assert_eq!(Decimal::new(n).as_str(), n.to_string());
        }
    }
}
