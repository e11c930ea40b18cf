//! `Serialize` for the records users see (feature `serde`): the JSON shape
//! error-catalogue's renderers print and its `schema/` describes.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use crate::{DocsUrl, Example, Page, Support};

impl Serialize for Example<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_struct("Example", 3)?;
        map.serialize_field("caption", &self.caption)?;
        map.serialize_field("lang", self.lang)?;
        map.serialize_field("body", self.body)?;
        map.end()
    }
}

impl Serialize for Page<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(8))?;
        map.serialize_entry("id", self.id)?;
        map.serialize_entry("title", self.title)?;
        map.serialize_entry("sidebar_label", self.sidebar_label)?;
        map.serialize_entry("slug", self.slug)?;
        map.serialize_entry("docs_base_url", self.docs_base_url)?;
        map.serialize_entry("imports", self.imports)?;
        map.serialize_entry("intro", self.intro)?;
        map.serialize_entry("support", &self.support)?;
        map.end()
    }
}

impl Serialize for Support<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_struct("Support", 2)?;
        map.serialize_field("notice", self.notice)?;
        map.serialize_field("email", self.email)?;
        map.end()
    }
}

impl Serialize for DocsUrl<'_> {
    /// The URL as a string.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
