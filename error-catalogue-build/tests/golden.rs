//! Golden copies of the generated code (insta snapshots beside this file):
//! any change to code generation shows in review as a diff of these, for a
//! small catalogue that uses every kind of field, for one with application
//! codes (string and integer), and for the shipped one.

use error_catalogue_build::codegen::{Options, source};
use error_catalogue_build::{check_file, check_str};

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
fn codes_catalogue() {
    insta::assert_snapshot!(generated("tests/fixtures/codes.toml"));
}

/// Integer codes (Ably's shape): variants `Code{n}`, keys their decimal text,
/// and a registry with no endpoints.
#[test]
fn integer_codes_catalogue() {
    let text = include_str!("fixtures/integer-codes.toml");
    let report = check_str("ably.toml", text);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    let catalogue = report.catalogue.as_ref().unwrap();
    insta::assert_snapshot!(source(catalogue, Options::new(true), "ably.toml"));
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
    let codes = generated("tests/fixtures/codes.toml");
    for want in [
        "    CardDeclined,\n",
        "(\"card_declined\", Code::CardDeclined)",
        "code: Some(\"card_declined\")",
        "status: Some(402)",
        "codes: &[\"card_declined\", \"expired_card\"]",
        "pub const CARD_DECLINED: &Entry = code(0);",
        "pub const ERR_RATE: &Entry = code(3);",
        "/// `ERR_RATE` (any status): Rate limited",
        "code_pointers: &[\"/error/code\", \"/error\"]",
    ] {
        assert!(codes.contains(want), "{want} in {codes}");
    }
}

/// Mixed segments in the route tries: an edge kind of its own, written as
/// the segment's parts, most literal text first (`ROUTES` alone).
#[test]
fn mixed_segment_routes() {
    let mut text = String::from(
        "[page]\nid = \"errors\"\ntitle = \"Errors\"\nslug = \"/errors/\"\n\
         docs_base_url = \"https://example.com/docs\"\n[general]\ntitle = \"General\"\n",
    );
    for (name, path) in [
        ("Thumbnail", "/files/{file_id}/thumbnail.{extension}"),
        ("Cancel", "/v1/{name}:cancel"),
        ("Get", "/v1/{name}"),
        ("Export", "/v1/{id}.{format}"),
        ("Major", "/api/v{major}/x"),
    ] {
        text.push_str(&format!(
            "[[endpoints]]\nname = \"{name}\"\nmethod = \"GET\"\npath = \"{path}\"\n"
        ));
    }
    let report = check_str("mixed.toml", &text);
    assert!(report.diagnostics.is_empty(), "{}", report.render(false));
    let code = source(
        report.catalogue.as_ref().unwrap(),
        Options::new(true),
        "mixed.toml",
    );
    let start = code.find("/// Each method's route trie").unwrap();
    let end = start + code[start..].find("\n];\n").unwrap() + 4;
    let routes = &code[start..end];
    assert!(routes.contains("Part::Text(\"thumbnail.\"),\n"), "{routes}");
    insta::assert_snapshot!(routes);
}
