//! Golden copies of the generated code (insta snapshots beside this file):
//! any change to code generation shows in review as a diff of these, for a
//! small catalogue that uses every kind of field and for the shipped one.

use error_catalogue_build::check_file;
use error_catalogue_build::codegen::{Options, source};

fn generated(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let report = check_file(&full);
    let catalogue = report.catalogue.as_ref().expect("the fixture is valid");
    source(catalogue, Options::new(true), path)
}

#[test]
fn small_catalogue() {
    insta::assert_snapshot!(generated("tests/fixtures/small.toml"));
}

#[test]
fn shipped_catalogue() {
    insta::assert_snapshot!(generated("../errors.toml"));
}

/// What a reviewer reads is the data: records by name, no byte strings.
#[test]
fn generated_code_reads_like_the_data() {
    for path in ["tests/fixtures/small.toml", "../errors.toml"] {
        let code = generated(path);
        assert!(!code.contains("b\""), "{path}: a byte string");
        assert!(!code.contains("b'"), "{path}: a byte literal");
    }
    let small = generated("tests/fixtures/small.toml");
    assert!(small.contains("anchor: \"get-thing-404\""));
    assert!(small.contains("Literal {\n"));
    assert!(small.contains("segment: \"things\""));
}
