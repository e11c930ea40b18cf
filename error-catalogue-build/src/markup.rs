//! Inline Markdown: the text fields' markup, and their plain-text form.
//!
//! The grammar lives in the `error-catalogue-markup` crate, which the runtime
//! crate's renderers use too, so what they treat as markup is exactly what
//! [`plain_text`] removes here.

pub use error_catalogue_markup::{Inline, parse_inline, plain_text};
