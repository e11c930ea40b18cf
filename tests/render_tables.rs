//! The rendered MDX and Markdown parsed back with a CommonMark + GFM parser
//! (pulldown-cmark): every row of the source page must be there, word for
//! word, and every cell must read as the catalogue's text.
#![cfg(feature = "render")]

use error_catalogue::render::{self, tables};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const SOURCE: &str = include_str!("fixtures/source-page.mdx");

type Tables = Vec<Vec<Vec<String>>>;

/// Every table's rows (header included) as cell texts: text and code
/// content, `<br />` as a line break, other HTML (anchors, tags) dropped.
fn parse_tables(markdown: &str) -> Tables {
    let mut tables: Tables = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                tables.last_mut().unwrap().push(Vec::new())
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap();
                tables.last_mut().unwrap().last_mut().unwrap().push(text);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = &mut cell {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(h) if h.as_ref() == "<br />" => {
                if let Some(c) = &mut cell {
                    c.push('\n');
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = &mut cell {
                    c.push(' ');
                }
            }
            _ => {}
        }
    }
    tables
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn rendered(f: fn(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    f(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The source page's tables, with its two row repairs: the apostrophe, and
/// the async 429 row's meaning moved into the code cell.
fn source_tables() -> Tables {
    let mut tables = parse_tables(SOURCE);
    for row in tables.iter_mut().flatten() {
        for cell in row.iter_mut() {
            *cell = words(&cell.replace("doesnâ€™t", "doesn’t"));
        }
        if row.len() == 3 && row[0] == "429" {
            let (meaning, description) = row[1].split_once(" -- ").unwrap();
            let (meaning, description) = (meaning.to_string(), description.to_string());
            row[0] = format!("429 - {meaning}");
            row[1] = description;
        }
    }
    tables
}

fn check_against_source(page: &str) {
    let expected = source_tables();
    assert_eq!(expected.len(), 4, "the source page has four tables");
    assert_eq!(
        expected.iter().map(Vec::len).sum::<usize>(),
        4 + 18,
        "four header rows and eighteen entries"
    );
    let actual: Tables = parse_tables(page)
        .into_iter()
        .map(|t| {
            t.into_iter()
                .map(|r| r.iter().map(|c| words(c)).collect())
                .collect()
        })
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn mdx_has_every_row_of_the_source_page_word_for_word() {
    check_against_source(&rendered(render::mdx));
}

#[test]
fn markdown_has_every_row_of_the_source_page_word_for_word() {
    check_against_source(&rendered(render::markdown));
}

#[test]
fn every_cell_reads_as_the_catalogue_text() {
    for page in [rendered(render::mdx), rendered(render::markdown)] {
        let parsed = parse_tables(&page);
        let model = tables();
        assert_eq!(parsed.len(), model.len());
        for (table, parsed) in model.iter().zip(&parsed) {
            assert_eq!(parsed[0], table.header);
            for (row, parsed) in table.rows.iter().zip(&parsed[1..]) {
                let cells: Vec<String> = row.cells.iter().map(|c| c.plain_text()).collect();
                assert_eq!(parsed.iter().map(|c| c.trim()).collect::<Vec<_>>(), cells);
            }
            assert_eq!(parsed.len(), table.rows.len() + 1);
        }
    }
}

#[test]
fn markdown_has_no_front_matter_or_jsx_and_mdx_keeps_both() {
    let md = rendered(render::markdown);
    assert!(md.starts_with("# Error Codes\n\n"));
    assert!(!md.contains("import "));
    assert!(!md.contains("<aside"));
    assert!(md.contains("\n> If you face any issues"));
    assert!(md.contains("[support@symbl.ai](mailto:support@symbl.ai?subject=Support%20Ticket)"));
    let mdx = rendered(render::mdx);
    assert!(mdx.starts_with("---\nid: errors\ntitle: Error Codes\n"));
    assert!(mdx.contains("<aside class=\"notice\">\n"));
}
