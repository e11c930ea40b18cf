//! `Serialize` for the public types (feature `serde`): the JSON shape that
//! `errcat render --format json` prints and `schema/` describes.

use std::marker::PhantomData;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::engine::{Catalogue, CatalogueEndpoint, Entry};

/// The whole catalogue as one value: page metadata, the base paths (only
/// when it declares some), the general table, every endpoint with its
/// entries, and, only when the catalogue has application codes, `codes`
/// (each code's entry, in registry order) and `code_pointers`.
///
/// ```
/// let json = serde_json::to_value(error_catalogue::Catalogue).unwrap();
/// assert_eq!(json["endpoints"][1]["slug"], "create-trackers");
/// assert_eq!(json["general"]["entries"][0]["status"], 200);
/// ```
impl<E: CatalogueEndpoint> Serialize for Catalogue<E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let base_paths = self.base_paths();
        let codes = self.codes();
        let fields = 3 + usize::from(!base_paths.is_empty()) + 2 * usize::from(!codes.is_empty());
        let mut map = s.serialize_struct("Catalogue", fields)?;
        map.serialize_field("page", self.page())?;
        if base_paths.is_empty() {
            map.skip_field("base_paths")?;
        } else {
            map.serialize_field("base_paths", base_paths)?;
        }
        map.serialize_field("general", &General(*self))?;
        map.serialize_field("endpoints", &Endpoints(*self))?;
        if codes.is_empty() {
            map.skip_field("codes")?;
            map.skip_field("code_pointers")?;
        } else {
            map.serialize_field("codes", codes)?;
            map.serialize_field("code_pointers", self.code_pointers())?;
        }
        map.end()
    }
}

struct General<E>(Catalogue<E>);

impl<E: CatalogueEndpoint> Serialize for General<E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let page = self.0.page();
        let mut map = s.serialize_struct("General", 3)?;
        map.serialize_field("title", page.general_title())?;
        map.serialize_field("slug", page.general_slug())?;
        map.serialize_field("entries", self.0.general())?;
        map.end()
    }
}

struct Endpoints<E>(Catalogue<E>);

impl<E: CatalogueEndpoint> Serialize for Endpoints<E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.endpoints().iter().map(|&e| EndpointTable(e)))
    }
}

/// An endpoint with its metadata and entries.
struct EndpointTable<E>(E);

impl<E: CatalogueEndpoint> Serialize for EndpointTable<E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut map = s.serialize_struct("Endpoint", 6)?;
        map.serialize_field("name", e.name())?;
        map.serialize_field("slug", e.slug())?;
        map.serialize_field("method", e.method().as_str())?;
        map.serialize_field("path", e.path())?;
        match e.deprecated() {
            Some(note) => map.serialize_field("deprecated", note)?,
            None => map.skip_field("deprecated")?,
        }
        map.serialize_field("entries", e.entries())?;
        map.end()
    }
}

impl<E: CatalogueEndpoint> Serialize for Entry<E> {
    /// A table row: its endpoint (as its slug, `null` for the general
    /// table), status, texts, and the application codes it lists (`codes`,
    /// only when it lists some). An application code's entry: `code` (as
    /// sent: a JSON number in a catalogue of integer codes) in place of
    /// `endpoint`, and `status` `null` for a code that comes with any.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_struct("Entry", 11)?;
        match self.app_code() {
            Some(code) => {
                map.skip_field("endpoint")?;
                map.serialize_field("code", &Code(code, PhantomData::<E>))?;
                map.serialize_field("status", &self.documented_status().map(|s| s.as_u16()))?;
            }
            None => {
                map.serialize_field("endpoint", &self.endpoint().map(E::slug))?;
                map.skip_field("code")?;
                map.serialize_field("status", &self.code())?;
            }
        }
        map.serialize_field("meaning", self.meaning())?;
        map.serialize_field("description", &self.description())?;
        map.serialize_field("resolution", &self.resolution())?;
        map.serialize_field("retryable", &self.retryable())?;
        map.serialize_field("anchor", self.anchor())?;
        map.serialize_field("example", &self.example())?;
        match self.deprecated() {
            Some(note) => map.serialize_field("deprecated", note)?,
            None => map.skip_field("deprecated")?,
        }
        match self.listed_codes() {
            [] => map.skip_field("codes")?,
            codes => map.serialize_field("codes", &Codes(codes, PhantomData::<E>))?,
        }
        map.end()
    }
}

/// An application code as the API sends it: a JSON number when the
/// catalogue's codes are integers (validation keeps each one's decimal text
/// a `u64`), else a string.
pub(crate) struct Code<E>(pub(crate) &'static str, pub(crate) PhantomData<E>);

impl<E: CatalogueEndpoint> Serialize for Code<E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.parse::<u64>() {
            Ok(n) if E::tables().integer_codes => s.serialize_u64(n),
            _ => s.serialize_str(self.0),
        }
    }
}

/// The codes a row lists, each as [`Code`].
pub(crate) struct Codes<E>(
    pub(crate) &'static [&'static str],
    pub(crate) PhantomData<E>,
);

impl<E: CatalogueEndpoint> Serialize for Codes<E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|&c| Code(c, PhantomData::<E>)))
    }
}
