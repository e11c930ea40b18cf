//! The Docusaurus page (MDX 3 with GFM tables), laid out as the source page:
//! front matter, imports, the rule, intro, the tables, the example bodies and
//! the support notice, with an anchor on every section and row.

use super::escape::{self, Place, Target};
use super::{page_parts, yaml_scalar};
use crate::engine::{Catalogue, CatalogueEndpoint};

/// The page as MDX.
pub fn page<E: CatalogueEndpoint>(c: Catalogue<E>) -> String {
    let page = c.page();
    let mut out = String::new();
    out.push_str("---\n");
    for (key, value) in [
        ("id", page.id()),
        ("title", page.title()),
        ("sidebar_label", page.sidebar_label()),
        ("slug", page.slug()),
    ] {
        out.push_str(key);
        out.push_str(": ");
        yaml_scalar(&mut out, value);
        out.push('\n');
    }
    out.push_str("---\n");
    for import in page.imports() {
        out.push_str(import);
        out.push('\n');
    }
    out.push_str("\n---\n");
    page_parts::body(
        c,
        &mut out,
        Target::Mdx,
        &|out: &mut String, heading, anchor| {
            out.push_str("### ");
            escape::plain(out, heading, Target::Mdx, Place::Paragraph);
            out.push(' ');
            page_parts::anchor(out, anchor);
        },
    );
    if let Some(support) = page.support() {
        out.push_str("<aside class=\"notice\">\n");
        escape::markup(&mut out, support.notice(), Target::Mdx, Place::Paragraph);
        out.push_str("\n</aside>\n");
    }
    out
}
