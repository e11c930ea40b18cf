//! The page as plain CommonMark + GFM (no front matter, no JSX), for
//! READMEs, mdBook and GitHub: a title, the intro, the tables with leading
//! and trailing pipes, the example bodies and the notice as a block quote.

use super::escape::{self, Place, Target};
use super::page_parts;
use crate::engine::{Catalogue, CatalogueEndpoint};

/// The page as Markdown.
pub fn page<E: CatalogueEndpoint>(c: Catalogue<E>) -> String {
    let page = c.page();
    let mut out = String::from("# ");
    escape::plain(&mut out, page.title(), Target::Markdown, Place::Paragraph);
    out.push_str("\n\n");
    page_parts::body(
        c,
        &mut out,
        Target::Markdown,
        &|out: &mut String, heading, anchor| {
            out.push_str("## ");
            escape::plain(out, heading, Target::Markdown, Place::Paragraph);
            out.push(' ');
            page_parts::anchor(out, anchor);
        },
    );
    if let Some(support) = page.support() {
        out.push_str("> ");
        escape::markup(
            &mut out,
            support.notice(),
            Target::Markdown,
            Place::Paragraph,
        );
        out.push('\n');
    }
    out
}
