//! Hostile application codes (tests/fixtures/hostile-codes.toml): in the
//! codes' table and in a row's Codes cell, MDX and Markdown parsed back
//! with a CommonMark + GFM parser keep each row's cells, and each code
//! reads exactly as sent; HTML escapes every one. (scripts/
//! check-docs-toolchains runs the same fixture through the real tools.)
//!
//! A process holds one loaded catalogue: this file is its own test binary.
#![cfg(all(feature = "load", feature = "render"))]

use std::sync::Once;

use error_catalogue::engine::Catalogue;
use error_catalogue::load::{self, Loaded};
use error_catalogue::render::Format;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/hostile-codes.toml"
);

fn catalogue() -> Catalogue<Loaded> {
    static LOAD: Once = Once::new();
    LOAD.call_once(|| {
        let report = error_catalogue_build::check_file(FIXTURE);
        assert!(!report.has_errors(), "{}", report.render(false));
        load::load(report.catalogue.as_ref().unwrap()).unwrap();
    });
    Catalogue::new()
}

fn rendered(format: Format) -> String {
    let mut out = Vec::new();
    catalogue().render(format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Every table row's cells as they read: text and code spans, `<br />` as
/// a line break, the renderer's own tags (anchors, links, code) dropped.
fn table_rows(doc: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(doc, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::TableRow | Tag::TableHead) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap();
                rows.last_mut().unwrap().push(text.trim().to_string());
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = &mut cell {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(h) => {
                let Some(c) = &mut cell else { continue };
                match h.as_ref() {
                    "<br />" => c.push('\n'),
                    "</a>" | "<code>" | "</code>" => {}
                    h if h.starts_with("<a id=") || h.starts_with("<a href=\"#code-") => {}
                    h => panic!("unexpected HTML {h:?} in {doc}"),
                }
            }
            _ => {}
        }
    }
    rows
}

fn codes() -> Vec<&'static str> {
    catalogue()
        .codes()
        .iter()
        .map(|e| e.app_code().unwrap())
        .collect()
}

#[test]
fn hostile_codes_read_back_in_their_cells() {
    let codes = codes();
    assert_eq!(codes.len(), 14);
    for format in [Format::Mdx, Format::Markdown] {
        let doc = rendered(format);
        let rows = table_rows(&doc);
        // General: header, then the 400 row listing every code.
        assert_eq!(rows[0], ["Error Code", "Meaning", "Codes"], "{format:?}");
        assert_eq!(rows[1].len(), 3, "{format:?}: {doc}");
        // Each code span reads as the code, edge spaces included.
        assert_eq!(rows[1][2], codes.join(", "), "{format:?}");
        let table = rows
            .iter()
            .position(|r| r[0] == "Code")
            .expect("the codes' table");
        for (row, code) in rows[table + 1..].iter().zip(&codes) {
            assert_eq!(row.len(), 5, "{format:?} {code:?}: {row:?}");
            assert_eq!(row[0], code.trim(), "{format:?}");
            assert_eq!(row[1], "400");
        }
        assert_eq!(rows.len(), table + 1 + codes.len(), "{format:?}");
    }
}

#[test]
fn hostile_codes_are_escaped_in_html_and_mdx() {
    let html = rendered(Format::Html);
    assert!(
        html.contains("<td><code>&lt;b&gt;bold&lt;/b&gt;</code></td>"),
        "{html}"
    );
    assert!(html.contains(
        "<a href=\"#code-link-javascript-alert\"><code>[link](javascript:alert)</code></a>"
    ));
    assert!(!html.contains("<b>bold"));
    let mdx = rendered(Format::Mdx);
    // The endpoint "Error Codes" has `error-codes`: the table takes the next.
    assert!(
        mdx.contains("### Error Codes - GET <a id=\"error-codes\"></a>"),
        "{mdx}"
    );
    assert!(
        mdx.contains("### Error codes <a id=\"error-codes-2\"></a>"),
        "{mdx}"
    );
    // Outside code spans, MDX would read braces and tags: each code is in one.
    assert!(mdx.contains("`{brace}` <a id=\"code-brace\"></a>"), "{mdx}");
    assert!(
        mdx.contains("<code>pipe\\|bar</code> <a id=\"code-pipe-bar\"></a>"),
        "{mdx}"
    );
}
