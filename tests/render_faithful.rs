//! The MDX page rendered from the shipped errors.toml against the page as
//! published (tests/fixtures/source-page.mdx), line by line after
//! normalising whitespace. The only differences allowed are the deliberate
//! ones README lists ("Docs formats"); any other difference fails.
#![cfg(feature = "render")]

const SOURCE: &str = include_str!("fixtures/source-page.mdx");

/// The deliberate differences, applied to the source page's lines (after
/// normalising): (what the source says, what the rendered page says).
const DELIBERATE: &[(&str, &str)] = &[
    // The mis-decoded apostrophe is repaired.
    ("doesnâ€™t", "doesn’t"),
    // Every endpoint heading shows its method the same way.
    ("### Async Text API- POST", "### Async Text API - POST"),
    ("### Create Trackers", "### Create Trackers - POST"),
    ("### Get Tracker", "### Get Tracker - GET"),
    // The async 429 row's meaning moves to the code cell, as in the other endpoint tables.
    (
        "429 | Too Many Requests -- Too many requests hit the API too quickly. This API",
        "429 - Too Many Requests | Too many requests hit the API too quickly. This API",
    ),
];

/// Drops anchors (`<a id="…"></a>`, deliberate), collapses whitespace, puts
/// exactly one space around table pipes, and drops blank lines.
fn normalise(page: &str) -> Vec<String> {
    page.lines()
        .map(|line| {
            let mut line = line.to_string();
            while let Some(start) = line.find("<a id=\"") {
                let Some(len) = line[start..].find("></a>") else {
                    break;
                };
                line.replace_range(start..start + len + "></a>".len(), "");
            }
            let line = if line.contains('|') {
                line.split('|')
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join(" | ")
            } else {
                line
            };
            line.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn rendered() -> String {
    let mut out = Vec::new();
    error_catalogue::render::mdx(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_page_matches_the_source_but_for_the_deliberate_differences() {
    let mut expected = normalise(SOURCE);
    for (from, to) in DELIBERATE {
        // A heading must match its whole line; other differences are part of a line.
        let hits: Vec<usize> = (0..expected.len())
            .filter(|&i| {
                expected[i] == *from || !from.starts_with('#') && expected[i].contains(from)
            })
            .collect();
        assert_eq!(
            hits.len(),
            1,
            "deliberate difference {from:?} must apply to one line"
        );
        let line = &mut expected[hits[0]];
        *line = line.replacen(from, to, 1);
    }
    let actual = normalise(&rendered());
    for (i, (a, e)) in actual.iter().zip(&expected).enumerate() {
        assert_eq!(a, e, "line {} of the normalised page differs", i + 1);
    }
    assert_eq!(
        actual.len(),
        expected.len(),
        "the pages have different lengths"
    );
}

#[test]
fn anchors_are_on_every_section_and_row() {
    let page = rendered();
    for e in error_catalogue::entries() {
        assert!(
            page.contains(&format!("<a id=\"{}\"></a>", e.anchor())),
            "{}",
            e.anchor()
        );
    }
    for e in error_catalogue::Endpoint::ALL {
        assert!(page.contains(&format!(" - {} <a id=\"{}\"></a>\n", e.method(), e.slug())));
    }
    assert!(page.contains("### HTTP Codes <a id=\"http-codes\"></a>\n"));
    assert!(
        !page.contains("{#"),
        "heading-id syntax is a JS expression in MDX 3"
    );
}
