//! The inline-Markdown grammar of the text fields, compiled from the build
//! crate's own file (copied into `OUT_DIR` by `build.rs`), so the renderers
//! treat as markup exactly what `Entry::plain_*` removes.
#![allow(dead_code)]

include!(concat!(env!("OUT_DIR"), "/inline_markup.rs"));
