//! README's table of diagnostic codes and `Code::ALL` stay in step: the same
//! codes and names, in the same order, each with a bad example and its fix.

use error_catalogue_build::Code;

const README: &str = include_str!("../../README.md");

/// `(id, name, bad, fix)` of every row of the table under "## Diagnostics".
fn readme_rows() -> Vec<[String; 4]> {
    let section = README
        .split("\n## Diagnostics\n")
        .nth(1)
        .expect("README has a Diagnostics section");
    let section = section.split("\n## ").next().unwrap();
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<String> = l
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect();
            assert_eq!(cells.len(), 4, "{l}");
            [
                cells[0].clone(),
                cells[1].clone(),
                cells[2].clone(),
                cells[3].clone(),
            ]
        })
        .collect()
}

#[test]
fn readme_lists_every_code_in_order() {
    let rows = readme_rows();
    let listed: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    let codes: Vec<(&str, &str)> = Code::ALL.iter().map(|c| (c.id(), c.name())).collect();
    assert_eq!(listed, codes);
    for row in &rows {
        assert!(
            !row[2].is_empty() && !row[3].is_empty(),
            "{} needs a bad example and a fix",
            row[0]
        );
    }
}

#[test]
fn severities_follow_the_letter() {
    for code in Code::ALL {
        let warning = code.id().starts_with('W');
        assert_eq!(
            code.severity() == error_catalogue_build::Severity::Warning,
            warning
        );
    }
}
