//! Golden copies of the generated code (insta snapshots beside this file):
//! any change to code generation shows in review as a diff of these, for a
//! small catalogue in both record forms and for the shipped one.

use error_catalogue_build::check_file;
use error_catalogue_build::codegen::{Layout, Options, source};

fn generated(path: &str, layout: Layout) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let report = check_file(&full);
    let catalogue = report.catalogue.as_ref().expect("the fixture is valid");
    source(catalogue, Options::new(true, layout), path)
}

#[test]
fn small_catalogue_readable() {
    insta::assert_snapshot!(generated("tests/fixtures/small.toml", Layout::Readable));
}

#[test]
fn small_catalogue_packed() {
    insta::assert_snapshot!(generated("tests/fixtures/small.toml", Layout::Packed));
}

#[test]
fn shipped_catalogue() {
    // `Auto` is what the shipped crate's build script uses.
    insta::assert_snapshot!(generated("../errors.toml", Layout::Auto));
}

#[test]
fn auto_writes_small_catalogues_readable() {
    let auto = generated("tests/fixtures/small.toml", Layout::Auto);
    assert_eq!(
        auto,
        generated("tests/fixtures/small.toml", Layout::Readable)
    );
    assert!(auto.contains("anchor: \"get-thing-404\""));
    assert!(Layout::Auto.packs(error_catalogue_build::codegen::READABLE_MAX_ENTRIES + 1));
}
