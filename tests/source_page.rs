//! Every row of the source page (tests/fixtures/source-page.mdx, the page as
//! published) asserted through the public API: the page is parsed here,
//! independently of errors.toml, and each row must come back from `lookup`.

use error_catalogue::{
    Endpoint, Entry, StatusCode, entries, general, lookup, lookup_general, page,
};

const PAGE: &str = include_str!("fixtures/source-page.mdx");

/// One table row as the page writes it.
#[derive(Debug)]
struct Row {
    section: String,
    status: u16,
    meaning: String,
    description: Option<String>,
    resolution: Option<String>,
}

/// Splits `Meaning -- Description` (the general table's and the async row's form).
fn split_meaning(cell: &str) -> (String, Option<String>) {
    match cell.split_once(" -- ") {
        Some((m, d)) => (m.trim().to_string(), Some(d.trim().to_string())),
        None => (cell.trim().to_string(), None),
    }
}

/// The page's one deliberate repair: a mis-decoded apostrophe.
fn repair(s: &str) -> String {
    s.replace("doesnâ€™t", "doesn’t")
}

fn page_rows() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut section = String::new();
    for line in PAGE.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            section = h.trim().to_string();
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Some(code_cell) = cells.first() else {
            continue;
        };
        let digits: String = code_cell.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() != 3 || cells.len() < 2 {
            continue;
        }
        let status: u16 = digits.parse().unwrap();
        let code_meaning = code_cell[3..].trim().trim_start_matches('-').trim();
        let row = if cells.len() == 2 {
            let (meaning, description) = split_meaning(cells[1]);
            Row {
                section: section.clone(),
                status,
                meaning,
                description,
                resolution: None,
            }
        } else if code_meaning.is_empty() {
            let (meaning, description) = split_meaning(cells[1]);
            Row {
                section: section.clone(),
                status,
                meaning,
                description,
                resolution: Some(repair(cells[2])),
            }
        } else {
            Row {
                section: section.clone(),
                status,
                meaning: code_meaning.to_string(),
                description: Some(repair(cells[1])),
                resolution: Some(repair(cells[2])),
            }
        };
        rows.push(row);
    }
    rows
}

/// "Async Text API- POST" → "Async Text API".
fn endpoint_of(section: &str) -> Option<Endpoint> {
    if section == "HTTP Codes" {
        return None;
    }
    let name = section.split("- ").next().unwrap().trim();
    Some(
        name.parse()
            .unwrap_or_else(|_| panic!("no endpoint for section {section:?}")),
    )
}

fn assert_row(row: &Row, e: &Entry, endpoint: Option<Endpoint>) {
    let at = format!("{} {}", row.section, row.status);
    assert_eq!(e.code(), row.status, "{at}");
    assert_eq!(
        e.status(),
        StatusCode::from_u16(row.status).unwrap(),
        "{at}"
    );
    assert_eq!(e.meaning(), row.meaning, "{at}");
    assert_eq!(e.description(), row.description.as_deref(), "{at}");
    assert_eq!(e.resolution(), row.resolution.as_deref(), "{at}");
    assert_eq!(e.endpoint(), endpoint, "{at}");
}

#[test]
fn every_row_of_the_page_is_in_the_catalogue() {
    let rows = page_rows();
    assert_eq!(
        rows.len(),
        18,
        "the page has 9 general rows and 9 endpoint rows"
    );
    for row in &rows {
        let endpoint = endpoint_of(&row.section);
        let status = StatusCode::from_u16(row.status).unwrap();
        let e = match endpoint {
            Some(ep) => lookup(ep, status).unwrap(),
            None => lookup_general(status).unwrap(),
        };
        assert_row(row, e, endpoint);
    }
    // And nothing else: the catalogue holds exactly the page's rows, in page order.
    assert_eq!(entries().len(), rows.len());
    for (row, e) in rows.iter().zip(entries()) {
        assert_row(row, e, endpoint_of(&row.section));
    }
}

#[test]
fn endpoints_in_page_order_with_methods_and_paths() {
    let expected = [
        (
            "Async Text API",
            "async-text-api",
            "POST",
            "/v1/process/text",
            1,
        ),
        (
            "Create Trackers",
            "create-trackers",
            "POST",
            "/v1/manage/trackers",
            7,
        ),
        (
            "Get Tracker",
            "get-tracker",
            "GET",
            "/v1/manage/tracker/{trackerId}",
            1,
        ),
    ];
    assert_eq!(Endpoint::ALL.len(), expected.len());
    for (e, (name, slug, method, path, n)) in Endpoint::ALL.iter().zip(expected) {
        assert_eq!(
            (
                e.name(),
                e.slug(),
                e.method().as_str(),
                e.path(),
                e.entries().len()
            ),
            (name, slug, method, path, n)
        );
        assert_eq!(e.to_string(), name);
        assert!(e.entries().iter().all(|x| x.endpoint() == Some(*e)));
    }
    // The section heading "Async Text API- POST" names the method the data carries.
    assert!(PAGE.contains("### Async Text API- POST"));
}

#[test]
fn page_metadata_is_kept() {
    let p = page();
    assert_eq!(
        (p.id(), p.title(), p.sidebar_label(), p.slug()),
        (
            "errors",
            "Error Codes",
            "Error Codes",
            "/developer-tools/errors/"
        )
    );
    for (k, v) in [
        ("id", p.id()),
        ("title", p.title()),
        ("sidebar_label", p.sidebar_label()),
        ("slug", p.slug()),
    ] {
        assert!(PAGE.contains(&format!("{k}: {v}\n")), "front matter {k}");
    }
    for import in p.imports() {
        assert!(PAGE.contains(import), "{import}");
    }
    assert_eq!(p.intro().len(), 2);
    for paragraph in p.intro() {
        assert!(PAGE.contains(paragraph), "{paragraph}");
    }
    assert_eq!(p.general_title(), "HTTP Codes");
    assert!(PAGE.contains(&format!("### {}\n", p.general_title())));
    let support = p.support().unwrap();
    assert_eq!(support.email(), "support@symbl.ai");
    assert!(
        support
            .notice()
            .starts_with("If you face any issues or find bugs")
    );
    assert!(
        support
            .notice()
            .contains("mailto:support@symbl.ai?subject=Support%20Ticket")
    );
    assert!(PAGE.contains("and we'll get back to you as soon as possible."));
}

#[test]
fn the_example_body_belongs_to_401() {
    let e = lookup_general(StatusCode::UNAUTHORIZED).unwrap();
    let example = e.example().unwrap();
    assert_eq!(example.caption(), Some("example auth token is incorrect"));
    assert_eq!(example.lang(), "bash");
    assert!(PAGE.contains(example.body()), "body verbatim");
    assert!(PAGE.contains(&format!("// {}", example.caption().unwrap())));
    assert_eq!(
        entries().iter().filter(|e| e.example().is_some()).count(),
        1
    );
}

#[test]
fn general_table_and_forbidden_without_description() {
    assert_eq!(general().len(), 9);
    assert!(general().iter().all(Entry::is_general));
    let forbidden = lookup_general(StatusCode::FORBIDDEN).unwrap();
    assert_eq!(
        (forbidden.meaning(), forbidden.description()),
        ("Forbidden", None)
    );
}
